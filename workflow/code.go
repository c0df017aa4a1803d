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
	var s strings.Builder
	s.WriteString("SKM-")
	for i, v := range b {
		if i == 4 {
			s.WriteByte('-')
		}
		s.WriteByte(codeAlphabet[int(v)%len(codeAlphabet)])
	}
	return s.String(), nil
}

// NormalizeCode upper-cases a code as typed and maps the letters Crockford
// base32 reads as digits (O->0, I/L->1), so a hand-copied code still matches.
func NormalizeCode(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	body, hasPrefix := strings.CutPrefix(s, "SKM-")
	if !hasPrefix {
		return s
	}
	return "SKM-" + strings.NewReplacer("O", "0", "I", "1", "L", "1").Replace(body)
}
