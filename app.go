package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"santunan/areas"
	"santunan/auth"
	"santunan/config"
	"santunan/database"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/payments"
	"santunan/workflow"
)

// app is everything a command needs, wired once from the configuration.
type app struct {
	cfg      config.Config
	log      *slog.Logger
	db       *database.DB
	areas    *areas.Directory
	auth     *auth.Service
	engine   *workflow.Engine
	payments *payments.Service
	// documents and register: supporting documents and the death register.
	documents *documents.Service
	register  *deathregister.Service
}

// openApp reads the configuration, opens and migrates the database and
// builds the services. The caller closes app.db.
func openApp(ctx context.Context, getenv func(string) string, logOut io.Writer) (*app, error) {
	cfg, err := config.FromEnv(getenv)
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	log := slog.New(slog.NewJSONHandler(logOut, &slog.HandlerOptions{Level: cfg.LogLevel}))
	dir, err := areas.Load()
	if err != nil {
		return nil, fmt.Errorf("area codes: %w", err)
	}
	if !dir.HasVillages(cfg.RegencyCode) {
		return nil, fmt.Errorf("configuration: SANTUNAN_REGENCY_CODE %s: no desa/kelurahan list for this regency", cfg.RegencyCode)
	}
	db, err := database.Open(ctx, database.Options{URL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath})
	if err != nil {
		return nil, err
	}
	n, err := db.Migrate(ctx)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	where := cfg.SQLitePath
	if cfg.DatabaseURL != "" {
		where = database.RedactURL(cfg.DatabaseURL)
	}
	log.Info("database ready", "dialect", string(db.Dialect), "at", where, "migrations_applied", n)
	req := requirements(cfg.Evidence)
	engine := workflow.NewEngine(db, workflow.Config{
		Areas: dir, RegencyCode: cfg.RegencyCode, WindowDays: cfg.ClaimWindowDays,
		Amount: domain.Rupiah(cfg.BenefitAmount), Now: time.Now, Location: domain.Jakarta(),
		// Required documents and the death-register check
		// (app_evidence.go); the budget ceiling on
		// approve/retry_payment/cancel; payment actions only through
		// disbursement batches.
		Guards:   mergeGuards(evidenceGuards(req), payments.Guards(domain.Jakarta())),
		Reserved: payments.ReservedActions,
	})
	docs, register := evidenceServices(db, engine, dir, cfg, req)
	return &app{
		cfg: cfg, log: log, db: db, areas: dir, documents: docs, register: register,
		auth:     auth.NewService(db, auth.Options{TokenTTL: cfg.TokenTTL, SessionIdle: cfg.SessionIdle}),
		engine:   engine,
		payments: payments.New(db, engine, payments.Config{Location: domain.Jakarta(), Areas: dir}),
	}, nil
}

// mergeGuards joins the engine guards of several capabilities; each
// action's guards run in the order the sets are given.
func mergeGuards(sets ...map[domain.Action][]workflow.Guard) map[domain.Action][]workflow.Guard {
	out := map[domain.Action][]workflow.Guard{}
	for _, set := range sets {
		for action, guards := range set {
			out[action] = append(out[action], guards...)
		}
	}
	return out
}
