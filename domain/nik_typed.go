package domain

import (
	"strings"
	"unicode"
)

// NIKAsTyped reads a NIK as a person copies it from the KTP, where it is
// printed in groups: the spaces, dots and dashes between the digits are
// dropped ("3324 1265 0775 0002", "3324.1265.0775.0002"). Nothing else is
// changed, so what is not a NIK stays not a NIK for ParseNIK or a lookup to
// refuse. Used where the public proves who they are (tracking); a clerk's
// form keeps ParseNIK's strictness, where a grouped NIK is a typing risk.
func NIKAsTyped(s string) string {
	if !strings.ContainsFunc(s, isNIKSeparator) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isNIKSeparator(r) {
			return -1
		}
		return r
	}, s)
}

// isNIKSeparator is what stands between the groups of a printed NIK.
func isNIKSeparator(r rune) bool {
	switch r {
	case '.', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return unicode.IsSpace(r)
}
