package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"

	"santunan/api"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

// post sends a JSON request from a goroutine (no t.Fatal there): the
// status, the body, or the error.
func post(url, token string, body any) (int, []byte, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return 0, nil, err
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(raw))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	return resp.StatusCode, out, err
}

// Logins racing an admin's password reset or disable of the same user,
// through HTTP: once the change has answered, no token any of the logins
// got may work (nor after the user is enabled again). Before the user row was locked, a login that had read the
// old credentials issued its token after the change revoked the others.
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
				h := start(t, db, func(o *api.Options) { o.LoginPerMinute = 1_000_000 })
				const rounds, logins = 12, 8
				for r := range rounds {
					username := fmt.Sprintf("korban.%d", r)
					u := h.createUser(username, "Calon Korban", domain.RoleDukcapilClerk, oneTimePassword)
					h.firstLogin(username)

					var (
						wg      sync.WaitGroup
						mu      sync.Mutex
						tokens  []string
						answers = map[int]int{}
						errs    []error
					)
					gate := make(chan struct{})
					for range logins {
						wg.Add(1)
						go func() {
							defer wg.Done()
							<-gate
							status, raw, err := post(h.srv.URL+"/api/v1/auth/login", "", map[string]string{"username": username, "password": password})
							var out struct {
								Token string `json:"token"`
							}
							if err == nil && status == http.StatusOK {
								err = json.Unmarshal(raw, &out)
							}
							mu.Lock()
							defer mu.Unlock()
							answers[status]++
							if err != nil {
								errs = append(errs, err)
							}
							if out.Token != "" {
								tokens = append(tokens, out.Token)
							}
						}()
					}
					changed := make(chan int, 1)
					go func() {
						<-gate
						req, _ := http.NewRequest(http.MethodPatch, h.srv.URL+"/api/v1/users/"+itoa(u.ID), bytes.NewReader(mustJSON(change.body)))
						req.Header.Set("Authorization", "Bearer "+h.tokens[domain.RoleAdmin])
						resp, err := http.DefaultClient.Do(req)
						if err != nil {
							changed <- 0
							return
						}
						resp.Body.Close()
						changed <- resp.StatusCode
					}()
					close(gate)
					if status := <-changed; status != http.StatusOK {
						t.Fatalf("round %d: PATCH answered %d", r, status)
					}
					wg.Wait()
					if len(errs) > 0 {
						t.Fatalf("round %d: %v", r, errs)
					}
					for status := range answers {
						if status != http.StatusOK && status != http.StatusUnauthorized && status != http.StatusTooManyRequests {
							t.Fatalf("round %d: logins answered %v", r, answers)
						}
					}
					if change.after != nil {
						h.expect(h.do(http.MethodPatch, "/api/v1/users/"+itoa(u.ID), domain.RoleAdmin, change.after), http.StatusOK, nil)
					}
					for _, token := range tokens {
						h.expectError(h.send(http.MethodGet, "/api/v1/me", token, nil), http.StatusUnauthorized, "unauthenticated")
					}
				}
			})
		})
	}
}

func mustJSON(v any) []byte {
	raw, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return raw
}
