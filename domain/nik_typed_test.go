package domain

import (
	"strings"
	"testing"
)

func TestNIKAsTyped(t *testing.T) {
	cases := []struct{ in, want string }{
		{"3324126507750002", "3324126507750002"},
		{"3324 1265 0775 0002", "3324126507750002"},
		{"3324.1265.0775.0002", "3324126507750002"},
		{" 3324-1265-0775-0002 ", "3324126507750002"},
		{"3324\u00a01265\t0775 0002", "3324126507750002"}, // a no-break space from a copied page
		{"33241265O7750002", "33241265O7750002"},          // a letter stays, to be refused
		{"", ""},
	}
	for _, c := range cases {
		if got := NIKAsTyped(c.in); got != c.want {
			t.Errorf("NIKAsTyped(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzNIKAsTyped(f *testing.F) {
	for _, s := range []string{"3324126507750002", "3324 1265 0775 0002", "3324.1265.0775.0002", "", "\xff", "3 3 2 4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := NIKAsTyped(s)
		if NIKAsTyped(got) != got {
			t.Fatalf("not stable: %q -> %q -> %q", s, got, NIKAsTyped(got))
		}
		if strings.ContainsFunc(got, isNIKSeparator) {
			t.Fatalf("%q kept a separator: %q", s, got)
		}
		// Digits are never dropped, added or reordered.
		if digits(s) != digits(got) {
			t.Fatalf("%q changed its digits: %q", s, got)
		}
		// A NIK as stored reads as itself.
		if len(s) == NIKLength && isDigits(s) && got != s {
			t.Fatalf("NIK %q read as %q", s, got)
		}
	})
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
