package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Logins racing an admin's password reset or disable of the same user,
// through HTTP: once the change has answered, no token any of the logins
// got may work (nor after the user is enabled again). Before the user row
// was locked, a login that had read the old credentials issued its token
// after the change revoked the others.
func TestLoginRacingACredentialChangeLeavesNoLiveToken(t *testing.T) {
	changes := []struct {
		name  string
		body  map[string]any
		after map[string]any // a change after the race, before the tokens are tried
	}{
		{"reset", map[string]any{"password": "baru-dari-admin-1"}, nil},
		// Enabled again afterwards: a token of a disabled user is refused
		// anyway, but one the disable did not revoke would come back.
		{"disable", map[string]any{"active": false}, map[string]any{"active": true}},
	}
	for _, change := range changes {
		t.Run(change.name, func(t *testing.T) {
			testdb.Each(t, func(t *testing.T, db *database.DB) {
				h := start(t, db) // with testserver's generous rate limits
				const rounds, logins = 12, 8
				for r := range rounds {
					username := fmt.Sprintf("korban.%d", r)
					u := h.createUser(username, "Calon Korban", domain.RoleDukcapilClerk, oneTimePassword)
					h.firstLogin(username)
					path := "/api/v1/users/" + itoa(u.ID)
					reqs := testserver.Times(logins, testserver.Request{Method: http.MethodPost, Path: "/api/v1/auth/login",
						Body: map[string]string{"username": username, "password": password}})
					reqs = append(reqs, testserver.Request{Method: http.MethodPatch, Path: path, Role: domain.RoleAdmin, Body: change.body})
					res := h.on().Race(reqs...)
					h.on().NoServerErrors(res)
					if res[logins].Status != http.StatusOK {
						t.Fatalf("round %d: PATCH answered %s", r, res[logins])
					}
					if change.after != nil {
						h.expect(h.do(http.MethodPatch, path, domain.RoleAdmin, change.after), http.StatusOK, nil)
					}
					for _, login := range res[:logins] {
						switch login.Status {
						case http.StatusUnauthorized, http.StatusTooManyRequests:
						case http.StatusOK:
							var out struct {
								Token string `json:"token"`
							}
							if err := json.Unmarshal(login.Body, &out); err != nil {
								t.Fatal(err)
							}
							h.expectError(h.send(http.MethodGet, "/api/v1/me", out.Token, nil), http.StatusUnauthorized, "unauthenticated")
						default:
							t.Fatalf("round %d: logins answered %s", r, testserver.Describe(res[:logins]))
						}
					}
				}
			})
		})
	}
}
