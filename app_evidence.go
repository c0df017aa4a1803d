package main

import (
	"time"

	"santunan/areas"
	"santunan/config"
	"santunan/database"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/workflow"
)

// requirements are the documents each action needs, from the configuration.
func requirements(e config.Evidence) documents.Requirements {
	return documents.Requirements{
		domain.ActionVerifyDeath: e.RequiredVerify,
		domain.ActionApprove:     e.RequiredApprove,
	}
}

// evidenceGuards: required documents on verify_death and approve, then the
// death-register check on verify_death (a mismatch needs the clerk's
// confirmation, every outcome goes into the audit trail).
func evidenceGuards(req documents.Requirements) map[domain.Action][]workflow.Guard {
	guards := map[domain.Action][]workflow.Guard{}
	req.Install(guards)
	guards[domain.ActionVerifyDeath] = append(guards[domain.ActionVerifyDeath], deathregister.Guard())
	return guards
}

// evidenceServices builds the document and death-register services.
// Documents are stored in the database; an object store can replace
// documents.NewDBBlobs behind the same interface.
func evidenceServices(db *database.DB, engine *workflow.Engine, dir *areas.Directory, cfg config.Config,
	req documents.Requirements) (*documents.Service, *deathregister.Service) {
	e := cfg.Evidence
	docs := documents.NewService(engine, db, documents.NewDBBlobs(db), documents.Options{
		MaxBytes: e.MaxUploadBytes, Required: req, Now: time.Now,
	})
	register := deathregister.NewService(db, engine, deathregister.Options{
		Areas: dir, RegencyCode: cfg.RegencyCode, WindowDays: cfg.ClaimWindowDays,
		UnclaimedAfterDays: e.UnclaimedAfterDays, MaxImportBytes: e.MaxImportBytes,
		Registry: deathregister.NewHTTPRegistry(e.DukcapilURL, e.DukcapilKey, e.DukcapilTimeout),
		Now:      time.Now, Location: domain.Jakarta(),
	})
	return docs, register
}
