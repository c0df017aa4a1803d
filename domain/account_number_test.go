package domain

import (
	"strings"
	"testing"
)

func TestNormalizeAccountNumber(t *testing.T) {
	tests := []struct {
		in, want, code string
	}{
		{"1234567890", "1234567890", ""},
		{" 1234-5678-90 ", "1234567890", ""},
		{"0012 3456 7890 1234", "0012345678901234", ""}, // leading zeros are significant
		{"123456", "123456", ""},
		{strings.Repeat("1", 20), strings.Repeat("1", 20), ""},
		{"", "", ViolationRequired},
		{" ", "", ViolationRequired},
		{"12345", "", ViolationAccountNumberInvalid},
		{strings.Repeat("1", 21), "", ViolationAccountNumberInvalid},
		{"12345a7890", "", ViolationAccountNumberInvalid},
		{"1234.5678.90", "", ViolationAccountNumberInvalid},
		{"--", "", ViolationAccountNumberInvalid},
		{"١٢٣٤٥٦٧", "", ViolationAccountNumberInvalid},
	}
	for _, tt := range tests {
		got, code := NormalizeAccountNumber(tt.in)
		if got != tt.want || code != tt.code {
			t.Errorf("NormalizeAccountNumber(%q) = %q, %q; want %q, %q", tt.in, got, code, tt.want, tt.code)
		}
	}
}

func FuzzNormalizeAccountNumber(f *testing.F) {
	for _, s := range []string{"1234567890", "1234-5678 90", "", "12345", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, code := NormalizeAccountNumber(s)
		if code != "" {
			if got != "" || !isKnownViolation(code) {
				t.Fatalf("NormalizeAccountNumber(%q) = %q, %q", s, got, code)
			}
			return
		}
		if !isDigits(got) || len(got) < 6 || len(got) > 20 {
			t.Fatalf("NormalizeAccountNumber(%q) = %q", s, got)
		}
	})
}
