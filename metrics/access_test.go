package metrics_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

const scrapeToken = "scrape-token-0123456789"

// /metrics is served to the addresses of SANTUNAN_METRICS_ALLOW (loopback
// by default), as the API sees them through its trusted proxies, and to
// anyone with SANTUNAN_METRICS_TOKEN; everyone else gets 403 in the API's
// error shape. The test server listens on loopback, so its requests come
// from 127.0.0.1.
func TestScrapeAccess(t *testing.T) {
	bearer := func(token string) http.Header { return http.Header{"Authorization": {"Bearer " + token}} }
	header := func(name, value string) http.Header { return http.Header{name: {value}} }
	servers := []struct {
		name  string
		env   []string
		cases []accessCase
	}{
		{name: "default: loopback only", cases: []accessCase{
			{"from loopback", nil, http.StatusOK},
			// Without a trusted proxy a forwarded request is refused: behind
			// a proxy on loopback, every outside client would look local.
			{"forwarded by an untrusted proxy", header("X-Forwarded-For", "203.0.113.7"), http.StatusForbidden},
			{"forwarded, claiming loopback", header("X-Forwarded-For", "127.0.0.1"), http.StatusForbidden},
			{"X-Real-IP from an untrusted proxy", header("X-Real-IP", "127.0.0.1"), http.StatusForbidden},
			{"Forwarded from an untrusted proxy", header("Forwarded", "for=203.0.113.7"), http.StatusForbidden},
			{"no token configured", bearer(scrapeToken), http.StatusOK},
		}},
		{name: "another address allowed, a token set",
			env: []string{"SANTUNAN_METRICS_ALLOW", "10.9.9.9, 192.168.7.0/24", "SANTUNAN_METRICS_TOKEN", scrapeToken},
			cases: []accessCase{
				{"from loopback", nil, http.StatusForbidden},
				{"with the token", bearer(scrapeToken), http.StatusOK},
				{"with another token", bearer(scrapeToken + "x"), http.StatusForbidden},
				{"with the token, not as a bearer", header("Authorization", scrapeToken), http.StatusForbidden},
				{"forwarded from an allowed address, proxy untrusted", header("X-Forwarded-For", "10.9.9.9"), http.StatusForbidden},
			}},
		{name: "behind a trusted proxy on loopback",
			env: []string{"SANTUNAN_TRUSTED_PROXIES", "127.0.0.1", "SANTUNAN_METRICS_ALLOW", "10.0.0.0/8"},
			cases: []accessCase{
				{"the proxy itself", nil, http.StatusForbidden},
				{"forwarded for an allowed client", header("X-Forwarded-For", "10.1.2.3"), http.StatusOK},
				{"forwarded for an outside client", header("X-Forwarded-For", "203.0.113.7"), http.StatusForbidden},
				{"an outside client naming an allowed one first", header("X-Forwarded-For", "10.1.2.3, 203.0.113.7"), http.StatusForbidden},
			}},
		{name: "addresses off, token only",
			env: []string{"SANTUNAN_METRICS_ALLOW", "none", "SANTUNAN_METRICS_TOKEN", scrapeToken},
			cases: []accessCase{
				{"from loopback", nil, http.StatusForbidden},
				{"with the token", bearer(scrapeToken), http.StatusOK},
			}},
	}
	for _, srv := range servers {
		t.Run(srv.name, func(t *testing.T) {
			testdb.Each(t, func(t *testing.T, db *database.DB) {
				s := testserver.Start(t, db, testserver.Env(srv.env...))
				for _, c := range srv.cases {
					status, body := scrape(t, s, c.header)
					if status != c.want {
						t.Errorf("%s: %d, want %d (%s)", c.name, status, c.want, body)
						continue
					}
					if status == http.StatusForbidden {
						var e testserver.APIError
						if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code != "forbidden" || e.Error.Message == "" {
							t.Errorf("%s: refusal %q is not the API's error shape", c.name, body)
						}
					}
				}
				// A user's API token is not the scrape token.
				if srv.env != nil {
					if status, _ := scrape(t, s, bearer(s.Tokens[domain.RoleAdmin])); status != http.StatusForbidden {
						t.Errorf("the admin's API token read the metrics: %d", status)
					}
				}
			})
		})
	}
}

// accessCase is one request to /metrics and the status it must get.
type accessCase struct {
	name   string
	header http.Header
	want   int
}
