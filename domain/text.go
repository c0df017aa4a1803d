package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTextLength bounds free-text fields (place of death, address), in runes.
const MaxTextLength = 200

// The one rule for text from outside: every validator of a name, reason,
// code or search term calls TextViolation (or a Normalize function that
// does), and file names and log text are cleaned with StripText. The
// transport (api) refuses invalid UTF-8 and NUL even earlier, before
// anything reaches the database; this rule is what keeps text that staff
// and heirs read honest.

// forbiddenRune reports whether r may not appear in text: control
// characters (NUL, ESC, DEL, the C1 range) other than tab and line breaks;
// Unicode format characters (category Cf: the bidi embeddings, overrides
// and isolates U+202A-202E and U+2066-2069, the marks U+200E/U+200F, the
// zero-width U+200B-200D, the word joiner U+2060, the byte-order mark
// U+FEFF, and more), which hide text or reorder it on screen so that
// "bukti\u202egpj.exe" reads as "buktiexe.jpg"; and U+FFFD, which a decoder
// puts where the bytes were not UTF-8, so it is never what someone typed.
func forbiddenRune(r rune) bool {
	switch r {
	case '\t', '\n', '\r':
		return false
	case utf8.RuneError:
		return true
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// TextViolation returns ViolationInvalidCharacters when s is not valid
// UTF-8 or holds a control or format character (see forbiddenRune; tab and
// line breaks pass, callers collapse or keep them), "" otherwise.
func TextViolation(s string) string {
	if !utf8.ValidString(s) || strings.IndexFunc(s, forbiddenRune) >= 0 {
		return ViolationInvalidCharacters
	}
	return ""
}

// LineViolation is TextViolation for a one-line field (a bank reference):
// tab and line breaks are refused too.
func LineViolation(s string) string {
	if strings.ContainsAny(s, "\t\n\r") {
		return ViolationInvalidCharacters
	}
	return TextViolation(s)
}

// StripText is TextViolation's cleaning counterpart, for text that is kept
// rather than refused (an uploaded file's name, a proxy's header in a log):
// bytes that are not UTF-8 and every forbidden rune are removed, and so are
// tab and line breaks.
func StripText(s string) string {
	return strings.Map(func(r rune) rune {
		if forbiddenRune(r) || unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// NormalizeText trims a free-text field and collapses whitespace runs
// (including the line breaks of a textarea) into one space, then checks it
// is not empty, at most maxRunes characters and passes TextViolation. The
// second result is a violation code, "" when valid.
func NormalizeText(s string, maxRunes int) (string, string) {
	if code := TextViolation(s); code != "" {
		return "", code
	}
	s = collapseSpaces(s)
	if s == "" {
		return "", ViolationRequired
	}
	if utf8.RuneCountInString(s) > maxRunes {
		return "", ViolationTooLong
	}
	return s, ""
}
