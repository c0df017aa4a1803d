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
	cases := map[string]string{
		"skm-7k3f-9q2m":   "SKM-7K3F-9Q2M",
		" SKM-O0IL-ABCD ": "SKM-0011-ABCD",
		"not a code":      "NOT A CODE",
	}
	for in, want := range cases {
		if got := NormalizeCode(in); got != want {
			t.Errorf("NormalizeCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzNormalizeCode(f *testing.F) {
	for _, s := range []string{"SKM-7K3F-9Q2M", "skm-oooo-llll", "", "SKM-", "ÿ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeCode(s)
		if NormalizeCode(got) != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, NormalizeCode(got))
		}
		if strings.HasPrefix(got, "SKM-") && strings.ContainsAny(got[4:], "OIL") {
			t.Fatalf("%q kept a letter that reads as a digit: %q", s, got)
		}
	})
}
