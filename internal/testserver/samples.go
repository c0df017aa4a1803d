package testserver

import (
	"bytes"
	"net/http"
	"testing"

	"santunan/domain"
)

// Files as a clerk uploads them: the smallest each content check takes
// for its type, and a page that must never be served as one.
var (
	SamplePDF  = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
	SamplePNG  = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), bytes.Repeat([]byte{1}, 32)...)
	SampleJPEG = append([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0}, bytes.Repeat([]byte{2}, 32)...)
	SampleHTML = []byte("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>")
)

// BadTexts are what no text field may carry: the bytes PostgreSQL cannot
// hold, and the characters that hide or reorder what staff and heirs read.
var BadTexts = []struct{ Name, S string }{
	{"NUL", "\x00"},
	{"invalid UTF-8", "\xff"},
	{"a lone continuation byte", "\x80"},
	{"escape", "\x1b"},
	{"right-to-left override", "\u202e"},
	{"left-to-right embedding", "\u202a"},
	{"first strong isolate", "\u2068"},
	{"right-to-left mark", "\u200f"},
	{"zero-width space", "\u200b"},
	{"zero-width joiner", "\u200d"},
	{"word joiner", "\u2060"},
	{"byte-order mark", "\ufeff"},
	{"soft hyphen", "\u00ad"},
}

// Bad marks where a case puts one of the BadTexts.
const Bad = "@@BAD@@"

// What a browser sends with a request from elsewhere, and what it sends
// (or not) when the request is this site's own.
var (
	FromElsewhere = []map[string]string{
		{"Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "same-site"},
		{"Origin": "https://evil.example"},
		{"Origin": "null"},
		{"Sec-Fetch-Site": "same-origin", "Origin": "https://evil.example"},
	}
	FromHere = []map[string]string{
		{"Sec-Fetch-Site": "same-origin"},
		{"Sec-Fetch-Site": "none"}, // the address bar, a bookmark
		{},                         // an API client, an old browser
	}
)

// WithHeaders is a GET of url with the headers set.
func WithHeaders(t testing.TB, url string, hdr map[string]string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return req
}

// AccessLogEntries counts the entries of claim id's document access log.
func (s *Server) AccessLogEntries(id int64) int {
	s.T.Helper()
	var log struct {
		Entries []struct {
			DocumentID int64 `json:"document_id"`
		} `json:"entries"`
	}
	s.Expect(s.Do(http.MethodGet, DocumentsPath(id)+"/access-log", domain.RoleAuditor, nil), http.StatusOK, &log)
	return len(log.Entries)
}

// FileNames are names a file may arrive with, and the name kept: cleaned,
// not refused (the file is the evidence, its name only a hint).
var FileNames = []struct{ Sent, Kept string }{
	{"bukti\u202egpj.exe", "buktigpj.exe"},
	{"\u2066ktp\u2069 \u200bsiti\ufeff.jpg\u200e", "ktp siti.jpg"},
	{"akta\x00\x1b.pdf", "akta.pdf"},
	{"kk\xff\xfe.pdf", "kk.pdf"},
	{"..\\..\\C:\\surat\u202d.pdf", "surat.pdf"},
}

// FiledWithKTP files fixture claim 1 and attaches the heir's KTP, a
// document whose download writes the access log.
func (s *Server) FiledWithKTP() (Claim, Document) {
	s.T.Helper()
	c := s.File(1)
	return c, s.Attach(c, "ktp_ahli_waris", SamplePDF)
}
