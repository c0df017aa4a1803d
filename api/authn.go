package api

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/domain"
)

// authenticate requires a valid bearer token and puts its user in the
// context. A user whose password is one-time (set by an admin) is refused
// with password_change_required: their token serves only the routes behind
// authenticatePending, which let them change it.
func (s *Server) authenticate(c *gin.Context) {
	s.authenticateBearer(c, false)
}

// authenticatePending is authenticate that also lets through a user who
// must first change a one-time password.
func (s *Server) authenticatePending(c *gin.Context) {
	s.authenticateBearer(c, true)
}

func (s *Server) authenticateBearer(c *gin.Context, pendingOK bool) {
	header := c.GetHeader("Authorization")
	token, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || strings.TrimSpace(token) == "" {
		c.Header("WWW-Authenticate", `Bearer realm="santunan"`)
		abort(c, http.StatusUnauthorized, codeUnauthenticated, "log in first, or log in again")
		return
	}
	user, err := s.auth.Authenticate(c.Request.Context(), strings.TrimSpace(token))
	if err != nil {
		c.Header("WWW-Authenticate", `Bearer realm="santunan"`)
		writeError(c, err)
		return
	}
	if user.PasswordChangeRequired && !pendingOK {
		writeError(c, fmt.Errorf("%s %s: %w", c.Request.Method, c.FullPath(), domain.ErrPasswordChangeRequired))
		return
	}
	c.Set(ctxUser, user)
	c.Set(ctxSessionToken, strings.TrimSpace(token))
	c.Next()
}

// allow lets through only users whose role passes the check.
func allow(check func(domain.Role) bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		u, ok := currentUser(c)
		if !ok || !check(u.Role) {
			abort(c, http.StatusForbidden, codeForbidden, "your role may not do this")
			return
		}
		c.Next()
	}
}

func isAdmin(r domain.Role) bool { return r == domain.RoleAdmin }

func currentUser(c *gin.Context) (domain.User, bool) {
	v, ok := c.Get(ctxUser)
	if !ok {
		return domain.User{}, false
	}
	u, ok := v.(domain.User)
	return u, ok
}

// mustUser is for handlers behind authenticate, where a user is certain.
func mustUser(c *gin.Context) domain.User {
	u, _ := currentUser(c)
	return u
}
