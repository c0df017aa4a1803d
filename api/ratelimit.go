package api

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// rateLimiter counts requests per client IP in fixed one-minute windows.
// It lives in process memory: it protects against one client hammering one
// server, and decides no transition or login (those are in the database).
type rateLimiter struct {
	mu       sync.Mutex
	perMin   int
	now      func() time.Time
	windows  map[string]window
	maxUsers int
}

type window struct {
	start time.Time
	count int
}

func newRateLimiter(perMinute int, now func() time.Time) *rateLimiter {
	return &rateLimiter{perMin: perMinute, now: now, windows: map[string]window{}, maxUsers: 100_000}
}

// allow records a request from key and reports whether it is within the
// limit, and if not, how long until the window resets.
func (l *rateLimiter) allow(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	w := l.windows[key]
	if now.Sub(w.start) >= time.Minute {
		if len(l.windows) >= l.maxUsers {
			l.prune(now)
		}
		w = window{start: now}
	}
	w.count++
	l.windows[key] = w
	if w.count > l.perMin {
		return false, w.start.Add(time.Minute).Sub(now)
	}
	return true, 0
}

// prune drops expired windows so the map stays bounded under many clients.
func (l *rateLimiter) prune(now time.Time) {
	for k, w := range l.windows {
		if now.Sub(w.start) >= time.Minute {
			delete(l.windows, k)
		}
	}
}

// limitByIP refuses a client IP past its limit with 429. The client IP is
// gin's ClientIP, which trusts X-Forwarded-For only from trusted proxies.
func limitByIP(l *rateLimiter) gin.HandlerFunc {
	return func(c *gin.Context) {
		ok, wait := l.allow(c.ClientIP())
		if !ok {
			c.Header("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
			abort(c, http.StatusTooManyRequests, codeRateLimited, "too many requests; try again in a minute")
			return
		}
		c.Next()
	}
}
