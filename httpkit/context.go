package httpkit

import (
	"log/slog"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/domain"
)

// Context keys set by middleware.
const (
	ctxLogger       = "santunan.logger"
	ctxRequestID    = "santunan.request_id"
	ctxUser         = "santunan.user"
	ctxSessionToken = "santunan.session_token"
)

// Logger is the request's logger, which carries its request id.
func Logger(c *gin.Context) *slog.Logger {
	if l, ok := c.Get(ctxLogger); ok {
		return l.(*slog.Logger)
	}
	return slog.Default()
}

// SetUser records who the request is from, and the token (bearer or
// session cookie) that proved it, once a front door authenticated it.
func SetUser(c *gin.Context, u domain.User, token string) {
	c.Set(ctxUser, u)
	c.Set(ctxSessionToken, token)
}

// CurrentUser is the authenticated user of the request, if any.
func CurrentUser(c *gin.Context) (domain.User, bool) {
	v, ok := c.Get(ctxUser)
	if !ok {
		return domain.User{}, false
	}
	u, ok := v.(domain.User)
	return u, ok
}

// MustUser is for handlers behind authentication, where a user is certain.
func MustUser(c *gin.Context) domain.User {
	u, _ := CurrentUser(c)
	return u
}

// SessionToken is the token that authenticated the request ("" if none).
func SessionToken(c *gin.Context) string { return c.GetString(ctxSessionToken) }

// Allow lets through only users whose role passes the check; anyone else
// is answered domain.ErrForbidden.
func Allow(check func(domain.Role) bool, answer Answer) gin.HandlerFunc {
	return func(c *gin.Context) {
		if u, ok := CurrentUser(c); !ok || !check(u.Role) {
			answer(c, domain.ErrForbidden)
			c.Abort()
			return
		}
		c.Next()
	}
}

// ParamID reads the path parameter name as an id: a positive integer, or
// false (no such resource can exist, which each front door answers 404).
func ParamID(c *gin.Context, name string) (int64, bool) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	return id, err == nil && id > 0
}
