package domain

import (
	"strings"
	"testing"
)

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		in, want, code string
	}{
		{"081234567890", "+6281234567890", ""},
		{"6281234567890", "+6281234567890", ""},
		{"+6281234567890", "+6281234567890", ""},
		{"0812-3456-7890", "+6281234567890", ""},
		{"0812 3456 7890", "+6281234567890", ""},
		{"0812.3456.7890", "+6281234567890", ""},
		{"+62 812-3456-7890", "+6281234567890", ""},
		{"  081234567890\n", "+6281234567890", ""},
		{"0812345678", "+62812345678", ""},            // 9 national digits: shortest
		{"0812345678901", "+62812345678901", ""},      // 12 national digits: longest
		{"081234567", "", ViolationPhoneInvalid},      // 8 national digits
		{"08123456789012", "", ViolationPhoneInvalid}, // 13 national digits
		{"", "", ViolationRequired},
		{"   ", "", ViolationRequired},
		{"0294381234", "", ViolationPhoneInvalid},     // Kendal landline
		{"+62294381234", "", ViolationPhoneInvalid},   // same, international form
		{"81234567890", "", ViolationPhoneInvalid},    // no prefix
		{"+81234567890", "", ViolationPhoneInvalid},   // +81 is Japan
		{"+6208123456789", "", ViolationPhoneInvalid}, // 0 after the country code
		{"0812--3456-7890", "", ViolationPhoneInvalid},
		{"-081234567890", "", ViolationPhoneInvalid},
		{"081234567890-", "", ViolationPhoneInvalid},
		{"+ 6281234567890", "", ViolationPhoneInvalid},
		{"++6281234567890", "", ViolationPhoneInvalid},
		{"62+81234567890", "", ViolationPhoneInvalid},
		{"(0812) 34567890", "", ViolationPhoneInvalid},
		{"0812345678x", "", ViolationPhoneInvalid},
		{"081234567890 / 081298765432", "", ViolationPhoneInvalid},
		{"０８１２３４５６７８９０", "", ViolationPhoneInvalid}, // full-width digits
	}
	for _, tt := range tests {
		got, code := NormalizePhone(tt.in)
		if got != tt.want || code != tt.code {
			t.Errorf("NormalizePhone(%q) = %q, %q; want %q, %q", tt.in, got, code, tt.want, tt.code)
		}
	}
}

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"081234567890", "+62 812-3456-7890", "6281234567890", "0294381234", "", "+", "0-", "0812..3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, code := NormalizePhone(s)
		if code != "" {
			if got != "" || !isKnownViolation(code) {
				t.Fatalf("NormalizePhone(%q) = %q, %q", s, got, code)
			}
			return
		}
		national := strings.TrimPrefix(got, "+62")
		if !strings.HasPrefix(got, "+628") || !isDigits(national) || len(national) < 9 || len(national) > 12 {
			t.Fatalf("NormalizePhone(%q) = %q: not +628 with 9-12 national digits", s, got)
		}
		if again, code := NormalizePhone(got); again != got || code != "" {
			t.Fatalf("not idempotent: %q -> %q -> %q, %q", s, got, again, code)
		}
	})
}
