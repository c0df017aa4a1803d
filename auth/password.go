package auth

import (
	"crypto/rand"
	"fmt"

	"golang.org/x/crypto/bcrypt"

	"santunan/domain"
)

// Password length bounds, in bytes. bcrypt only reads the first 72 bytes of
// a password (and x/crypto refuses longer ones), so a longer password would
// silently be cut: we refuse it instead.
const (
	minPasswordBytes = 10
	maxPasswordBytes = 72
)

// passwordViolation returns the violation code for password, "" when valid.
func passwordViolation(password string) string {
	switch {
	case len(password) < minPasswordBytes:
		return domain.ViolationPasswordTooShort
	case len(password) > maxPasswordBytes:
		return domain.ViolationPasswordTooLong
	case domain.TextViolation(password) != "":
		// Typed on another keyboard, a password with an invisible
		// character could never be entered again.
		return domain.ViolationInvalidCharacters
	}
	return ""
}

// validatePassword returns a validation error on field "password".
func validatePassword(password string) error {
	if code := passwordViolation(password); code != "" {
		return domain.FieldError("password", code)
	}
	return nil
}

func (s *Service) hashPassword(password string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(password), s.opts.BcryptCost)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return string(h), nil
}

// passwordMatches always spends one bcrypt comparison, against the dummy hash
// when hash is empty (unknown user), so the caller's timing is the same
// either way. A password longer than bcrypt reads never matches: it could not
// have been set.
func (s *Service) passwordMatches(hash, password string) bool {
	h := []byte(hash)
	if hash == "" {
		h = s.dummyHash
	}
	err := bcrypt.CompareHashAndPassword(h, []byte(password))
	return err == nil && hash != "" && len(password) <= maxPasswordBytes
}

// generatePassword returns a random password for the bootstrap admin. rand.Text
// gives 26 characters of base32 (A-Z, 2-7: no 0/O or 1/I/l to confuse when
// copied off a console), 130 bits of entropy.
func generatePassword() string {
	return rand.Text()
}
