package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNameLength is the longest accepted name, in characters (runes).
const MaxNameLength = 100

// NormalizeName trims a person's name and collapses runs of whitespace into
// one space, then checks it: 1-100 characters of Latin letters (with their
// diacritics, precomposed or as combining marks after a letter), spaces, and
// . ' - ; at least one letter. Names are not case-folded: "dr. Siti" and
// "SITI" are written as the KTP says. The second result is a violation code,
// "" when valid: invalid_characters for a control or invisible format
// character (TextViolation), name_invalid for any other character a name may
// not have.
//
// Why Latin only: the KTP and SIAK (Dukcapil's registry) print names in Latin
// letters, and so do the bank's account records the name is matched against;
// a name in Javanese or Arabic script cannot be the name on those papers. One
// rule that every printed document can honour also keeps the decree's PDF
// font (pdfdoc/fonts, Noto Sans) covering every accepted name; a test there
// checks each rune this function accepts against the font.
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
	hasLetter, afterLetter := false, false
	for _, r := range s {
		switch {
		case isNameLetter(r):
			hasLetter, afterLetter = true, true
		// A decomposed accent (e + U+0301) belongs to the letter before it.
		case isNameMark(r) && afterLetter:
		case r == ' ', r == '.', r == '\'', r == '-':
			afterLetter = false
		default:
			return "", ViolationNameInvalid
		}
	}
	if !hasLetter {
		return "", ViolationNameInvalid
	}
	return s, ""
}

// isNameLetter: a letter of the Latin script in the blocks alphabets are
// written with: Basic Latin to Latin Extended-B and IPA Extensions
// (U+0041-U+02AF: é, ñ, ş, ŋ, ɛ, ə) and Latin Extended Additional
// (U+1E00-U+1EFF: ḍ, ṭ, ễ). Left out are the fullwidth forms, the small
// capitals of Phonetic Extensions, superscripts, ligatures and letterlike
// symbols (the Kelvin sign), which look like letters but are never on a KTP.
func isNameLetter(r rune) bool {
	return (r <= 0x02AF || (r >= 0x1E00 && r <= 0x1EFF)) && unicode.IsLetter(r) && unicode.Is(unicode.Latin, r)
}

// isNameMark: a combining diacritical mark (U+0300-U+036F), except the
// combining grapheme joiner U+034F, which is invisible.
func isNameMark(r rune) bool { return r >= 0x0300 && r <= 0x036F && r != 0x034F }

// collapseSpaces trims s and replaces every run of Unicode whitespace
// (including line breaks and no-break spaces) with one ASCII space.
func collapseSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
