package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// The posts that ask for or check a one-time code come only from this
// site: another site posting /ajukan/verifikasi in a visitor's browser
// would sign the visitor into the attacker's verified phone (a login
// CSRF), and posting the code requests would spend a phone's codes. The
// site's own posts pass, also as Chromium sends them under Referrer-Policy
// no-referrer (Sec-Fetch-Site same-origin with Origin null).
func TestPhoneCheckPostsRefuseOtherSites(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		form := url.Values{"phone": {"0812 0000 009"}}
		post := func(path string, hdr map[string]string) *http.Request {
			t.Helper()
			req, err := http.NewRequest(http.MethodPost, h.URL+path, strings.NewReader(form.Encode()))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range hdr {
				req.Header.Set(k, v)
			}
			return req
		}
		// The survey's answers too: another site could spend a visitor's
		// one answer.
		for _, path := range []string{"/ajukan/kode", "/ajukan/verifikasi", "/perbaiki/kode", "/perbaiki/verifikasi",
			"/survei", "/survei/ABCDEFGHJKMNPQRS"} {
			for _, hdr := range testserver.FromElsewhere {
				h.visitor().do(post(path, hdr)).want(http.StatusForbidden)
			}
		}
		before := len(h.Gateway.Messages())
		own := append([]map[string]string{{"Sec-Fetch-Site": "same-origin", "Origin": "null"}, {"Origin": h.URL}}, testserver.FromHere...)
		for i, hdr := range own {
			// One phone each: a phone gets 3 codes per 15 minutes.
			form = url.Values{"phone": {fmt.Sprintf("0812 0000 01%d", i)}}
			h.visitor().do(post("/ajukan/kode", hdr)).want(http.StatusOK).has("Kami sudah mengirim kode 6 angka")
		}
		if sent := len(h.Gateway.WaitFor(t, before+len(own))) - before; sent != len(own) {
			t.Errorf("%d codes sent for the site's own posts, want %d", sent, len(own))
		}
	})
}
