package httpkit_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// With SANTUNAN_COOKIE_SECURE every response, whatever its route or status,
// tells the browser to use only HTTPS for a year; without it none does (a
// site served over plain HTTP would lock its users out).
func TestStrictTransportSecurityOnlyOverHTTPS(t *testing.T) {
	for _, secure := range []bool{true, false} {
		// Distinct names: a SQLite path with "#01" in it would be cut short.
		t.Run(map[bool]string{true: "https", false: "http"}[secure], func(t *testing.T) {
			testdb.Each(t, func(t *testing.T, db *database.DB) {
				h := testserver.Start(t, db, testserver.Env("SANTUNAN_COOKIE_SECURE", strconv.FormatBool(secure)))
				want := ""
				if secure {
					want = "max-age=31536000"
				}
				for _, r := range []struct{ method, path string }{
					{http.MethodGet, "/"}, {http.MethodGet, "/masuk"}, {http.MethodGet, "/static/app.css"},
					{http.MethodGet, "/healthz"}, {http.MethodGet, "/api/v1/me"}, {http.MethodGet, "/tidak-ada"},
					{http.MethodPost, "/masuk"}, {http.MethodPost, "/api/v1/auth/login"}, {http.MethodDelete, "/api/v1/claims"},
					{http.MethodGet, "/api/v1/claims?q=%00"},
				} {
					req, _ := http.NewRequest(r.method, h.URL+r.path, strings.NewReader(""))
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						t.Fatal(err)
					}
					resp.Body.Close()
					if got := resp.Header.Get("Strict-Transport-Security"); got != want {
						t.Errorf("secure=%v %s %s (%d): Strict-Transport-Security %q, want %q", secure, r.method, r.path, resp.StatusCode, got, want)
					}
				}
			})
		})
	}
}
