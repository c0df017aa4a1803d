package domain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeName(t *testing.T) {
	tests := []struct {
		name, in, want, code string
	}{
		{"plain", "Ahmad Fauzi", "Ahmad Fauzi", ""},
		{"whitespace collapsed", "  Ahmad \t  Fauzi\n", "Ahmad Fauzi", ""},
		{"no-break space collapsed", "Ahmad\u00a0Fauzi", "Ahmad Fauzi", ""},
		{"case kept", "SITI aminah", "SITI aminah", ""},
		{"apostrophe", "Siti Nur'aini", "Siti Nur'aini", ""},
		{"dots", "R.A. Kartini", "R.A. Kartini", ""},
		{"hyphen", "Abdul-Rahman", "Abdul-Rahman", ""},
		{"single letter", "A", "A", ""},
		{"precomposed accent", "Nguyễn Văn An", "Nguyễn Văn An", ""},
		{"combining accent", "Jose\u0301", "Jose\u0301", ""},
		{"two combining marks", "Vie\u0302\u0323t", "Vie\u0302\u0323t", ""},
		{"Latin Extended-A and -B", "Şükrü Ǆemal Łukasz", "Şükrü Ǆemal Łukasz", ""},
		{"IPA extensions in African orthographies", "Ɛkow Ŋɔɔ", "Ɛkow Ŋɔɔ", ""},
		{"Latin Extended Additional", "Ḍimas Ṭaufik", "Ḍimas Ṭaufik", ""},
		{"100 runes", strings.Repeat("é", 100), strings.Repeat("é", 100), ""},
		{"empty", "", "", ViolationRequired},
		{"only whitespace", " \t\n", "", ViolationRequired},
		{"101 runes", strings.Repeat("a", 101), "", ViolationNameTooLong},
		{"101 runes after collapsing", strings.Repeat("a", 50) + "   " + strings.Repeat("b", 50), "", ViolationNameTooLong},
		{"no letter", ". - '", "", ViolationNameInvalid},
		{"digit", "Ahmad 2", "", ViolationNameInvalid},
		{"underscore", "Ahmad_Fauzi", "", ViolationNameInvalid},
		{"comma", "Fauzi, Ahmad", "", ViolationNameInvalid},
		{"emoji", "Ahmad 🙂", "", ViolationNameInvalid},
		{"NUL", "Ahmad\x00", "", ViolationInvalidCharacters},
		{"zero-width space", "Ah\u200bmad", "", ViolationInvalidCharacters},
		{"right-to-left override", "Ahmad \u202eizuaF", "", ViolationInvalidCharacters},
		{"byte-order mark", "\ufeffAhmad", "", ViolationInvalidCharacters},
		{"invalid UTF-8", "Ahm\xffad", "", ViolationInvalidCharacters},
		{"angle brackets", "<b>Ahmad</b>", "", ViolationNameInvalid},
		// Latin script only: KTP and SIAK names are in Latin letters, and the
		// PDF font covers exactly these (pdfdoc/fonts).
		{"Arabic script", "محمد", "", ViolationNameInvalid},
		{"Javanese script", "ꦱꦶꦠꦶ", "", ViolationNameInvalid},
		{"Cyrillic lookalike", "Аhmad", "", ViolationNameInvalid},
		{"Greek", "Σοφία", "", ViolationNameInvalid},
		{"Han", "李明", "", ViolationNameInvalid},
		{"fullwidth Latin", "Ａhmad", "", ViolationNameInvalid},
		{"phonetic small capital", "Aᴀmad", "", ViolationNameInvalid},
		{"superscript letter", "Ahmadⁿ", "", ViolationNameInvalid},
		{"ligature", "ﬁtri", "", ViolationNameInvalid},
		{"Kelvin sign", "\u212Aartini", "", ViolationNameInvalid},
		{"Latin Extended-G", "A\U0001DF00", "", ViolationNameInvalid},
		{"combining mark first", "\u0301Ahmad", "", ViolationNameInvalid},
		{"combining mark after a space", "Ahmad \u0301Fauzi", "", ViolationNameInvalid},
		{"combining grapheme joiner", "Ahm\u034Fad", "", ViolationNameInvalid},
		{"Arabic vowel sign", "Ahmad\u064E", "", ViolationNameInvalid},
		{"variation selector", "Ahmad\uFE0F", "", ViolationNameInvalid},
	}
	for _, tt := range tests {
		got, code := NormalizeName(tt.in)
		if got != tt.want || code != tt.code {
			t.Errorf("%s: NormalizeName(%q) = %q, %q; want %q, %q", tt.name, tt.in, got, code, tt.want, tt.code)
		}
	}
}

func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"Ahmad Fauzi", "  R.A.  Kartini ", "محمد", "Jose\u0301", "Nguyễn Văn An", "", "...", "a\xff", strings.Repeat("a", 101)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, code := NormalizeName(s)
		if code != "" {
			if got != "" || !isKnownViolation(code) {
				t.Fatalf("NormalizeName(%q) = %q, %q", s, got, code)
			}
			return
		}
		n := utf8.RuneCountInString(got)
		if n < 1 || n > MaxNameLength || !utf8.ValidString(got) {
			t.Fatalf("NormalizeName(%q) = %q: %d runes", s, got, n)
		}
		if strings.TrimSpace(got) != got || strings.Contains(got, "  ") {
			t.Fatalf("NormalizeName(%q) = %q: whitespace not collapsed", s, got)
		}
		if again, code := NormalizeName(got); again != got || code != "" {
			t.Fatalf("not idempotent: %q -> %q -> %q, %q", s, got, again, code)
		}
	})
}
