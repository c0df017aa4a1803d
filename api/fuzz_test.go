package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

// fuzzDatabases are the databases a fuzz target's inputs are sent to:
// SQLite always, and PostgreSQL too when TEST_DATABASE_URL is set, so the
// seeds (and a corpus found by -fuzz) run on both in CI.
func fuzzDatabases(f *testing.F) []*database.DB {
	dbs := []*database.DB{testdb.SQLite(f)}
	if os.Getenv(testdb.EnvURL) != "" {
		dbs = append(dbs, testdb.Postgres(f))
	}
	return dbs
}

// fuzzSeeds are texts every fuzz target of the API starts from.
var fuzzSeeds = []string{"Ahmad Fauzi", "", "\x00", "\xff\xfe", "%FF", "%00", "a\u202eb", "\u200b", "\ufeff", "\r\n",
	"SKM-\x00", strings.Repeat("é", 300), "<script>", "1e9", "-1"}

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
	for _, db := range fuzzDatabases(f) {
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

// Whatever a person (or a script posing as one) puts in any field of the
// page forms or a page's query, the answer is a page, never a 500: the new
// claim, an action's reason, tracking, login, users, decrees, the budget
// and the search.
func FuzzPageForms(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(uint8(i), s)
	}
	type target struct {
		h                     *harness
		clerk, officer, admin *visitor
		public                *visitor
		claimID               int64
	}
	var targets []target
	for _, db := range fuzzDatabases(f) {
		h := start(f, db)
		tg := target{h: h, clerk: h.staff(domain.RoleDukcapilClerk), officer: h.staff(domain.RoleDinsosOfficer),
			admin: h.staff(domain.RoleAdmin), public: h.visitor(), claimID: h.file(500).ID}
		// Each visitor holds its session's CSRF token from then on.
		tg.clerk.get("/staf")
		tg.officer.get("/staf")
		tg.admin.get("/staf/pengguna")
		tg.public.get("/masuk")
		targets = append(targets, tg)
	}
	f.Fuzz(func(t *testing.T, which uint8, value string) {
		for _, tg := range targets {
			claim := claimForm(int(which) % 400)
			keys := make([]string, 0, len(claim))
			for k := range claim {
				keys = append(keys, k)
			}
			claim.Set(keys[int(which)%len(keys)], value)
			forms := []struct {
				v    *visitor
				path string
				form url.Values
			}{
				{tg.clerk, "/staf/klaim/baru", claim},
				{tg.clerk, actionPagePath(tg.claimID, "return"), actionForm(1, "reason", value)},
				{tg.clerk, actionPagePath(tg.claimID, "verify_death"), actionForm(1, "death_certificate_no", value, "reason", value)},
				{tg.public, "/lacak", url.Values{"code": {value}, "heir_nik": {value}}},
				{tg.public, "/masuk", url.Values{"username": {value}, "password": {value}}},
				{tg.admin, "/staf/pengguna", url.Values{"username": {value}, "full_name": {value}, "role": {value}, "password": {value}}},
				{tg.officer, "/staf/sk/baru", url.Values{"number": {value}, "date": {value}, "claim_ids": {value}}},
				{tg.officer, "/staf/anggaran", url.Values{"year": {value}, "ceiling": {value}}},
			}
			for _, fm := range forms {
				fm.v.t = t
				p := fm.v.post(fm.path, fm.form)
				if p.status >= 500 || (p.status != http.StatusSeeOther && !strings.HasPrefix(p.header.Get("Content-Type"), "text/html")) {
					t.Fatalf("POST %s with %q: %d %s", fm.path, value, p.status, p.header.Get("Content-Type"))
				}
			}
			for _, path := range []string{"/staf?q=", "/lacak?kode=", "/staf/klaim/"} {
				tg.clerk.t = t
				if p := tg.clerk.get(path + url.QueryEscape(value)); p.status >= 500 {
					t.Fatalf("GET %s%q: %d", path, value, p.status)
				}
			}
		}
	})
}
