package documents_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"santunan/documents"
	"santunan/domain"
)

// Small but real-looking files of each kind, for every test in the package.
var (
	pdfFile  = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	jpegFile = append([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00}, bytes.Repeat([]byte{0x42}, 64)...)
	pngFile  = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), bytes.Repeat([]byte{0x01}, 64)...)
	htmlFile = []byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")
)

func TestSniffDecidesFromContent(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string // "" when refused
	}{
		{"pdf", pdfFile, domain.ContentTypePDF},
		{"jpeg", jpegFile, domain.ContentTypeJPEG},
		{"png", pngFile, domain.ContentTypePNG},
		{"html", htmlFile, ""},
		{"html behind whitespace", append([]byte("  \n"), htmlFile...), ""},
		{"pdf magic after whitespace", append([]byte(" "), pdfFile...), ""},
		{"truncated pdf magic", []byte("%PDF"), ""},
		{"truncated png magic", []byte("\x89PNG\r\n"), ""},
		{"gif", []byte("GIF89a\x01\x00\x01\x00"), ""},
		{"zip (docx)", []byte("PK\x03\x04\x14\x00\x06\x00"), ""},
		{"plain text", []byte("akta kematian no 3324"), ""},
		{"empty", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := documents.Sniff(tt.data)
			if got != tt.want || ok != (tt.want != "") {
				t.Fatalf("Sniff = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

func FuzzSniff(f *testing.F) {
	for _, seed := range [][]byte{pdfFile, jpegFile, pngFile, htmlFile, {}, []byte("%PDF-"), {0xFF, 0xD8, 0xFF}} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ct, ok := documents.Sniff(data)
		if !ok {
			if ct != "" {
				t.Fatalf("refused with type %q", ct)
			}
			return
		}
		switch ct {
		case domain.ContentTypePDF, domain.ContentTypeJPEG, domain.ContentTypePNG:
		default:
			t.Fatalf("accepted type %q", ct)
		}
		// Whatever is accepted, a browser's sniffer reads the same way.
		if got := http.DetectContentType(data); got != ct {
			t.Fatalf("accepted as %s but browsers sniff %s", ct, got)
		}
	})
}

func TestCleanFilename(t *testing.T) {
	tests := []struct{ in, want string }{
		{"akta.pdf", "akta.pdf"},
		{"../../etc/passwd", "passwd"},
		{`C:\Users\Siti\KTP Siti.jpg`, "KTP Siti.jpg"},
		{"a\x00b\nc.pdf", "abc.pdf"},
		{`say "hi".pdf`, "say hi.pdf"},
		{"  spaced   out  .png ", "spaced out .png"},
		{"", "dokumen"},
		{"..", "dokumen"},
		{"/", "dokumen"},
		{"\xff\xfe.pdf", ".pdf"},
		{"bukti\u202egpj.exe", "buktigpj.exe"},
		{"\u2066ktp\u2069\u200b\ufeff.jpg\u200e", "ktp.jpg"},
		{"a\x1b[31mb\x7f.pdf", "a[31mb.pdf"},
		{strings.Repeat("é", 300), strings.Repeat("é", 200)},
	}
	for _, tt := range tests {
		if got := documents.CleanFilename(tt.in); got != tt.want {
			t.Errorf("CleanFilename(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
