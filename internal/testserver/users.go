package testserver

import (
	"net/http"

	"santunan/domain"
)

// AddUser creates a staff account through the API as the admin would, and
// makes it ready to log in with password. Every test user is made here, so
// a change to what a new account must do first (say, replace the password
// the admin set) is made in this one place.
func (s *Server) AddUser(username, fullName string, role domain.Role, password string) domain.User {
	s.T.Helper()
	var u domain.User
	s.Expect(s.Do(http.MethodPost, "/api/v1/users", domain.RoleAdmin, map[string]any{
		"username": username, "full_name": fullName, "role": role, "password": password,
	}), http.StatusCreated, &u)
	return u
}

// Login logs in through the API and returns the token.
func (s *Server) Login(username, password string) string {
	s.T.Helper()
	var out struct {
		Token string `json:"token"`
	}
	s.Expect(s.Send(http.MethodPost, "/api/v1/auth/login", "", map[string]string{"username": username, "password": password}), http.StatusOK, &out)
	return out.Token
}
