package domain

import "strings"

// MaxCertificateNoLength bounds an akta kematian number.
const MaxCertificateNoLength = 64

// NormalizeCertificateNo trims and upper-cases a death certificate (akta
// kematian) number such as "3324-KM-20112026-0001" and checks it holds only
// A-Z, 0-9, '.', '/' and '-'. Formats differ between regencies and years,
// so nothing more is assumed. Only ASCII letters are upper-cased, so no
// non-ASCII letter (like the dotless ı) can turn into an accepted one. The
// second result is a violation code, "" when valid.
func NormalizeCertificateNo(s string) (string, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ViolationRequired
	}
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '/', c == '-':
		default:
			return "", ViolationCertificateNoInvalid
		}
	}
	// Every accepted character is one byte, so bytes count characters here.
	if len(b) > MaxCertificateNoLength {
		return "", ViolationTooLong
	}
	return string(b), ""
}
