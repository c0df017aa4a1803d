package wiring_test

import (
	"net/http"
	"strings"
	"testing"

	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Each front door answers in its caller's language, also where shared
// middleware or the mount decides: JSON with a stable code under /api, an
// Indonesian page for a person's browser.
func TestMiddlewareRefusalsMatchTheCaller(t *testing.T) {
	h := testserver.Start(t, testdb.SQLite(t))
	cases := []struct {
		name, method, path, body string
		status                   int
		json                     bool
		want                     string
	}{
		{"API wrong method", http.MethodDelete, "/api/v1/claims", "", 405, true, `"code":"method_not_allowed"`},
		{"page wrong method", http.MethodDelete, "/lacak", "", 405, false, "Permintaan ini tidak didukung."},
		{"API body too large", http.MethodPost, "/api/v1/public/track", strings.Repeat("x", 2<<20), 413, true, `"code":"payload_too_large"`},
		{"page body too large", http.MethodPost, "/lacak", strings.Repeat("x", 2<<20), 413, false, "Isian terlalu besar."},
		{"API unknown path", http.MethodGet, "/api/v1/nothing", "", 404, true, `"code":"not_found"`},
		{"health check", http.MethodGet, "/healthz", "", 200, true, `"status":"ok"`},
		// Before the split /metrics was a page's path to the error format;
		// it is the API's now, as its 403 always was.
		{"metrics wrong method", http.MethodPost, "/metrics", "", 405, true, `"code":"method_not_allowed"`},
		{"page unknown path", http.MethodGet, "/api", "", 404, false, "Halaman yang Anda cari tidak ada."},
		{"page unknown path under /staf", http.MethodGet, "/staf/nothing", "", 404, false, "Halaman yang Anda cari tidak ada."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp := h.Send(tc.method, tc.path, "", tc.body)
			ctype := resp.Header.Get("Content-Type")
			raw := string(h.Expect(resp, tc.status, nil))
			if tc.json != strings.HasPrefix(ctype, "application/json") {
				t.Fatalf("Content-Type %q for %s", ctype, tc.path)
			}
			if !strings.Contains(raw, tc.want) {
				t.Fatalf("body lacks %q: %.300s", tc.want, raw)
			}
		})
	}
}

// A trailing slash on the health checks and the metrics is the API's to
// answer, as before the front doors were split: gin's redirect to the
// route, not the pages' 404 (a probe configured with /healthz/ follows it).
func TestTrailingSlashOfTheAPIsOwnPathsRedirects(t *testing.T) {
	h := testserver.Start(t, testdb.SQLite(t))
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		t.Run(path, func(t *testing.T) {
			resp := h.Send(http.MethodGet, path+"/", "", nil)
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != path {
				t.Fatalf("GET %s/: status %d, Location %q; want 301 to %s", path, resp.StatusCode, resp.Header.Get("Location"), path)
			}
		})
	}
}
