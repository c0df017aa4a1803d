package workflow

import (
	"crypto/rand"
	"fmt"
	"strings"
)

// codeAlphabet is Crockford's base32: no I, L, O or U, so a code read aloud
// over the phone or copied from paper is not misread.
const codeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// NewClaimCode returns a public tracking code like SKM-7K3F-9Q2M: 40 random
// bits, unguessable in practice, and tracking also needs the heir's NIK.
func NewClaimCode() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("random code: %w", err)
	}
	for i, v := range b {
		b[i] = codeAlphabet[int(v)%len(codeAlphabet)]
	}
	return formatCode(b), nil
}

// formatCode writes eight characters of the alphabet as SKM-XXXX-XXXX.
func formatCode(chars [8]byte) string {
	var s strings.Builder
	s.WriteString("SKM-")
	for i, c := range chars {
		if i == 4 {
			s.WriteByte('-')
		}
		s.WriteByte(c)
	}
	return s.String()
}

// UniformCodes returns one code per character of the alphabet, made of that
// character alone (SKM-0000-0000 ... SKM-ZZZZ-ZZZZ). Printed without kerning,
// a code is as wide as the sum of its characters, so the widest of these is
// the widest code there can be: what a printed code column must fit.
func UniformCodes() []string {
	codes := make([]string, 0, len(codeAlphabet))
	for i := range len(codeAlphabet) {
		var b [8]byte
		for j := range b {
			b[j] = codeAlphabet[i]
		}
		codes = append(codes, formatCode(b))
	}
	return codes
}
