package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"santunan/domain"
	"santunan/internal/testdb"
)

// Whatever a client sends, the API answers with a 4xx (or success) in the
// error shape, never a 500.
func FuzzRequestBodies(f *testing.F) {
	seed, _ := json.Marshal(claimBody(1))
	for _, s := range []string{string(seed), "", "{}", "null", `{"deceased":null}`, `{"heir":{"nik":"` + strings.Repeat("9", 40) + `"}}`,
		`{"deceased":{"date_of_death":"2026-02-30"}}`, `{"reason":"\u0000"}`, `{"version":-1}`, `{"bank_account":{"bank_code":"113"}}`, "\xff\xfe",
		`{"code":"SKM-\u0000","heir_nik":"1"}`, "{\"code\":\"SKM-\xff\",\"heir_nik\":\"1\"}", `{"reason":"a\u202eb"}`,
		`{"current_password":"\u0000","new_password":"\ud800\ud800\ud800\ud800\ud800"}`} {
		f.Add(s)
	}
	type target struct {
		h     *harness
		paths []string
	}
	var targets []target
	for _, db := range testdb.Fuzz(f) {
		h := start(f, db)
		c := h.file(500)
		targets = append(targets, target{h, []string{"/api/v1/claims", actionPath(c.ID, "resubmit"), actionPath(c.ID, "verify_death"),
			"/api/v1/public/track", "/api/v1/users", "/api/v1/me/password"}})
	}
	roles := []domain.Role{domain.RoleDukcapilClerk, domain.RoleDukcapilClerk, domain.RoleDukcapilClerk, "", domain.RoleAdmin, domain.RoleAuditor}
	f.Fuzz(func(t *testing.T, body string) {
		for _, tg := range targets {
			for i, path := range tg.paths {
				req, err := http.NewRequest(http.MethodPost, tg.h.srv.URL+path, strings.NewReader(body))
				if err != nil {
					t.Fatal(err)
				}
				if roles[i] != "" {
					req.Header.Set("Authorization", "Bearer "+tg.h.tokens[roles[i]])
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				raw, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode >= 500 {
					t.Fatalf("POST %s with %q: %d %s", path, body, resp.StatusCode, raw)
				}
				if resp.StatusCode >= 400 {
					var e apiError
					if err := json.Unmarshal(raw, &e); err != nil || e.Error.Code == "" {
						t.Fatalf("POST %s: error without the error shape: %s", path, raw)
					}
				}
			}
		}
	})
}
