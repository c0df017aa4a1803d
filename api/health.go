package api

import (
	"context"
	"net/http"
	"time"

	"santunan/httpkit"

	"github.com/gin-gonic/gin"
)

// healthz says the process is alive; it touches nothing else.
func (s *Server) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// readyz says whether the database answers, so a load balancer can route
// around a server that cannot do its work.
func (s *Server) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	if err := s.db.Ping(ctx); err != nil {
		httpkit.Logger(c).Warn("not ready", "error", err.Error())
		abort(c, http.StatusServiceUnavailable, httpkit.CodeUnavailable, "the database cannot be reached")
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ready"})
}
