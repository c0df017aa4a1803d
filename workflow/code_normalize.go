package workflow

import (
	"strings"
	"unicode"
)

// codeBodyLength is the number of alphabet characters after "SKM".
const codeBodyLength = 8

// codeFolds maps the letters Crockford base32 leaves out to the digits they
// are read as. The alphabet holds neither O, I nor L, so folding can never
// turn one real code into another: it only rescues a misread one.
var codeFolds = map[rune]rune{'O': '0', 'I': '1', 'L': '1'}

// NormalizeCode reads a claim code as an heir types or a bank writes it:
// any case, with or without the dashes, with spaces, dots or a phone's
// typographic dashes between the groups, with O for 0 and I or L for 1.
// A code that can be read gives its canonical form SKM-XXXX-XXXX;
// anything else is returned upper-cased and trimmed, which matches no claim. Normalising twice changes nothing.
func NormalizeCode(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if code, ok := readCode(s); ok {
		return code
	}
	return s
}

// readCode is NormalizeCode's reading of an upper-cased code.
func readCode(s string) (string, bool) {
	var body []rune
	for _, r := range s {
		if isCodeSeparator(r) {
			continue
		}
		if f, ok := codeFolds[r]; ok {
			r = f
		}
		body = append(body, r)
		if len(body) > codeBodyLength+3 {
			return "", false
		}
	}
	// The prefix is required: eight letters alone are as likely a name
	// typed into the staff's search as a code.
	if len(body) != codeBodyLength+3 || string(body[:3]) != "SKM" {
		return "", false
	}
	body = body[3:]
	var chars [codeBodyLength]byte
	for i, r := range body {
		if r > unicode.MaxASCII || !strings.ContainsRune(codeAlphabet, r) {
			return "", false
		}
		chars[i] = byte(r)
	}
	return formatCode(chars), true
}

// isCodeSeparator is what people put between a code's groups: spaces,
// dashes (a phone's keyboard turns "-" into "–" or "—"), dots, slashes.
func isCodeSeparator(r rune) bool {
	switch r {
	case '-', '.', '_', '/', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return unicode.IsSpace(r)
}
