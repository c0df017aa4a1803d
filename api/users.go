package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/auth"
	"santunan/domain"
	"santunan/httpkit"
)

type createUserRequest struct {
	Username string `json:"username" binding:"required,max=64"`
	FullName string `json:"full_name" binding:"required,max=200"`
	Role     string `json:"role" binding:"required,max=32"`
	Password string `json:"password" binding:"required,max=200"`
}

func (s *Server) createUser(c *gin.Context) {
	var req createUserRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	u, err := s.Auth.CreateUser(c.Request.Context(), httpkit.MustUser(c).Actor(),
		auth.NewUser{Username: req.Username, FullName: req.FullName, Role: domain.Role(req.Role), Password: req.Password},
		c.ClientIP())
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusCreated, u)
}

func (s *Server) listUsers(c *gin.Context) {
	users, err := s.Auth.ListUsers(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": users})
}

type updateUserRequest struct {
	Active   *bool   `json:"active"`
	Password *string `json:"password" binding:"omitempty,max=200"`
}

// updateUser disables or enables a user, or sets a one-time password, or
// both: all of it or nothing (auth.UpdateUser). Both end the user's sessions.
func (s *Server) updateUser(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	var req updateUserRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	u, err := s.Auth.UpdateUser(c.Request.Context(), httpkit.MustUser(c).Actor(), id,
		auth.UserChange{Active: req.Active, Password: req.Password}, c.ClientIP())
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, u)
}
