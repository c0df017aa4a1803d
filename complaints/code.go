package complaints

import (
	"crypto/rand"
	"fmt"
	"strings"
	"unicode"
)

// A complaint's tracking code is its only secret: whoever holds it follows
// the complaint without an account, so it carries 60 random bits
// (ADU-XXXX-XXXX-XXXX in Crockford's base32), beyond guessing even at the
// public route's rate limit.

// codeAlphabet is Crockford's base32 (no I, L, O, U), as claim codes.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

const (
	codePrefix     = "ADU"
	codeBodyLength = 12
)

// NewCode returns a fresh tracking code.
func NewCode() (string, error) {
	var b [codeBodyLength]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("random complaint code: %w", err)
	}
	for i, v := range b {
		b[i] = codeAlphabet[int(v)&31]
	}
	return formatCode(b), nil
}

func formatCode(chars [codeBodyLength]byte) string {
	var s strings.Builder
	s.WriteString(codePrefix)
	for i, c := range chars {
		if i%4 == 0 {
			s.WriteByte('-')
		}
		s.WriteByte(c)
	}
	return s.String()
}

// codeFolds are the letters the alphabet leaves out, read as the digits
// they look like.
var codeFolds = map[rune]rune{'O': '0', 'I': '1', 'L': '1'}

// ParseCode reads a tracking code as a complainant types it: any case,
// with or without dashes, spaces or a phone's typographic dashes, O for 0
// and I or L for 1, the prefix ADU optional. It returns the canonical
// ADU-XXXX-XXXX-XXXX, or false for anything that cannot be a code.
func ParseCode(s string) (string, bool) {
	if len(s) > 128 {
		return "", false
	}
	var body []rune
	for _, r := range strings.ToUpper(strings.TrimSpace(s)) {
		if isCodeSeparator(r) {
			continue
		}
		if f, ok := codeFolds[r]; ok {
			r = f
		}
		body = append(body, r)
		if len(body) > codeBodyLength+len(codePrefix) {
			return "", false
		}
	}
	if len(body) == codeBodyLength+len(codePrefix) {
		if string(body[:len(codePrefix)]) != codePrefix {
			return "", false
		}
		body = body[len(codePrefix):]
	}
	if len(body) != codeBodyLength {
		return "", false
	}
	var chars [codeBodyLength]byte
	for i, r := range body {
		if r > unicode.MaxASCII || !strings.ContainsRune(codeAlphabet, r) {
			return "", false
		}
		chars[i] = byte(r)
	}
	return formatCode(chars), true
}

func isCodeSeparator(r rune) bool {
	switch r {
	case '-', '.', '_', '/', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return unicode.IsSpace(r)
}
