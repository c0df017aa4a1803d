package api_test

import (
	"bytes"
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Without a live phone token, an online form is refused before its body is
// read: nobody unverified makes the server buffer megabytes of files (the
// route has no rate limit of its own), nor learns how it judges them.
func TestOnlineFormsWithoutATokenAreRefusedFirst(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		tooBig := bytes.Repeat([]byte{0xff}, 6<<20) // over the per-file limit, under the body's
		files := map[domain.DocumentKind][]byte{domain.DocumentAktaKematian: tooBig}
		for _, tc := range []struct {
			name string
			resp func(token string) *http.Response
		}{
			{"application", func(tok string) *http.Response { return s.Apply(tok, testserver.ApplicationBody(1), files) }},
			{"correction", func(tok string) *http.Response {
				return s.Correct(tok, map[string]any{"code": "SKM-0000-0000"}, files)
			}},
		} {
			for _, tok := range []string{"", "not-a-token"} {
				t.Logf("%s with token %q", tc.name, tok)
				s.ExpectError(tc.resp(tok), http.StatusUnauthorized, "phone_check_required")
			}
		}
	})
}
