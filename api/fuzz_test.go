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
		`{"current_password":"\u0000","new_password":"\ud800\ud800\ud800\ud800\ud800"}`} {
		f.Add(s)
	}
	h := start(f, testdb.SQLite(f))
	c := h.file(500)
	paths := []struct {
		path string
		role domain.Role
	}{
		{"/api/v1/claims", domain.RoleDukcapilClerk},
		{actionPath(c.ID, "resubmit"), domain.RoleDukcapilClerk},
		{actionPath(c.ID, "verify_death"), domain.RoleDukcapilClerk},
		{"/api/v1/public/track", ""},
		{"/api/v1/users", domain.RoleAdmin},
		{"/api/v1/me/password", domain.RoleAuditor},
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, p := range paths {
			req, err := http.NewRequest(http.MethodPost, h.srv.URL+p.path, strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if p.role != "" {
				req.Header.Set("Authorization", "Bearer "+h.tokens[p.role])
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode >= 500 {
				t.Fatalf("POST %s with %q: %d %s", p.path, body, resp.StatusCode, raw)
			}
			if resp.StatusCode >= 400 {
				var e apiError
				if err := json.Unmarshal(raw, &e); err != nil || e.Error.Code == "" {
					t.Fatalf("POST %s: error without the error shape: %s", p.path, raw)
				}
			}
		}
	})
}
