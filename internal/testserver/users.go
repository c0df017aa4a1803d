package testserver

import (
	"net/http"

	"santunan/domain"
)

// OneTimePassword is the password the admin gives every test account (and
// the bootstrap admin starts with); AddUser and Start replace it, as each
// user must at the first login.
const OneTimePassword = "dari-admin-sekali-pakai"

// AddUser creates a staff account through the API as the admin would, and
// makes it ready to log in with password: the admin sets OneTimePassword,
// the user logs in with it and replaces it. Every test user is made here.
func (s *Server) AddUser(username, fullName string, role domain.Role, password string) domain.User {
	s.T.Helper()
	u := s.CreateUser(username, fullName, role, OneTimePassword)
	s.FirstLogin(username, OneTimePassword, password)
	u.PasswordChangeRequired = false
	return u
}

// CreateUser has the admin create an account with the one-time password
// oneTime, and returns it as the API answers (the password still to change).
func (s *Server) CreateUser(username, fullName string, role domain.Role, oneTime string) domain.User {
	s.T.Helper()
	var u domain.User
	s.Expect(s.Do(http.MethodPost, "/api/v1/users", domain.RoleAdmin, map[string]any{
		"username": username, "full_name": fullName, "role": role, "password": oneTime,
	}), http.StatusCreated, &u)
	return u
}

// FirstLogin logs in with a one-time password and replaces it with own;
// the token stays valid and is returned.
func (s *Server) FirstLogin(username, oneTime, own string) string {
	s.T.Helper()
	token := s.Login(username, oneTime)
	s.Expect(s.Send(http.MethodPost, "/api/v1/me/password", token,
		map[string]string{"current_password": oneTime, "new_password": own}), http.StatusOK, nil)
	return token
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

// UserID is the id of the account username, as the admin lists it.
func (s *Server) UserID(username string) int64 {
	s.T.Helper()
	var users struct {
		Items []domain.User `json:"items"`
	}
	s.Expect(s.Do(http.MethodGet, "/api/v1/users", domain.RoleAdmin, nil), http.StatusOK, &users)
	for _, u := range users.Items {
		if u.Username == username {
			return u.ID
		}
	}
	s.T.Fatalf("no user %s", username)
	return 0
}

// LogInAgain logs every role in anew, as staff do each morning: a test that
// moves the clock on by days outlives the sessions' idle time.
func (s *Server) LogInAgain() {
	s.T.Helper()
	for _, role := range domain.AllRoles {
		s.Tokens[role] = s.Login(string(role), Password)
	}
}
