package domain

import (
	"strings"
	"testing"
)

func TestValidateKK(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"3324151203150003", ""},
		{" 3324151203150003 ", ""},
		{"3374011203150003", ""}, // family registered in Semarang: fine
		{"3324159999990000", ""}, // the date and serial parts are not checked
		{"", ViolationRequired},
		{"  ", ViolationRequired},
		{"332415120315000", ViolationKKLength},
		{"33241512031500031", ViolationKKLength},
		{"3324-1512-0315-0003", ViolationKKNotDigits},
		{"33241512031500O3", ViolationKKNotDigits},
		{"9999991203150003", ViolationKKKecamatanUnknown},
	}
	for _, tt := range tests {
		if got := ValidateKK(tt.in, testAreas); got != tt.want {
			t.Errorf("ValidateKK(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzValidateKK(f *testing.F) {
	for _, s := range []string{"3324151203150003", " 3324151203150003", "9999991203150003", "", "3324-1512"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code := ValidateKK(s, testAreas)
		if code != "" {
			if !isKnownViolation(code) {
				t.Fatalf("unknown violation %q", code)
			}
			return
		}
		kk := strings.TrimSpace(s)
		if len(kk) != NIKLength || !isDigits(kk) || !testAreas.KecamatanExists(kk[:6]) {
			t.Fatalf("accepted %q", s)
		}
	})
}
