package web_test

import (
	"maps"
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// A document download writes the access log, so a link on another site
// must not make a signed-in clerk's browser write "opened X's KTP": such a
// request gets a page in Indonesian leading back to the claim (403), and
// the log holds only the downloads that came from this site or the
// address bar. The API's download: api/cross_site_test.go.
func TestDocumentPagesRefuseOtherSites(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		clerk := h.staff(domain.RoleDukcapilClerk)
		c, d := h.FiledWithKTP()
		url := h.URL + claimPath(c.ID) + "/dokumen/" + itoa(d.ID)
		for _, hdr := range testserver.FromElsewhere {
			clerk.do(testserver.WithHeaders(t, url, hdr)).want(http.StatusForbidden).
				has("Dokumen hanya dapat dibuka dari halaman klaim di Santunan").hasHTML(`href="` + claimPath(c.ID) + `"`)
		}
		for _, hdr := range testserver.FromHere {
			own := maps.Clone(hdr)
			own["Origin"] = h.URL // this site's own origin passes too
			if p := clerk.do(testserver.WithHeaders(t, url, own)).want(http.StatusOK); p.body != string(testserver.SamplePDF) {
				t.Fatal("the page download is not the document")
			}
		}
		if n := h.AccessLogEntries(c.ID); n != len(testserver.FromHere) {
			t.Fatalf("%d access log entries, want %d (only the downloads from this site)", n, len(testserver.FromHere))
		}
	})
}
