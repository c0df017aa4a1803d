package notify

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"gorm.io/gorm"

	"santunan/database"
)

// Defaults of Options, declared once (config/notify.go reads them).
const (
	DefaultMaxAttempts  = 8
	DefaultRetryBase    = 30 * time.Second
	DefaultRetryMax     = time.Hour
	DefaultWorkers      = 4
	DefaultPollInterval = time.Second
	DefaultSendTimeout  = 15 * time.Second
)

// fetchCooldown is the least time between two fetches of jobs.
const fetchCooldown = 5 * time.Millisecond

// Options configure the service.
type Options struct {
	// Channels deliver every message, each its own row; empty means the log.
	Channels []Channel
	// PublicURL is the site's origin for the links in messages.
	PublicURL string
	// MaxAttempts per message; after the last failure it is failed.
	MaxAttempts int
	// RetryBase is the first retry's delay, doubled each attempt up to RetryMax.
	RetryBase, RetryMax time.Duration
	// Workers send at once per server.
	Workers int
	// PollInterval is how often an idle worker looks for messages.
	PollInterval time.Duration
	// SendTimeout bounds one attempt.
	SendTimeout time.Duration
	Now         func() time.Time
	Log         *slog.Logger
	// SurveyLink gives the paid message the link of the satisfaction
	// survey (survey.Service.MessageLink), written in the event's
	// transaction; "" leaves it out. Nil: no survey link.
	SurveyLink func(tx *gorm.DB, claimID int64) (string, error)
	// Count hears each message that ended (channel, status sent or failed)
	// and each failed attempt (status "retry"), for /metrics.
	Count func(channel string, status Status)
}

// Service queues messages in the caller's transactions and runs the worker
// that delivers them.
type Service struct {
	db       *database.DB
	opts     Options
	channels map[string]Channel
	client   *river.Client[*sql.Tx]
}

// New builds the service on db. The worker starts with Start.
func New(db *database.DB, o Options) (*Service, error) {
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if len(o.Channels) == 0 {
		o.Channels = []Channel{LogChannel{Log: o.Log}}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Count == nil {
		o.Count = func(string, Status) {}
	}
	o.MaxAttempts = orDefault(o.MaxAttempts, DefaultMaxAttempts)
	o.RetryBase = orDefault(o.RetryBase, DefaultRetryBase)
	o.RetryMax = orDefault(o.RetryMax, DefaultRetryMax)
	o.Workers = orDefault(o.Workers, DefaultWorkers)
	o.PollInterval = orDefault(o.PollInterval, DefaultPollInterval)
	o.SendTimeout = orDefault(o.SendTimeout, DefaultSendTimeout)
	s := &Service{db: db, opts: o, channels: map[string]Channel{}}
	for _, ch := range o.Channels {
		if _, dup := s.channels[ch.Name()]; dup {
			return nil, fmt.Errorf("notify: channel %s given twice", ch.Name())
		}
		s.channels[ch.Name()] = ch
	}
	client, err := s.newClient()
	if err != nil {
		return nil, fmt.Errorf("notify: job queue: %w", err)
	}
	s.client = client
	return s, nil
}

// newClient is river's client on the writer pool: SQLite's one writer
// connection, or PostgreSQL's pool.
func (s *Service) newClient() (*river.Client[*sql.Tx], error) {
	sqlDB, err := s.db.SQL()
	if err != nil {
		return nil, err
	}
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &sender{s: s}); err != nil {
		return nil, err
	}
	cfg := &river.Config{
		Queues:            map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: s.opts.Workers}},
		Workers:           workers,
		MaxAttempts:       s.opts.MaxAttempts,
		FetchPollInterval: s.opts.PollInterval,
		// A busy worker asks for more jobs as soon as a slot frees; the
		// poll interval only paces an idle one. (River's default cooldown,
		// 100 ms, caps a server at Workers×10 messages a second.)
		FetchCooldown: fetchCooldown,
		JobTimeout:    s.opts.SendTimeout,
		// A server killed mid-delivery leaves its job running; after this
		// another server runs it again (the same idempotency key).
		RescueStuckJobsAfter: s.opts.SendTimeout + time.Minute,
		Logger:               s.opts.Log,
	}
	if s.db.IsPostgres() {
		return river.NewClient(riverdatabasesql.New(sqlDB), cfg)
	}
	return river.NewClient(riversqlite.New(sqlDB), cfg)
}

// Start runs the worker until Stop.
func (s *Service) Start(ctx context.Context) error {
	if err := s.client.Start(ctx); err != nil {
		return fmt.Errorf("notify: start worker: %w", err)
	}
	return nil
}

// Stop lets the messages in flight finish until ctx ends, then cancels
// them (their rows stay queued and are retried, with the same key).
func (s *Service) Stop(ctx context.Context) error {
	err := s.client.Stop(ctx)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		cctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err = s.client.StopAndCancel(cctx)
	}
	if err != nil {
		return fmt.Errorf("notify: stop worker: %w", err)
	}
	return nil
}

// Kill stops the worker at once, cancelling the messages in flight, as a
// crash would (their rows stay queued and are retried).
func (s *Service) Kill(ctx context.Context) error {
	if err := s.client.StopAndCancel(ctx); err != nil {
		return fmt.Errorf("notify: kill worker: %w", err)
	}
	return nil
}

// backoff is the delay before the retry after attempt n (1-based):
// RetryBase doubled each attempt, at most RetryMax.
func (s *Service) backoff(n int) time.Duration {
	d := s.opts.RetryBase
	for i := 1; i < n && d < s.opts.RetryMax; i++ {
		d *= 2
	}
	return min(d, s.opts.RetryMax)
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}
