package domain

import (
	"unicode"
	"unicode/utf8"
)

// MaxTextLength bounds free-text fields (place of death, address), in runes.
const MaxTextLength = 200

// NormalizeText trims a free-text field and collapses whitespace runs
// (including the line breaks of a textarea) into one space, then checks it
// is not empty, at most maxRunes characters and free of control and
// invisible format characters (which can hide or reorder text on the
// officer's screen). The second result is a violation code, "" when valid.
func NormalizeText(s string, maxRunes int) (string, string) {
	s = collapseSpaces(s)
	if s == "" {
		return "", ViolationRequired
	}
	if utf8.RuneCountInString(s) > maxRunes {
		return "", ViolationTooLong
	}
	if !utf8.ValidString(s) {
		return "", ViolationInvalidCharacters
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return "", ViolationInvalidCharacters
		}
	}
	return s, ""
}
