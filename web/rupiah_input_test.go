package web

import (
	"strconv"
	"strings"
	"testing"

	"santunan/domain"
)

func TestParseRupiahInput(t *testing.T) {
	tests := []struct {
		in   string
		want domain.Rupiah
		ok   bool
	}{
		{"500000000", 500_000_000, true},
		{"500.000.000", 500_000_000, true},
		{"Rp500.000.000", 500_000_000, true},
		{"rp 1.000.000", 1_000_000, true},
		{"Rp. 1.000.000,00", 1_000_000, true},
		{" 0 ", 0, true},
		{"1.000", 1000, true},
		{"1000,0", 1000, true},
		{"", 0, false},
		{"Rp", 0, false},
		{"1.000.00", 0, false},
		{"1,000,000", 0, false},
		{"1.000,50", 0, false},
		{"1000,", 0, false},
		{"-1000", 0, false},
		{"1e6", 0, false},
		{"١٠٠٠", 0, false},
		{"9999999999999999999", 0, false},
		{"1 000 000", 0, false},
	}
	for _, tc := range tests {
		got, ok := parseRupiahInput(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRupiahInput(%q) = %d, %t; want %d, %t", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// Whatever is typed, the parser never panics, never returns a negative
// amount, and reads back what FormatRupiah writes.
func FuzzParseRupiahInput(f *testing.F) {
	for _, s := range []string{"500.000.000", "Rp 1.000.000,00", "", "1,000", "-5", "Rp.", "9223372036854775807"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseRupiahInput(s)
		if !ok {
			return
		}
		if got < 0 {
			t.Fatalf("%q gave %d", s, got)
		}
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, strings.SplitN(s, ",", 2)[0])
		if n, err := strconv.ParseInt(digits, 10, 64); err != nil || domain.Rupiah(n) != got {
			t.Fatalf("%q gave %d, its digits say %s", s, got, digits)
		}
	})
}
