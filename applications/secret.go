package applications

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base32"
	"encoding/hex"
	"fmt"
	"math/big"
)

// codeDigits is the length of a one-time code.
const codeDigits = 6

// newCode is a uniformly random six-digit code.
func newCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", fmt.Errorf("one-time code: %w", err)
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

var idEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// newSecret is n random bytes, base32 without padding: a check's id (which
// must not tell how many checks exist) or a session token.
func newSecret(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random: %w", err)
	}
	return idEncoding.EncodeToString(b), nil
}

// codeHash binds a code to its check, so equal codes of two checks hash
// differently.
func codeHash(checkID, code string) string { return hashHex("code\x00" + checkID + "\x00" + code) }

func tokenHash(token string) string { return hashHex("token\x00" + token) }

func hashHex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// sameHash compares two hashes in constant time.
func sameHash(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// FormToken is what a page's form carries beside the session cookie: a
// value another site cannot know, derived from the session token (CSRF).
func FormToken(token string) string { return hashHex("form\x00" + token) }

// SameFormToken checks a form's token against the session's.
func SameFormToken(token, form string) bool { return token != "" && sameHash(FormToken(token), form) }
