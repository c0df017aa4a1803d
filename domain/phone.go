package domain

import "strings"

// Bounds of an Indonesian mobile number without the country code
// (8xxxxxxxx to 8xxxxxxxxxxx).
const (
	phoneMinDigits = 9
	phoneMaxDigits = 12
)

// NormalizePhone accepts an Indonesian mobile number written as 08..., 628...
// or +628..., with single spaces, dashes or dots between digits, and returns
// it as +628... (the form SMS gateways take). The second result is a
// violation code, "" when valid.
func NormalizePhone(s string) (string, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ViolationRequired
	}
	digits, ok := stripPhoneSeparators(s)
	if !ok {
		return "", ViolationPhoneInvalid
	}
	var national string
	switch {
	case strings.HasPrefix(digits, "+62"):
		national = digits[3:]
	case strings.HasPrefix(digits, "62"):
		national = digits[2:]
	case strings.HasPrefix(digits, "0"):
		national = digits[1:]
	default:
		return "", ViolationPhoneInvalid
	}
	// Landlines (021..., 0294...) cannot receive the SMS updates.
	if !strings.HasPrefix(national, "8") || len(national) < phoneMinDigits || len(national) > phoneMaxDigits {
		return "", ViolationPhoneInvalid
	}
	return "+62" + national, ""
}

// stripPhoneSeparators removes separators that sit between two digits and
// keeps a leading '+'. Anything else, or a separator elsewhere, fails: such
// input is more likely two numbers or a typo than a formatting habit.
func stripPhoneSeparators(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == '+' && i == 0:
			b.WriteByte(c)
		case c == ' ' || c == '-' || c == '.':
			if i == 0 || i == len(s)-1 || !isDigitByte(s[i-1]) || !isDigitByte(s[i+1]) {
				return "", false
			}
		default:
			return "", false
		}
	}
	return b.String(), true
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
