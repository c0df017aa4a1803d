package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// stopMessages lets the heir stop messages about their claim, with the
// same proof as tracking (code and heir NIK; the same 404 for either
// wrong). The consent's withdrawal is an event in the claim's trail.
func (s *Server) stopMessages(c *gin.Context) {
	var req trackRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	claim, err := s.Engine.StopMessages(c.Request.Context(), req.Code, req.HeirNIK)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"code": claim.Code, "notify_consent": claim.Heir.NotifyConsent})
}
