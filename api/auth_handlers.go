package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
)

type loginRequest struct {
	Username string `json:"username" binding:"required,max=64"`
	Password string `json:"password" binding:"required,max=200"`
}

type loginResponse struct {
	Token     string      `json:"token"`
	ExpiresAt time.Time   `json:"expires_at"`
	User      domain.User `json:"user"`
}

func (s *Server) login(c *gin.Context) {
	var req loginRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	session, err := s.auth.Login(c.Request.Context(), req.Username, req.Password, c.ClientIP())
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, loginResponse{Token: session.Token, ExpiresAt: session.ExpiresAt, User: session.User})
}

func (s *Server) logout(c *gin.Context) {
	token := strings.TrimSpace(strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "))
	if err := s.auth.Logout(c.Request.Context(), token, c.ClientIP()); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (s *Server) me(c *gin.Context) {
	c.JSON(http.StatusOK, mustUser(c))
}
