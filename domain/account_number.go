package domain

import "strings"

// Bounds of a bank account number in digits. Indonesian banks use 10 to 16
// digits; the margin admits older and virtual-account-like formats.
const (
	accountNumberMinDigits = 6
	accountNumberMaxDigits = 20
)

// NormalizeAccountNumber removes the spaces and dashes people copy from a
// passbook and checks 6-20 ASCII digits remain. The second result is a
// violation code, "" when valid.
func NormalizeAccountNumber(s string) (string, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ViolationRequired
	}
	s = strings.NewReplacer(" ", "", "-", "").Replace(s)
	if !isDigits(s) || len(s) < accountNumberMinDigits || len(s) > accountNumberMaxDigits {
		return "", ViolationAccountNumberInvalid
	}
	return s, ""
}
