package metrics

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"santunan/domain"
)

// ClaimSource is what the claims collector reads: the workflow engine.
type ClaimSource interface {
	CountByStatus(ctx context.Context, only ...domain.Status) (map[domain.Status]int64, error)
	OldestByStatus(ctx context.Context, statuses ...domain.Status) (map[domain.Status]time.Time, error)
}

// queryTimeout bounds one reading: a scrape must not hang on a database
// that does not answer.
const queryTimeout = 5 * time.Second

var (
	claimsDesc = prometheus.NewDesc(namespace+"_claims", "Claims in each status.", []string{"status"}, nil)
	queueDesc  = prometheus.NewDesc(namespace+"_queue_oldest_claim_age_seconds",
		"Seconds since the least recently changed claim waiting in each role's queue was last changed; 0 when the queue is empty.",
		[]string{"queue"}, nil)
)

// claimsCollector reads the claims when scraped, at most once per cacheFor
// however many scrapers ask: one GROUP BY on the (status, id) index and
// one (status, updated_at) index lookup per queued status.
type claimsCollector struct {
	src      ClaimSource
	now      func() time.Time
	cacheFor time.Duration
	log      *slog.Logger

	mu     sync.Mutex
	readAt time.Time // on the real clock: the cache's age, not the claims'
	last   claimsReading
}

type claimsReading struct {
	counts map[domain.Status]int64
	oldest map[domain.Status]time.Time
	at     time.Time // on the services' clock, that ages are measured from
	err    error
}

func newClaimsCollector(src ClaimSource, o Options) *claimsCollector {
	return &claimsCollector{src: src, now: o.Now, cacheFor: o.CacheFor, log: o.Log}
}

func (c *claimsCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- claimsDesc
	ch <- queueDesc
}

func (c *claimsCollector) Collect(ch chan<- prometheus.Metric) {
	r := c.reading()
	if r.err != nil {
		// The scrape goes on without these (promhttp.ContinueOnError) and
		// the log says why; the HTTP and runtime metrics matter most while
		// the database is away.
		ch <- prometheus.NewInvalidMetric(claimsDesc, r.err)
		return
	}
	for _, st := range domain.AllStatuses {
		ch <- prometheus.MustNewConstMetric(claimsDesc, prometheus.GaugeValue, float64(r.counts[st]), string(st))
	}
	for _, role := range domain.AllRoles {
		queue := role.Queue()
		if len(queue) == 0 {
			continue
		}
		age := 0.0
		for _, st := range queue {
			if t, ok := r.oldest[st]; ok {
				age = max(age, r.at.Sub(t).Seconds())
			}
		}
		ch <- prometheus.MustNewConstMetric(queueDesc, prometheus.GaugeValue, age, string(role))
	}
}

// reading is the last reading while it is fresh, a new one otherwise;
// concurrent scrapes wait for one reading rather than each making theirs.
func (c *claimsCollector) reading() claimsReading {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.readAt.IsZero() && time.Since(c.readAt) < c.cacheFor {
		return c.last
	}
	ctx, cancel := context.WithTimeout(context.Background(), queryTimeout)
	defer cancel()
	r := claimsReading{at: c.now()}
	r.counts, r.err = c.src.CountByStatus(ctx)
	if r.err == nil {
		r.oldest, r.err = c.src.OldestByStatus(ctx, queuedStatuses()...)
	}
	if r.err != nil {
		c.log.Error("metrics: reading the claims", "error", r.err.Error())
	}
	c.readAt, c.last = time.Now(), r
	return r
}

// queuedStatuses are the statuses of every role's queue.
func queuedStatuses() []domain.Status {
	var out []domain.Status
	for _, role := range domain.AllRoles {
		out = append(out, role.Queue()...)
	}
	return out
}
