package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

type verifyRequest struct {
	Code string `json:"code" binding:"required,max=16"`
}

type verifyResponse struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
}

// verifyPhoneCheck takes the code of a check; a right one gives the token.
func (s *Server) verifyPhoneCheck(c *gin.Context) {
	var req verifyRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	sess, err := s.Applications.Verify(c.Request.Context(), c.Param("check_id"), req.Code)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, verifyResponse{Token: sess.Token, ExpiresAt: sess.ExpiresAt})
}
