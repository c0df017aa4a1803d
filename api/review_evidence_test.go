package api_test

import (
	"bytes"
	"encoding/json"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Evidence that lies about its type is refused with a stable code, and the
// public's evidence goes out of the API as the public's documents do
// (httpkit.SendDocument): a sandbox policy, and its own name encoded so
// that a browser reads it back, whatever its characters.
func TestReviewEvidenceThatLies(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(monday))
		body := map[string]any{"category": domain.CategoryExtortion, "identity": domain.IdentityAnonymous,
			"text": "Petugas meminta uang agar klaim cepat."}
		for _, data := range [][]byte{
			[]byte("<html><script>alert(1)</script></html>"),
			[]byte("GIF89a<script>"),
			[]byte("\x00\x00\x00\x00"),
		} {
			s.ExpectError(s.FileComplaintWithEvidence(body, "", data), http.StatusUnsupportedMediaType, "unsupported_media_type")
		}

		name := "bukti pungli; kantor=é.pdf"
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		raw, _ := json.Marshal(body)
		_ = w.WriteField("complaint", string(raw))
		hdr := textproto.MIMEHeader{}
		hdr.Set("Content-Disposition", mime.FormatMediaType("form-data", map[string]string{"name": "evidence", "filename": name}))
		hdr.Set("Content-Type", "application/pdf")
		p, _ := w.CreatePart(hdr)
		_, _ = p.Write([]byte("%PDF-1.4\n<html><script>alert(1)</script>"))
		_ = w.Close()
		resp := s.Raw(http.MethodPost, "/api/v1/public/complaints", "", w.FormDataContentType(), &buf)
		var filed struct{ Code string }
		s.Expect(resp, http.StatusCreated, &filed)
		c := s.ComplaintByCode(filed.Code)
		var got struct {
			Evidence []struct {
				ID       int64  `json:"id"`
				Filename string `json:"filename"`
			} `json:"evidence"`
		}
		s.Expect(s.Do(http.MethodGet, testserver.ComplaintPath(c.ID), domain.RoleComplaintOfficer, nil), http.StatusOK, &got)
		if len(got.Evidence) != 1 {
			t.Fatalf("evidence %+v", got)
		}
		resp = s.Do(http.MethodGet, testserver.ComplaintPath(c.ID)+"/evidence/"+strconv.FormatInt(got.Evidence[0].ID, 10)+"/content",
			domain.RoleComplaintOfficer, nil)
		s.Expect(resp, http.StatusOK, nil)
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") {
			t.Errorf("evidence served with policy %q, want a sandbox", csp)
		}
		_, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
		if err != nil || params["filename"] != got.Evidence[0].Filename {
			t.Errorf("Content-Disposition %q reads back as %q (%v), want %q", resp.Header.Get("Content-Disposition"),
				params["filename"], err, got.Evidence[0].Filename)
		}
	})
}
