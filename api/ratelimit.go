package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/ratelimit"
)

// rateLimit bounds the requests of one purpose (login, tracking) per client
// per minute, with the JSON endpoint and the page of that purpose counted
// together. The counter is ratelimit's: in the database on PostgreSQL, so
// that every server counts a client together; in process memory on SQLite,
// which has one server. It decides no transition or login (the per-username
// lockout is in the database); it keeps one client from hammering.
type rateLimit struct {
	purpose   string
	perMinute int
}

// clientBucket is what one client's requests are counted under: the
// purpose and domain.ClientKey (an IPv4 address, an IPv6 /64) of gin's
// ClientIP, which trusts X-Forwarded-For only from trusted proxies.
func clientBucket(purpose, ip string) string {
	return purpose + " " + domain.ClientKey(ip)
}

// limitByClient refuses a client past the limit with 429 and Retry-After,
// as JSON or as a page. When the count cannot be taken (the database is
// gone) the request goes on: the handler meets the same database and says
// so, and a limiter must not turn an outage into a lockout.
func (s *Server) limitByClient(l rateLimit) gin.HandlerFunc {
	return func(c *gin.Context) {
		now := s.opts.Now()
		n, ends, err := s.rates.Hit(c.Request.Context(), clientBucket(l.purpose, c.ClientIP()), now)
		if err != nil {
			logger(c).Warn("rate limit not counted", "purpose", l.purpose, "error", err.Error())
			c.Next()
			return
		}
		if n <= l.perMinute {
			c.Next()
			return
		}
		c.Header("Retry-After", strconv.Itoa(int(ends.Sub(now).Seconds())+1))
		if isPage(c) {
			s.renderMessage(c, http.StatusTooManyRequests, "error.rate_limited", &link{Href: c.Request.URL.Path, Text: text("error.try_again")})
			c.Abort()
			return
		}
		abort(c, http.StatusTooManyRequests, codeRateLimited, "too many requests; try again in a minute")
	}
}

// newRateCounter is the counter of Deps, or one in memory.
func newRateCounter(d Deps) ratelimit.Counter {
	if d.RateCounter != nil {
		return d.RateCounter
	}
	return ratelimit.NewMemory()
}
