// Package metrics is what Santunan tells Prometheus at GET /metrics: HTTP
// requests by route pattern, workflow actions by outcome, transaction
// retries, claims per status and how long each role's queue has waited,
// the database pools, and the Go runtime and build. Everything goes into
// one registry that the wiring makes (never the process-wide default), and
// no label ever holds a NIK, a claim code, a name or a URL with an id: routes
// are gin's patterns, actions and statuses come from the domain's lists.
package metrics

import (
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"santunan/domain"
	"santunan/workflow"
)

// namespace prefixes Santunan's own metrics.
const namespace = "santunan"

// Options are the settings of the metrics.
type Options struct {
	// Access says who may read /metrics (access.go).
	Access Access
	// Now is the services' clock, against which claims' ages are measured;
	// nil means time.Now.
	Now func() time.Time
	// CacheFor is how long one reading of the claims is served to every
	// scraper (default 15s), so that many scrapers cost one query.
	CacheFor time.Duration
	// Log hears what a scrape could not gather; nil discards it.
	Log *slog.Logger
}

// Metrics holds the registry and Santunan's own collectors.
type Metrics struct {
	reg         *prometheus.Registry
	opts        Options
	access      access
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	transitions *prometheus.CounterVec
	retries     *prometheus.CounterVec
}

// Outcomes of an action, the values of the transitions' outcome label.
const (
	OutcomeOK                = "ok"
	OutcomeInvalidTransition = "invalid_transition"
	OutcomeVersionConflict   = "version_conflict"
	OutcomeValidation        = "validation"
	OutcomeForbidden         = "forbidden"
	OutcomeRolledBack        = "rolled_back"
	OutcomeOther             = "other"
)

var outcomes = []string{OutcomeOK, OutcomeInvalidTransition, OutcomeVersionConflict, OutcomeValidation,
	OutcomeForbidden, OutcomeRolledBack, OutcomeOther}

// retryCodes are the SQLSTATEs database.InTx runs a transaction again on.
var retryCodes = []string{"40001", "40P01"}

// New registers Santunan's metrics, the Go runtime's, the process's and
// the build's on reg. Registering twice on one registry panics (a wiring bug).
func New(reg *prometheus.Registry, o Options) *Metrics {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.CacheFor <= 0 {
		o.CacheFor = 15 * time.Second
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	m := &Metrics{reg: reg, opts: o, access: newAccess(o.Access),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Subsystem: "http",
			Name: "requests_total", Help: "HTTP requests answered, by route pattern, method and status class."},
			[]string{"route", "method", "status_class"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: namespace, Subsystem: "http",
			Name: "request_duration_seconds", Help: "Time to answer an HTTP request, by route pattern, method and status class.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60}},
			[]string{"route", "method", "status_class"}),
		transitions: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Subsystem: "workflow",
			Name: "transitions_total", Help: "Workflow actions taken or refused, by action and outcome; a batch counts each claim."},
			[]string{"action", "outcome"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Subsystem: "db",
			Name: "transaction_retries_total", Help: "Transactions run again after a serialization failure (40001) or a deadlock (40P01)."},
			[]string{"sqlstate"}),
	}
	// Every series exists from the start, so that rate() and alerts see a
	// zero rather than nothing.
	for _, a := range domain.AllActions {
		for _, out := range outcomes {
			m.transitions.WithLabelValues(string(a), out)
		}
	}
	for _, code := range retryCodes {
		m.retries.WithLabelValues(code)
	}
	reg.MustRegister(m.requests, m.latency, m.transitions, m.retries,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewBuildInfoCollector())
	return m
}

// Transition counts an action's outcome: the engine's observer
// (workflow.Config.Observe). An action outside the domain's list is not
// counted, so no caller can make up label values.
func (m *Metrics) Transition(action domain.Action, err error) {
	if !slices.Contains(domain.AllActions, action) {
		return
	}
	m.transitions.WithLabelValues(string(action), Outcome(err)).Inc()
}

// Outcome names an action's result for the outcome label.
func Outcome(err error) string {
	switch {
	case err == nil:
		return OutcomeOK
	case errors.Is(err, workflow.ErrRolledBack):
		return OutcomeRolledBack
	case errors.Is(err, domain.ErrInvalidTransition):
		return OutcomeInvalidTransition
	case errors.Is(err, domain.ErrVersionConflict):
		return OutcomeVersionConflict
	case errors.Is(err, domain.ErrValidation):
		return OutcomeValidation
	case errors.Is(err, domain.ErrForbidden), errors.Is(err, domain.ErrReservedAction):
		return OutcomeForbidden
	}
	return OutcomeOther
}

// TxRetried counts a transaction run again: database.DB's retry hook.
func (m *Metrics) TxRetried(sqlstate string) {
	if slices.Contains(retryCodes, sqlstate) {
		m.retries.WithLabelValues(sqlstate).Inc()
	}
}

// WatchPools reports each connection pool's use (in use, idle, waits) as
// Go's go_sql_* metrics, labelled db_name with the pool's name.
func (m *Metrics) WatchPools(pools map[string]*sql.DB) {
	for name, db := range pools {
		m.reg.MustRegister(collectors.NewDBStatsCollector(db, name))
	}
}

// WatchClaims reports the claims per status and each queue's oldest claim,
// read from src at scrape time (claims.go).
func (m *Metrics) WatchClaims(src ClaimSource) {
	m.reg.MustRegister(newClaimsCollector(src, m.opts))
}

// errorLog hands promhttp's gathering errors to the service's log.
type errorLog struct{ log *slog.Logger }

func (l errorLog) Println(v ...any) { l.log.Error("metrics scrape", "error", fmt.Sprint(v...)) }
