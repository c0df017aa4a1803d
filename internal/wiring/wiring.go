// Package wiring builds Santunan's services from the configuration: the
// one place where the workflow engine gets its guards (required documents,
// the death-register check, the budget) and its reserved actions (payments
// only through batches), where each capability gets its service, and where
// the metrics of /metrics hear the engine's actions and the database's
// retries (one registry per Build, never the default one). The server
// (serve.go) and every HTTP, page and browser test use it, through Site, so
// the tests run what production runs.
package wiring

import (
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"santunan/applications"
	"santunan/areas"
	"santunan/auth"
	"santunan/complaints"
	"santunan/config"
	"santunan/database"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/metrics"
	"santunan/payments"
	"santunan/ratelimit"
	"santunan/receipts"
	"santunan/reports"
	"santunan/survey"
	"santunan/workdays"
	"santunan/workflow"
)

// Options are what a test changes beside the configuration: what lies
// outside our walls, and the clock.
type Options struct {
	// Now is every service's clock; nil means time.Now.
	Now func() time.Time
	// BcryptCost hashes passwords; 0 means auth's default (tests use
	// bcrypt.MinCost to run fast).
	BcryptCost int
	// Registry replaces Dukcapil's web service that the configuration
	// names (a fake in tests); nil keeps the configuration's, if any.
	Registry deathregister.RegistryClient
	// Inquirer is a bank's account-name inquiry; nil means the treasurer
	// confirms names by hand (no bank interface is contracted yet).
	Inquirer payments.AccountInquirer
	// Log hears what a metrics scrape could not gather; nil discards it.
	Log *slog.Logger
}

// Services are the engine and the capabilities built on it (which the
// front doors call), the clock they all read and the rate limits' counter.
type Services struct {
	httpkit.Capabilities
	Now         func() time.Time
	RateCounter ratelimit.Counter
	// Metrics is the registry of /metrics with its collectors: requests,
	// transitions, retries, claims and queues, pools, runtime and build.
	Metrics *metrics.Metrics
}

// Build wires the services on db. dir must hold the regency's villages.
func Build(db *database.DB, dir *areas.Directory, cfg config.Config, o Options) Services {
	if o.Now == nil {
		o.Now = time.Now
	}
	m := buildMetrics(db, cfg, o)
	// Every service's transactions count their retries.
	db = db.WithRetryHook(m.TxRetried)
	req := Requirements(cfg.Evidence)
	// Messages to heirs are queued in each event's transaction; the paid
	// one carries the satisfaction survey's link, whose invite the
	// survey's own hook makes for every paid claim.
	surveys := survey.New(db, survey.Options{PublicURL: cfg.PublicURL, Now: o.Now, Location: domain.Jakarta()})
	notes := buildNotify(db, cfg, o, m, surveys.MessageLink)
	// The working-day calendar; its hook keeps each claim's stage due day.
	calendar := workdays.New(db, workdays.Options{Standard: cfg.Standard, Now: o.Now, Location: domain.Jakarta(),
		Required: req, Benefit: domain.Rupiah(cfg.BenefitAmount)})
	engine := workflow.New(db, workflow.Options{
		Areas: dir, RegencyCode: cfg.RegencyCode, WindowDays: cfg.ClaimWindowDays,
		Amount: domain.Rupiah(cfg.BenefitAmount), Now: o.Now, Location: domain.Jakarta(),
		// Required documents and the death-register check; the budget
		// ceiling on approve/retry_payment/cancel; payment actions only
		// through payment batches.
		Guards:   MergeGuards(EvidenceGuards(req), payments.Guards(domain.Jakarta())),
		Reserved: payments.ReservedActions,
		Observe:  m.Transition,
		OnEvent:  []workflow.EventHook{calendar.Hook(), notes.Hook(), surveys.Hook()},
	})
	m.WatchClaims(engine)
	e := cfg.Evidence
	registry := o.Registry
	if registry == nil {
		registry = deathregister.NewHTTPRegistry(e.DukcapilURL, e.DukcapilKey, e.DukcapilTimeout)
	}
	// Documents are stored in the database; an object store can replace
	// documents.NewDBBlobs behind the same interface.
	docs := documents.New(db, engine, documents.NewDBBlobs(db), documents.Options{
		MaxBytes: e.MaxUploadBytes, Required: req, Now: o.Now,
	})
	apps := applications.New(db, engine, docs, applications.Options{Now: o.Now, Sender: notes})
	return Services{Now: o.Now, RateCounter: rateCounter(db), Metrics: m, Capabilities: httpkit.Capabilities{
		Engine:  engine,
		Areas:   dir,
		Offices: cfg.Offices, PublicURL: cfg.PublicURL,
		Notify:   notes,
		Calendar: calendar,
		Survey:   surveys,
		Auth: auth.New(db, auth.Options{TokenTTL: cfg.TokenTTL, SessionIdle: cfg.SessionIdle,
			BcryptCost: o.BcryptCost, Now: o.Now}),
		Payments:     payments.New(db, engine, payments.Options{Location: domain.Jakarta(), Areas: dir, Inquirer: o.Inquirer}),
		Documents:    docs,
		Applications: apps,
		Complaints:   buildComplaints(db, engine, dir, cfg, o, apps, notes, calendar),
		Receipts:     receipts.New(engine, docs, cfg.Offices, cfg.PublicURL, cfg.Standard),
		Reports:      buildReports(db, dir, cfg, o, calendar, surveys),
		DeathRegister: deathregister.New(db, engine, deathregister.Options{
			Areas: dir, RegencyCode: cfg.RegencyCode, WindowDays: cfg.ClaimWindowDays,
			UnclaimedAfterDays: e.UnclaimedAfterDays, MaxImportBytes: e.MaxImportBytes,
			Registry: registry, Now: o.Now, Location: domain.Jakarta(),
		}),
	}}
}

// buildMetrics makes the registry of /metrics (its own, never the
// process-wide default) with the pools' statistics.
func buildMetrics(db *database.DB, cfg config.Config, o Options) *metrics.Metrics {
	m := metrics.New(prometheus.NewRegistry(), metrics.Options{
		Access: metrics.Access{Allow: cfg.Metrics.Allow, Token: cfg.Metrics.Token}, Now: o.Now, Log: o.Log,
	})
	pools, err := db.Pools()
	if err != nil && o.Log != nil {
		o.Log.Error("metrics: no pool statistics", "error", err.Error())
	}
	m.WatchPools(pools)
	return m
}

// rateCounter counts the rate limits in the database on PostgreSQL, where
// several servers may share one database, and in memory on SQLite, which has
// one server (and one writer that every request would otherwise queue on).
func rateCounter(db *database.DB) ratelimit.Counter {
	if db.IsPostgres() {
		return ratelimit.NewShared(db)
	}
	return ratelimit.NewMemory()
}

// Requirements are the documents each action needs, from the configuration.
func Requirements(e config.Evidence) documents.Requirements {
	return documents.Requirements{
		domain.ActionVerifyDeath: e.RequiredVerify,
		domain.ActionApprove:     e.RequiredApprove,
	}
}

// EvidenceGuards: required documents on verify_death and approve, then the
// death-register check on verify_death (a mismatch needs the clerk's
// confirmation, every outcome goes into the audit trail).
func EvidenceGuards(req documents.Requirements) map[domain.Action][]workflow.Guard {
	guards := map[domain.Action][]workflow.Guard{}
	req.Install(guards)
	guards[domain.ActionVerifyDeath] = append(guards[domain.ActionVerifyDeath], deathregister.Guard())
	return guards
}

// MergeGuards joins the engine guards of several capabilities; each
// action's guards run in the order the sets are given.
func MergeGuards(sets ...map[domain.Action][]workflow.Guard) map[domain.Action][]workflow.Guard {
	out := map[domain.Action][]workflow.Guard{}
	for _, set := range sets {
		for action, guards := range set {
			out[action] = append(out[action], guards...)
		}
	}
	return out
}

// buildComplaints is the public's complaints on the engine's transactions:
// the working-day calendar, the complaint deadlines of the service
// standard, phone checks of the heirs' forms, messages through notify and
// evidence in documents' blob store.
func buildComplaints(db *database.DB, engine *workflow.Engine, dir *areas.Directory, cfg config.Config, o Options,
	apps *applications.Service, notes complaints.Messenger, calendar *workdays.Service) *complaints.Service {
	return complaints.New(db, engine, complaints.Options{
		Now: o.Now, Location: domain.Jakarta(), Deadlines: cfg.Standard.Complaints,
		Calendar: calendar, Phones: apps, Messages: notes, Blobs: documents.NewDBBlobs(db),
		MaxEvidenceBytes: cfg.Evidence.MaxUploadBytes, Areas: dir, RegencyCode: cfg.RegencyCode,
		PublicURL: cfg.PublicURL, Lapor: complaints.NewHTTPLapor(cfg.Lapor.URL, cfg.Lapor.Token, cfg.Lapor.Timeout),
	})
}

// buildReports is the head of office's reports on the working-day calendar
// and the configured service standard; claims carry their stage's due day
// (the calendar's hook), so the reports count the overdue ones; the
// complaints and the SKM index come from their capabilities' tables.
func buildReports(db *database.DB, dir *areas.Directory, cfg config.Config, o Options, cal reports.Calendar,
	surveys *survey.Service) *reports.Service {
	return reports.New(db, reports.Options{
		Calendar: cal, Standard: cfg.Standard, Areas: dir, RegencyCode: cfg.RegencyCode, Now: o.Now,
		Overdue: true, Complaints: true, Survey: reports.FromSurvey(surveys),
	})
}
