package workflow

import (
	"regexp"
	"strings"
	"testing"
)

func TestNewClaimCodeShape(t *testing.T) {
	shape := regexp.MustCompile(`^SKM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$`)
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		c, err := NewClaimCode()
		if err != nil {
			t.Fatal(err)
		}
		if !shape.MatchString(c) {
			t.Fatalf("code %q has the wrong shape", c)
		}
		if seen[c] {
			t.Fatalf("code %q repeated within 1000 draws", c)
		}
		seen[c] = true
	}
}

// Every character a code can hold is in one of the uniform codes, and each
// has the shape of a real code: the widest of them bounds every code.
func TestUniformCodesCoverTheAlphabet(t *testing.T) {
	shape := regexp.MustCompile(`^SKM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$`)
	codes := UniformCodes()
	chars := map[byte]bool{}
	for _, c := range codes {
		if !shape.MatchString(c) || strings.Count(c[4:], c[4:5]) != 8 {
			t.Fatalf("uniform code %q", c)
		}
		chars[c[4]] = true
	}
	for i := range len(codeAlphabet) {
		if !chars[codeAlphabet[i]] {
			t.Errorf("no uniform code of %q", codeAlphabet[i])
		}
	}
}

func TestNormalizeCode(t *testing.T) {
	cases := []struct{ in, want string }{
		{"SKM-WRJN-X5PB", "SKM-WRJN-X5PB"},
		{"SKMWRJNX5PB", "SKM-WRJN-X5PB"},
		{"SKM WRJN X5PB", "SKM-WRJN-X5PB"},
		{"skm-wrjn-x5pb", "SKM-WRJN-X5PB"},
		{" skm wrjn-x5pb\t", "SKM-WRJN-X5PB"},
		{"SKM.WRJN.X5PB", "SKM-WRJN-X5PB"},
		{"SKM–WRJN–X5PB", "SKM-WRJN-X5PB"}, // a phone's en dash
		{"WRJNX5PB", "WRJNX5PB"},           // without the prefix, as likely a name
		{"skm-7k3f-9q2m", "SKM-7K3F-9Q2M"},
		{" SKM-O0IL-ABCD ", "SKM-0011-ABCD"},
		{"skm-oOiI-lL12", "SKM-0011-1112"},
		{"not a code", "NOT A CODE"},
		{"SKM-WRJN-X5P", "SKM-WRJN-X5P"},     // one character short
		{"SKM-WRJN-X5PBB", "SKM-WRJN-X5PBB"}, // one too many
		{"SKM-UUUU-UUUU", "SKM-UUUU-UUUU"},   // U is in no code
		{"ABC-WRJN-X5PB", "ABC-WRJN-X5PB"},
		{"", ""},
	}
	for _, c := range cases {
		if got := NormalizeCode(c.in); got != c.want {
			t.Errorf("NormalizeCode(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// codeOf makes a real code from eight bytes, as NewClaimCode does.
func codeOf(b []byte) string {
	var chars [8]byte
	for i := range chars {
		var v byte
		if i < len(b) {
			v = b[i]
		}
		chars[i] = codeAlphabet[int(v)%len(codeAlphabet)]
	}
	return formatCode(chars)
}

var realCode = regexp.MustCompile(`^SKM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$`)

func FuzzNormalizeCode(f *testing.F) {
	for _, s := range []string{"SKM-7K3F-9Q2M", "skm-oooo-llll", "", "SKM-", "ÿ", "SKMWRJNX5PB", "wrjn x5pb", "ſkm-ıııı-ıııı"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeCode(s)
		if NormalizeCode(got) != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, NormalizeCode(got))
		}
		// Either a real code's shape (which holds no O, I or L) or the
		// input as typed, upper-cased: nothing in between.
		if !realCode.MatchString(got) && got != strings.ToUpper(strings.TrimSpace(s)) {
			t.Fatalf("%q read as %q, neither a code nor the input", s, got)
		}
	})
}

// A real code always reads as itself, however it is typed.
func FuzzNormalizeCodeKeepsRealCodes(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7}, uint8(0))
	f.Add([]byte{31, 31, 31, 31, 31, 31, 31, 31}, uint8(3))
	f.Fuzz(func(t *testing.T, b []byte, form uint8) {
		code := codeOf(b)
		typed := []string{code, strings.ToLower(code), strings.ReplaceAll(code, "-", ""),
			strings.ReplaceAll(code, "-", " "), " skm " + strings.ToLower(code[4:8]+" "+code[9:]) + " "}
		in := typed[int(form)%len(typed)]
		if got := NormalizeCode(in); got != code {
			t.Fatalf("NormalizeCode(%q) = %q, want the code %q", in, got, code)
		}
	})
}
