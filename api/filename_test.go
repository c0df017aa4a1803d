package api_test

import (
	"bytes"
	"fmt"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// uploadNamed posts a document whose part names its file with the RFC 5987
// filename* parameter, percent-encoded, so any byte can arrive in the name
// (a raw control byte in a part header is refused by the multipart reader).
func (h *harness) uploadNamed(claimID int64, filename string) *http.Response {
	h.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("kind", "lainnya")
	hdr := textproto.MIMEHeader{}
	hdr.Set("Content-Disposition", `form-data; name="file"; filename*=UTF-8''`+percentAll(filename))
	hdr.Set("Content-Type", "application/pdf")
	part, _ := w.CreatePart(hdr)
	_, _ = part.Write(testserver.SamplePDF)
	_ = w.Close()
	return h.raw(http.MethodPost, docsPath(claimID), domain.RoleDukcapilClerk, w.FormDataContentType(), &buf)
}

// percentAll percent-encodes every byte but ASCII letters, digits and '.'.
func percentAll(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// An uploaded file's name is cleaned, not refused (the file is the
// evidence, its name only a hint): no bidi control makes an .exe read as a
// .jpg, and no zero-width or control character or bad byte reaches the
// database or the download's Content-Disposition (the page's upload and
// the claim page: web/evidence_test.go).
func TestUploadedFileNamesAreCleaned(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		for _, n := range testserver.FileNames {
			var d docOut
			h.expect(h.uploadNamed(c.ID, n.Sent), http.StatusCreated, &d)
			if d.Filename != n.Kept {
				t.Errorf("API upload of %q kept as %q, want %q", n.Sent, d.Filename, n.Kept)
			}
			resp := h.do(http.MethodGet, docsPath(c.ID)+"/"+itoa(d.ID)+"/content", domain.RoleDukcapilClerk, nil)
			h.expect(resp, http.StatusOK, nil)
			cd := resp.Header.Get("Content-Disposition")
			if kind, params, err := mime.ParseMediaType(cd); err != nil || kind != "attachment" || params["filename"] != n.Kept {
				t.Errorf("download of %q: Content-Disposition %q", n.Kept, cd)
			}
		}
	})
}
