package api

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
)

// Context keys set by middleware.
const (
	ctxLogger    = "santunan.logger"
	ctxRequestID = "santunan.request_id"
	ctxUser      = "santunan.user"
)

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
		if u, ok := currentUser(c); ok {
			attrs = append(attrs, "user_id", u.ID)
		}
		logger(c).Info("request", attrs...)
	}
}

// recoverPanic turns a panic into a logged 500, as JSON for the API and as a
// page for pages. A panic is always our bug; the process keeps serving.
func (s *Server) recoverPanic() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if r := recover(); r != nil {
				if err, ok := r.(error); ok && errors.Is(err, http.ErrAbortHandler) {
					panic(r)
				}
				logger(c).Error("panic", "panic", fmt.Sprint(r))
				if !c.Writer.Written() {
					s.fail(c, http.StatusInternalServerError, codeInternal, "internal error")
				}
			}
		}()
		c.Next()
	}
}

// limitBody caps request bodies; decoders then see *http.MaxBytesError.
// Routes in larger (uploads, imports; keyed by route pattern) get their own
// cap instead.
func (s *Server) limitBody(def int64, larger map[string]int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		max := def
		if l, ok := larger[c.FullPath()]; ok {
			max = l
		}
		if c.Request.ContentLength > max {
			s.fail(c, http.StatusRequestEntityTooLarge, codePayloadTooLarge, fmt.Sprintf("request body is larger than %d bytes", max))
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
