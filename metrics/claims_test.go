package metrics

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"santunan/domain"
)

// fakeClaims answers as the engine would, counting the readings.
type fakeClaims struct {
	reads  atomic.Int32
	delay  time.Duration
	err    error
	oldest map[domain.Status]time.Time
}

func (f *fakeClaims) CountByStatus(context.Context, ...domain.Status) (map[domain.Status]int64, error) {
	f.reads.Add(1)
	time.Sleep(f.delay)
	return map[domain.Status]int64{domain.StatusSubmitted: 3, domain.StatusPaid: 1_000_000}, f.err
}

func (f *fakeClaims) OldestByStatus(_ context.Context, statuses ...domain.Status) (map[domain.Status]time.Time, error) {
	out := map[domain.Status]time.Time{}
	for _, st := range statuses {
		if t, ok := f.oldest[st]; ok {
			out[st] = t
		}
	}
	return out, nil
}

var now = time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)

// A queue's age is its oldest claim's, over all its statuses; an empty
// queue is 0; every status is reported, 0 when it has no claims.
func TestClaimsCollectorReportsCountsAndQueueAges(t *testing.T) {
	src := &fakeClaims{oldest: map[domain.Status]time.Time{
		domain.StatusSubmitted:     now.Add(-90 * time.Second),
		domain.StatusDeathVerified: now.Add(-time.Hour),
		domain.StatusPaymentFailed: now.Add(-2 * time.Hour),
	}}
	c := newClaimsCollector(src, Options{Now: func() time.Time { return now }, CacheFor: time.Hour, Log: slog.New(slog.DiscardHandler)})
	want := `
# HELP santunan_queue_oldest_claim_age_seconds Seconds since the least recently changed claim waiting in each role's queue was last changed; 0 when the queue is empty.
# TYPE santunan_queue_oldest_claim_age_seconds gauge
santunan_queue_oldest_claim_age_seconds{queue="dinsos_officer"} 7200
santunan_queue_oldest_claim_age_seconds{queue="dukcapil_clerk"} 90
santunan_queue_oldest_claim_age_seconds{queue="treasurer"} 0
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want), "santunan_queue_oldest_claim_age_seconds"); err != nil {
		t.Fatal(err)
	}
	claims := `
# HELP santunan_claims Claims in each status.
# TYPE santunan_claims gauge
santunan_claims{status="applied"} 0
santunan_claims{status="approved"} 0
santunan_claims{status="cancelled"} 0
santunan_claims{status="death_verified"} 0
santunan_claims{status="disbursing"} 0
santunan_claims{status="paid"} 1e+06
santunan_claims{status="payment_failed"} 0
santunan_claims{status="rejected"} 0
santunan_claims{status="returned"} 0
santunan_claims{status="submitted"} 3
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(claims), "santunan_claims"); err != nil {
		t.Fatal(err)
	}
}

// One reading serves every scrape for CacheFor, and scrapes that arrive
// together wait for one reading instead of each making its own.
func TestClaimsCollectorReadsOncePerCachePeriod(t *testing.T) {
	src := &fakeClaims{delay: 50 * time.Millisecond}
	reg := prometheus.NewRegistry()
	reg.MustRegister(newClaimsCollector(src, Options{Now: time.Now, CacheFor: time.Hour, Log: slog.New(slog.DiscardHandler)}))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := reg.Gather(); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := src.reads.Load(); n != 1 {
		t.Fatalf("8 scrapes read the claims %d times, want once", n)
	}

	fresh := &fakeClaims{}
	reg = prometheus.NewRegistry()
	reg.MustRegister(newClaimsCollector(fresh, Options{Now: time.Now, CacheFor: time.Nanosecond, Log: slog.New(slog.DiscardHandler)}))
	for range 3 {
		time.Sleep(time.Millisecond)
		if _, err := reg.Gather(); err != nil {
			t.Fatal(err)
		}
	}
	if n := fresh.reads.Load(); n != 3 {
		t.Fatalf("3 scrapes after the cache expired read %d times", n)
	}
}

// A database that does not answer costs the claims' metrics only: the
// scrape still serves the rest, and the log says why.
func TestScrapeSurvivesAFailingClaimsReading(t *testing.T) {
	var logged bytes.Buffer
	m := New(prometheus.NewRegistry(), Options{
		Access: Access{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}},
		Log:    slog.New(slog.NewJSONHandler(&logged, nil)),
	})
	m.WatchClaims(&fakeClaims{err: errors.New("database unavailable")})
	m.Transition(domain.ActionSubmit, nil)
	gin.SetMode(gin.TestMode)
	r := gin.New()
	r.GET("/metrics", m.Endpoint(func(c *gin.Context) { c.AbortWithStatus(http.StatusForbidden) }))
	req := httptest.NewRequest(http.MethodGet, "/metrics", nil)
	req.RemoteAddr = "127.0.0.1:40000"
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)
	body := w.Body.String()
	if w.Code != http.StatusOK || !strings.Contains(body, `santunan_workflow_transitions_total{action="submit",outcome="ok"} 1`) {
		t.Fatalf("scrape: %d\n%s", w.Code, body)
	}
	if strings.Contains(body, "santunan_claims{") {
		t.Fatal("claims reported without a reading")
	}
	if !strings.Contains(logged.String(), "database unavailable") {
		t.Fatalf("the log does not say why: %s", logged.String())
	}
}
