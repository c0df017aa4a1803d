package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNameLength is the longest accepted name, in characters (runes).
const MaxNameLength = 100

// NormalizeName trims a person's name and collapses runs of whitespace into
// one space, then checks it: 1-100 characters of letters in any script
// (with their combining marks), spaces, and . ' - ; at least one letter. Names are
// not case-folded: "dr. Siti" and "SITI" are written as the KTP says. The
// second result is a violation code, "" when valid: invalid_characters for
// a control or invisible format character (TextViolation), name_invalid for
// any other character a name may not have.
//
// Used for the deceased, the heir and the bank account holder.
func NormalizeName(s string) (string, string) {
	// Invisible and control characters get their own message: the clerk
	// sees only letters, so "only letters" would not help.
	if code := TextViolation(s); code != "" {
		return "", code
	}
	s = collapseSpaces(s)
	if s == "" {
		return "", ViolationRequired
	}
	if utf8.RuneCountInString(s) > MaxNameLength {
		return "", ViolationNameTooLong
	}
	hasLetter := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			hasLetter = true
		// Combining marks: decomposed accents (Mn) and the vowel signs of
		// Javanese or Arabic script (Mn, Mc) belong to the letter before.
		case unicode.In(r, unicode.Mn, unicode.Mc), r == ' ', r == '.', r == '\'', r == '-':
		default:
			return "", ViolationNameInvalid
		}
	}
	if !hasLetter {
		return "", ViolationNameInvalid
	}
	return s, ""
}

// collapseSpaces trims s and replaces every run of Unicode whitespace
// (including line breaks and no-break spaces) with one ASCII space.
func collapseSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
