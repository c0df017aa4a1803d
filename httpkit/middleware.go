package httpkit

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/metrics"
	"santunan/ratelimit"
)

// Answer writes a refusal in a front door's own format: the JSON error of
// the API, a page in Indonesian for a person. Shared middleware calls it
// with an error Classify knows; the request is aborted afterwards.
type Answer func(c *gin.Context, err error)

// Options are what both front doors are given alike, from the
// configuration (config.Config declares every default; nothing here has
// one of its own).
type Options struct {
	Log *slog.Logger
	// Now is the clock of the rate limits and of what a page or an answer
	// dates ("today").
	Now func() time.Time
	// TrustedProxies may set X-Forwarded-For; from anyone else it is ignored.
	TrustedProxies []string
	// HTTPS: the site is served over HTTPS, so HSTS is sent and the
	// session cookies are Secure (SANTUNAN_COOKIE_SECURE).
	HTTPS bool
	// MaxBodyBytes caps request bodies but on the upload routes, which
	// each front door names with their own caps.
	MaxBodyBytes int64
	// LoginPerMinute and TrackPerMinute bound the login and the public
	// tracking requests per client, the JSON endpoint and the page
	// together, counted by RateCounter.
	LoginPerMinute int
	TrackPerMinute int
	// PhoneCheckPerMinute bounds the phone checks started and verified per client.
	PhoneCheckPerMinute int
	RateCounter         ratelimit.Counter
	// Metrics counts and times every request of both front doors, and
	// serves GET /metrics (on the API's door).
	Metrics *metrics.Metrics
}

// RateLimit is the limit of purpose (PurposeLogin, PurposeTrack).
func (o Options) RateLimit(purpose string, answer Answer) gin.HandlerFunc {
	per := o.TrackPerMinute
	switch purpose {
	case PurposeLogin:
		per = o.LoginPerMinute
	case PurposePhoneCheck:
		per = o.PhoneCheckPerMinute
	}
	return LimitByClient(Limit{Purpose: purpose, PerMinute: per, Counter: o.RateCounter, Now: o.Now}, answer)
}

// NewEngine is a gin engine with the middleware every request of a front
// door passes, in this order: request id, access log, panic recovery,
// security headers, the body limit (larger on the routes in largerBodies,
// by route pattern), the guard on the path and query. A wrong method is
// answered 405 through answer; the front door adds its routes and its own
// answer for an unknown path.
func NewEngine(o Options, largerBodies map[string]int64, answer Answer) (*gin.Engine, error) {
	r := gin.New()
	// gin trusts every proxy by default; trust only the configured ones.
	if err := r.SetTrustedProxies(o.TrustedProxies); err != nil {
		return nil, fmt.Errorf("trusted proxies: %w", err)
	}
	r.ForwardedByClientIP = len(o.TrustedProxies) > 0
	r.HandleMethodNotAllowed = true
	// Metrics first: they time and count what every other middleware does.
	r.Use(o.Metrics.Middleware(), requestID(o.Log), accessLog(), recoverPanic(answer), securityHeaders(o.HTTPS),
		limitBody(o.MaxBodyBytes, largerBodies, answer), checkRequestText(answer))
	r.NoMethod(func(c *gin.Context) { answer(c, ErrMethodNotAllowed); c.Abort() })
	return r, nil
}

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestID takes a well-formed X-Request-ID from the caller (a proxy's) or
// makes one, returns it, and gives the request a logger that carries it.
func requestID(base *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader("X-Request-ID")
		if !requestIDPattern.MatchString(id) {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Set(ctxRequestID, id)
		c.Set(ctxLogger, base.With("request_id", id))
		c.Header("X-Request-ID", id)
		c.Next()
	}
}

// accessLog logs one line per request: the route pattern, never the raw
// path or query (a search query may hold a NIK), and never a body.
func accessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = "(no route)"
		}
		attrs := []any{"method", c.Request.Method, "route", route, "status", c.Writer.Status(),
			"duration_ms", time.Since(start).Milliseconds()}
		if u, ok := CurrentUser(c); ok {
			attrs = append(attrs, "user_id", u.ID)
		}
		Logger(c).Info("request", attrs...)
	}
}

// recoverPanic turns a panic into a logged 500 in the front door's format.
// A panic is always our bug; the process keeps serving.
func recoverPanic(answer Answer) gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if r := recover(); r != nil {
				if err, ok := r.(error); ok && errors.Is(err, http.ErrAbortHandler) {
					panic(r)
				}
				Logger(c).Error("panic", "panic", fmt.Sprint(r))
				if !c.Writer.Written() {
					answer(c, errPanic)
					c.Abort()
				}
			}
		}()
		c.Next()
	}
}

// MultipartSlack is what a multipart body may carry beside its file: the
// part headers, the other fields and the boundaries. An upload route's
// body limit is the file's own limit plus this.
const MultipartSlack = 64 << 10

// limitBody caps request bodies; decoders then see *http.MaxBytesError.
// Routes in larger (uploads, imports; keyed by route pattern) get their own
// cap instead.
func limitBody(def int64, larger map[string]int64, answer Answer) gin.HandlerFunc {
	return func(c *gin.Context) {
		max := def
		if l, ok := larger[c.FullPath()]; ok {
			max = l
		}
		if c.Request.ContentLength > max {
			answer(c, &http.MaxBytesError{Limit: max})
			c.Abort()
			return
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, max)
		c.Next()
	}
}

// contentSecurityPolicy lets pages load only this site's own files: no
// inline script or style (so injected markup cannot run), forms that post
// only here, and no framing (clickjacking).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

// hstsHeader tells browsers to use only HTTPS for this host for a year.
// Without includeSubDomains: the service may run on the regency's own
// domain, and other services of its subdomains are not ours to force onto
// HTTPS.
const hstsHeader = "max-age=31536000"

// securityHeaders apply to every response; API responses and pages hold
// personal data and must not be cached by browsers or proxies (static files
// override Cache-Control). HSTS is sent when the site is served over HTTPS
// (SANTUNAN_COOKIE_SECURE), so that a session cookie never travels in clear.
func securityHeaders(https bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		if https {
			h.Set("Strict-Transport-Security", hstsHeader)
		}
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		c.Next()
	}
}
