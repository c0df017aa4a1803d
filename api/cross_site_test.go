package api_test

import (
	"maps"
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

// headersFrom are what a browser sends with a request from elsewhere, and
// what it sends (or not) when the request is this site's own.
var (
	fromElsewhere = []map[string]string{
		{"Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "same-site"},
		{"Origin": "https://evil.example"},
		{"Origin": "null"},
		{"Sec-Fetch-Site": "same-origin", "Origin": "https://evil.example"},
	}
	fromHere = []map[string]string{
		{"Sec-Fetch-Site": "same-origin"},
		{"Sec-Fetch-Site": "none"}, // the address bar, a bookmark
		{},                         // an API client, an old browser
	}
)

// A document download writes the access log, so a link on another site
// must not make a signed-in clerk's browser write "opened X's KTP": such a
// request is refused (403 cross_site_refused, a page in Indonesian), and
// the log holds only the downloads that came from this site, the address
// bar or an API client. Through the API and the page, on both databases.
func TestDocumentDownloadsRefuseOtherSites(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		d := h.attach(c, "ktp_ahli_waris", pdfBytes)
		apiPath := docsPath(c.ID) + "/" + itoa(d.ID) + "/content"
		pagePath := claimPath(c.ID) + "/dokumen/" + itoa(d.ID)
		clerk := h.staff(domain.RoleDukcapilClerk)
		withHeaders := func(method, url string, hdr map[string]string, token string) *http.Request {
			req, err := http.NewRequest(method, url, nil)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range hdr {
				req.Header.Set(k, v)
			}
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			return req
		}
		for _, hdr := range fromElsewhere {
			resp, err := http.DefaultClient.Do(withHeaders(http.MethodGet, h.srv.URL+apiPath, hdr, h.tokens[domain.RoleDukcapilClerk]))
			if err != nil {
				t.Fatal(err)
			}
			h.expectError(resp, http.StatusForbidden, "cross_site_refused")
			clerk.do(withHeaders(http.MethodGet, h.srv.URL+pagePath, hdr, "")).want(http.StatusForbidden).
				has("Dokumen hanya dapat dibuka dari halaman klaim di Santunan").hasHTML(`href="` + claimPath(c.ID) + `"`)
		}
		for _, hdr := range fromHere {
			resp, err := http.DefaultClient.Do(withHeaders(http.MethodGet, h.srv.URL+apiPath, hdr, h.tokens[domain.RoleDukcapilClerk]))
			if err != nil {
				t.Fatal(err)
			}
			h.expect(resp, http.StatusOK, nil)
			own := maps.Clone(hdr)
			own["Origin"] = h.srv.URL // this site's own origin passes too
			if p := clerk.do(withHeaders(http.MethodGet, h.srv.URL+pagePath, own, "")).want(http.StatusOK); p.body != string(pdfBytes) {
				t.Fatal("the page download is not the document")
			}
		}
		var log struct {
			Entries []struct {
				DocumentID int64 `json:"document_id"`
			} `json:"entries"`
		}
		h.expect(h.do(http.MethodGet, docsPath(c.ID)+"/access-log", domain.RoleAuditor, nil), http.StatusOK, &log)
		if len(log.Entries) != 2*len(fromHere) {
			t.Fatalf("%d access log entries, want %d (only the downloads from this site)", len(log.Entries), 2*len(fromHere))
		}
	})
}
