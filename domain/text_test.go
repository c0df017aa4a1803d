package domain

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNormalizeText(t *testing.T) {
	tests := []struct {
		name, in, want, code string
	}{
		{"plain", "RSUD dr. H. Soewondo Kendal", "RSUD dr. H. Soewondo Kendal", ""},
		{"textarea lines joined", "Jl. Soekarno-Hatta No. 5\r\nRT 02/RW 03", "Jl. Soekarno-Hatta No. 5 RT 02/RW 03", ""},
		{"punctuation and digits allowed", "Rumah, Ds. Blumah #12 (belakang masjid)", "Rumah, Ds. Blumah #12 (belakang masjid)", ""},
		{"200 runes", strings.Repeat("é", 200), strings.Repeat("é", 200), ""},
		{"empty", "", "", ViolationRequired},
		{"whitespace", "\n\t ", "", ViolationRequired},
		{"201 runes", strings.Repeat("a", 201), "", ViolationTooLong},
		{"NUL", "Rumah\x00", "", ViolationInvalidCharacters},
		{"escape", "Rumah\x1b[31m", "", ViolationInvalidCharacters},
		{"DEL", "Rumah\x7f", "", ViolationInvalidCharacters},
		{"right-to-left override", "Rumah \u202eabc", "", ViolationInvalidCharacters},
		{"invalid UTF-8", "Rum\xffah", "", ViolationInvalidCharacters},
	}
	for _, tt := range tests {
		got, code := NormalizeText(tt.in, MaxTextLength)
		if got != tt.want || code != tt.code {
			t.Errorf("%s: NormalizeText(%q) = %q, %q; want %q, %q", tt.name, tt.in, got, code, tt.want, tt.code)
		}
	}
}

func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{"Jl. Soekarno-Hatta\r\nNo. 5", "", "\x00", "\u202e", strings.Repeat("a", 201)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, code := NormalizeText(s, MaxTextLength)
		if code != "" {
			if got != "" || !isKnownViolation(code) {
				t.Fatalf("NormalizeText(%q) = %q, %q", s, got, code)
			}
			return
		}
		if n := utf8.RuneCountInString(got); n < 1 || n > MaxTextLength || !utf8.ValidString(got) {
			t.Fatalf("NormalizeText(%q) = %q", s, got)
		}
		for _, r := range got {
			if unicode.IsControl(r) {
				t.Fatalf("NormalizeText(%q) = %q keeps control character %U", s, got, r)
			}
		}
		if again, code := NormalizeText(got, MaxTextLength); again != got || code != "" {
			t.Fatalf("not idempotent: %q -> %q -> %q, %q", s, got, again, code)
		}
	})
}
