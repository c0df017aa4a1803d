package domain

import (
	"strings"
	"testing"
)

func TestNormalizeCertificateNo(t *testing.T) {
	tests := []struct {
		in, want, code string
	}{
		{"3324-KM-20112026-0001", "3324-KM-20112026-0001", ""},
		{" 3324-km-20112026-0001 ", "3324-KM-20112026-0001", ""},
		{"474.3/123/2026", "474.3/123/2026", ""},
		{"A", "A", ""},
		{strings.Repeat("9", 64), strings.Repeat("9", 64), ""},
		{"", "", ViolationRequired},
		{"  ", "", ViolationRequired},
		{strings.Repeat("9", 65), "", ViolationTooLong},
		{"3324 KM 0001", "", ViolationCertificateNoInvalid},
		{"3324_KM", "", ViolationCertificateNoInvalid},
		{"No: 123", "", ViolationCertificateNoInvalid},
		{"ıd-1", "", ViolationCertificateNoInvalid}, // dotless i must not become I
		{"ÄK-1", "", ViolationCertificateNoInvalid},
		{"KM\n1", "", ViolationCertificateNoInvalid},
	}
	for _, tt := range tests {
		got, code := NormalizeCertificateNo(tt.in)
		if got != tt.want || code != tt.code {
			t.Errorf("NormalizeCertificateNo(%q) = %q, %q; want %q, %q", tt.in, got, code, tt.want, tt.code)
		}
	}
}

func FuzzNormalizeCertificateNo(f *testing.F) {
	for _, s := range []string{"3324-KM-20112026-0001", " 474.3/123/2026 ", "ıd", "", "a b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, code := NormalizeCertificateNo(s)
		if code != "" {
			if got != "" || !isKnownViolation(code) {
				t.Fatalf("NormalizeCertificateNo(%q) = %q, %q", s, got, code)
			}
			return
		}
		if len(got) < 1 || len(got) > MaxCertificateNoLength {
			t.Fatalf("NormalizeCertificateNo(%q) = %q: bad length", s, got)
		}
		for i := 0; i < len(got); i++ {
			if !strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./-", rune(got[i])) {
				t.Fatalf("NormalizeCertificateNo(%q) = %q: bad character %q", s, got, got[i])
			}
		}
		if !strings.EqualFold(got, strings.TrimSpace(s)) {
			t.Fatalf("NormalizeCertificateNo(%q) = %q changed more than case", s, got)
		}
		if again, code := NormalizeCertificateNo(got); again != got || code != "" {
			t.Fatalf("not idempotent: %q -> %q -> %q, %q", s, got, again, code)
		}
	})
}
