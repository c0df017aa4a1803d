package notify

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// longNumber is a run of 10 or more digits, possibly grouped by single
// spaces, dots or dashes as a NIK, phone or account number is written
// ("3324 1265 0775 0002"). Shorter runs (dates, amounts) stay.
var longNumber = regexp.MustCompile(`\+?\d(?:[ .\-]?\d){9,}`)

// MaskDigits hides every long number in a text that leaves our walls or
// lands in last_error: a staff-written reason may quote a NIK or an account
// number, a gateway's answer may echo the phone.
func MaskDigits(s string) string { return longNumber.ReplaceAllString(s, "***") }

// trimText cuts s to at most n runes, on a rune boundary, after collapsing
// whitespace (a gateway's answer may be a multi-line page).
func trimText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
