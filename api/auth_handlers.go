package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/auth"
	"santunan/domain"
	"santunan/httpkit"
)

type loginRequest struct {
	Username string `json:"username" binding:"required,max=64"`
	Password string `json:"password" binding:"required,max=200"`
}

type loginResponse struct {
	Token     string      `json:"token"`
	ExpiresAt time.Time   `json:"expires_at"`
	User      domain.User `json:"user"`
	// PasswordChangeRequired: the password was one-time; until it is
	// changed (POST /api/v1/me/password) the token serves nothing else.
	PasswordChangeRequired bool `json:"password_change_required"`
}

func (s *Server) login(c *gin.Context) {
	var req loginRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	session, err := s.Auth.Login(c.Request.Context(), req.Username, req.Password, c.ClientIP())
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, loginResponse{Token: session.Token, ExpiresAt: session.ExpiresAt, User: session.User,
		PasswordChangeRequired: session.User.PasswordChangeRequired})
}

func (s *Server) logout(c *gin.Context) {
	token := strings.TrimSpace(strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer "))
	if err := s.Auth.Logout(c.Request.Context(), token, c.ClientIP()); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (s *Server) me(c *gin.Context) {
	c.JSON(http.StatusOK, httpkit.MustUser(c))
}

type changePasswordRequest struct {
	CurrentPassword string `json:"current_password" binding:"max=200"`
	NewPassword     string `json:"new_password" binding:"max=200"`
}

// changePassword replaces the caller's password. The session making the
// change stays signed in; the user's other sessions end.
func (s *Server) changePassword(c *gin.Context) {
	var req changePasswordRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	u, err := s.Auth.ChangePassword(c.Request.Context(), httpkit.MustUser(c).Actor(), auth.PasswordChange{
		Current: req.CurrentPassword, New: req.NewPassword, KeepToken: httpkit.SessionToken(c),
	}, c.ClientIP())
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, u)
}
