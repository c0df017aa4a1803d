package api_test

import (
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// A document download writes the access log, so a request another site
// makes a browser send is refused (403 cross_site_refused), and the log
// holds only the downloads that came from this site, the address bar or
// an API client. The page's download: web/cross_site_test.go.
func TestDocumentDownloadsRefuseOtherSites(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c, d := h.on().FiledWithKTP()
		url := h.srv.URL + docsPath(c.ID) + "/" + itoa(d.ID) + "/content"
		get := func(hdr map[string]string) *http.Response {
			req := testserver.WithHeaders(t, url, hdr)
			req.Header.Set("Authorization", "Bearer "+h.tokens[domain.RoleDukcapilClerk])
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			return resp
		}
		for _, hdr := range testserver.FromElsewhere {
			h.expectError(get(hdr), http.StatusForbidden, "cross_site_refused")
		}
		for _, hdr := range testserver.FromHere {
			h.expect(get(hdr), http.StatusOK, nil)
		}
		if n := h.on().AccessLogEntries(c.ID); n != len(testserver.FromHere) {
			t.Fatalf("%d access log entries, want %d (only the downloads from this site)", n, len(testserver.FromHere))
		}
	})
}
