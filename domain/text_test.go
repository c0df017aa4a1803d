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

// Every format character is refused, not only the bidi controls and
// zero-width characters that are known today, and the cleaning removes
// exactly what the check refuses (and layout whitespace).
func TestTextViolationAndStripText(t *testing.T) {
	bad := []rune{0, 0x1b, 0x7f, 0x85, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
		0x200e, 0x200f, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x061c, 0xfff9, 0xe0001, utf8.RuneError}
	for _, r := range bad {
		s := "ab" + string(r) + "c"
		if TextViolation(s) != ViolationInvalidCharacters || LineViolation(s) != ViolationInvalidCharacters {
			t.Errorf("%U passes", r)
		}
		if got := StripText(s); got != "abc" {
			t.Errorf("StripText(%q) = %q", s, got)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.Is(unicode.Cf, r) && TextViolation(string(r)) == "" {
			t.Fatalf("format character %U passes", r)
		}
	}
	for _, s := range []string{"Ahmad Fauzi", "baris satu\r\nbaris dua\tsel", "محمد", "ꦲꦸꦫꦶꦥ꧀", "Jose\u0301", "😀"} {
		if code := TextViolation(s); code != "" {
			t.Errorf("TextViolation(%q) = %q", s, code)
		}
	}
	if LineViolation("a\nb") == "" || LineViolation("a\tb") == "" {
		t.Error("LineViolation lets layout whitespace through")
	}
	if got := StripText("a\xffb\x00c\td\ne"); got != "abcde" {
		t.Errorf("StripText = %q", got)
	}
}
