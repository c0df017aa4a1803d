package httpkit

import (
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/ratelimit"
)

// Limit bounds the requests of one purpose (login, tracking) per client
// per minute, with the JSON endpoint and the page of that purpose counted
// together: both front doors build it with the same purpose and the same
// counter. The counter is ratelimit's: in the database on PostgreSQL, so
// that every server counts a client together; in process memory on SQLite,
// which has one server. It decides no transition or login (the per-username
// lockout is in the database); it keeps one client from hammering.
type Limit struct {
	Purpose   string
	PerMinute int
	Counter   ratelimit.Counter
	Now       func() time.Time
}

// The purposes of the rate limits.
const (
	PurposeLogin = "login"
	PurposeTrack = "track"
	// PurposePhoneCheck: one-time codes asked for and entered (beside the
	// per-phone limit in the database).
	PurposePhoneCheck = "phone_check"
	// PurposeComplaint: the public's complaints, filed and followed by
	// code (counted at the tracking rate: the code is the secret).
	PurposeComplaint = "complaint"
)

// clientBucket is what one client's requests are counted under: the
// purpose and domain.ClientKey (an IPv4 address, an IPv6 /64) of gin's
// ClientIP, which trusts X-Forwarded-For only from trusted proxies.
func clientBucket(purpose, ip string) string {
	return purpose + " " + domain.ClientKey(ip)
}

// LimitByClient refuses a client past the limit with Retry-After and
// ErrRateLimited (429). When the count cannot be taken (the database is
// gone) the request goes on: the handler meets the same database and says
// so, and a limiter must not turn an outage into a lockout.
func LimitByClient(l Limit, answer Answer) gin.HandlerFunc {
	return func(c *gin.Context) {
		now := l.Now()
		n, ends, err := l.Counter.Hit(c.Request.Context(), clientBucket(l.Purpose, c.ClientIP()), now)
		if err != nil {
			Logger(c).Warn("rate limit not counted", "purpose", l.Purpose, "error", err.Error())
			c.Next()
			return
		}
		if n <= l.PerMinute {
			c.Next()
			return
		}
		c.Header("Retry-After", strconv.Itoa(int(ends.Sub(now).Seconds())+1))
		answer(c, ErrRateLimited)
		c.Abort()
	}
}
