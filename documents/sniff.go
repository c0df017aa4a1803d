package documents

import (
	"bytes"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"

	"santunan/domain"
)

// Magic numbers of the accepted formats. The type of a document is decided
// from these first bytes, never from its name or the type the browser
// claims: a PNG renamed .pdf is a PNG, and HTML named .pdf is refused.
var (
	magicPDF  = []byte("%PDF-")
	magicJPEG = []byte{0xFF, 0xD8, 0xFF}
	magicPNG  = []byte("\x89PNG\r\n\x1a\n")
)

// Sniff returns the content type of a file from its first bytes: PDF, JPEG
// or PNG, or ok false for anything else.
func Sniff(data []byte) (contentType string, ok bool) {
	switch {
	case bytes.HasPrefix(data, magicPDF):
		contentType = domain.ContentTypePDF
	case bytes.HasPrefix(data, magicJPEG):
		contentType = domain.ContentTypeJPEG
	case bytes.HasPrefix(data, magicPNG):
		contentType = domain.ContentTypePNG
	default:
		return "", false
	}
	// The standard library's sniffer (the WHATWG algorithm browsers use)
	// must agree, so that no browser can be talked into reading the file
	// as something else.
	if http.DetectContentType(data) != contentType {
		return "", false
	}
	return contentType, true
}

// maxFilenameRunes bounds a stored file name.
const maxFilenameRunes = 200

// CleanFilename keeps the last element of a client's file name, without
// path separators, quotes, or what domain.StripText removes (bytes that are
// not UTF-8, control and invisible format characters: "bukti\u202egpj.exe"
// would read "buktiexe.jpg"), at most 200 characters. It is shown to staff
// and offered on download, never used as a path. A name is cleaned, not
// refused: the file matters, its name is only a hint.
func CleanFilename(name string) string {
	name = domain.StripText(name)
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(name)
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == '"' {
			return -1
		}
		return r
	}, name)
	name = strings.Join(strings.Fields(name), " ")
	if utf8.RuneCountInString(name) > maxFilenameRunes {
		name = string([]rune(name)[:maxFilenameRunes])
	}
	if name == "" || name == "." || name == ".." {
		return "dokumen"
	}
	return name
}
