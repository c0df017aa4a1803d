package api

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
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
		abort(c, http.StatusUnauthorized, httpkit.CodeUnauthenticated, "log in first, or log in again")
		return
	}
	user, err := s.Auth.Authenticate(c.Request.Context(), strings.TrimSpace(token))
	if err != nil {
		c.Header("WWW-Authenticate", `Bearer realm="santunan"`)
		writeError(c, err)
		return
	}
	if user.PasswordChangeRequired && !pendingOK {
		writeError(c, fmt.Errorf("%s %s: %w", c.Request.Method, c.FullPath(), domain.ErrPasswordChangeRequired))
		return
	}
	httpkit.SetUser(c, user, strings.TrimSpace(token))
	c.Next()
}
