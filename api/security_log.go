package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/auth"
	"santunan/httpkit"
)

// securityEvents pages through the security log, newest first: every
// login, logout and change to an account, for the auditor (and the admin).
func (s *Server) securityEvents(c *gin.Context) {
	limit, ok := queryInt(c, "limit")
	if !ok {
		return
	}
	items, next, err := s.Auth.SecurityEvents(c.Request.Context(), httpkit.MustUser(c).Actor(),
		auth.EventQuery{Username: c.Query("username"), Limit: limit, Cursor: c.Query("cursor")})
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": items, "next_cursor": next})
}
