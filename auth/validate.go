package auth

import (
	"strings"
	"unicode/utf8"

	"santunan/domain"
)

const (
	minUsernameLen = 3
	maxUsernameLen = 32
	// maxFullNameRunes matches the limit on the names in a claim.
	maxFullNameRunes = domain.MaxNameLength
	// maxIPLen bounds what a proxy header can put in the security log.
	maxIPLen = 64
)

// normalizeUsername makes "  Siti.R " and "siti.r" the same account.
func normalizeUsername(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}

// validUsername checks a normalized username: 3-32 of a-z 0-9 . _ -
// (plain ASCII, so no two usernames look alike on screen).
func validUsername(s string) bool {
	if len(s) < minUsernameLen || len(s) > maxUsernameLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '.', c == '_', c == '-':
		default:
			return false
		}
	}
	return true
}

// normalizeFullName trims the name and collapses inner whitespace. The second
// result is a violation code, "" when valid.
func normalizeFullName(s string) (string, string) {
	s = strings.Join(strings.Fields(s), " ")
	switch {
	case s == "":
		return "", domain.ViolationRequired
	case utf8.RuneCountInString(s) > maxFullNameRunes:
		return "", domain.ViolationNameTooLong
	case domain.TextViolation(s) != "":
		// Control and invisible format characters can hide or reorder text on
		// an admin's screen.
		return "", domain.ViolationInvalidCharacters
	}
	return s, ""
}

// cleanLogText makes caller-supplied text (an IP from a proxy header) safe to
// store: valid UTF-8 (PostgreSQL refuses anything else, and NUL bytes), no
// control characters, bounded length.
func cleanLogText(s string, maxRunes int) string {
	s = domain.StripText(s)
	if utf8.RuneCountInString(s) > maxRunes {
		s = string([]rune(s)[:maxRunes])
	}
	return s
}
