package i18n

import (
	"math"
	"testing"
	"time"

	"santunan/domain"
)

func TestFormatRupiah(t *testing.T) {
	tests := []struct {
		in   domain.Rupiah
		want string
	}{
		{0, "Rp0"},
		{1, "Rp1"},
		{999, "Rp999"},
		{1000, "Rp1.000"},
		{12345, "Rp12.345"},
		{100000, "Rp100.000"},
		{domain.DefaultBenefit, "Rp1.000.000"},
		{1234567890, "Rp1.234.567.890"},
		{-1000, "-Rp1.000"},
		{-999, "-Rp999"},
		{math.MaxInt64, "Rp9.223.372.036.854.775.807"},
		{math.MinInt64, "-Rp9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := FormatRupiah(tt.in); got != tt.want {
			t.Errorf("FormatRupiah(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatDate(t *testing.T) {
	jakarta := time.FixedZone("WIB", 7*3600)
	tests := []struct {
		lang Lang
		in   time.Time
		want string
	}{
		{Indonesian, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), "28 November 2026"},
		{Indonesian, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), "5 Januari 2026"},
		{Indonesian, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), "1 Mei 2026"},
		{Indonesian, time.Date(2026, 8, 17, 0, 0, 0, 0, time.UTC), "17 Agustus 2026"},
		{English, time.Date(2026, 8, 17, 0, 0, 0, 0, time.UTC), "17 August 2026"},
		// The date is the one in the time's own zone: 20:00 UTC is
		// already the next day in Kendal.
		{Indonesian, time.Date(2026, 12, 31, 20, 0, 0, 0, time.UTC).In(jakarta), "1 Januari 2027"},
		{Indonesian, domain.Date{Year: 2024, Month: 2, Day: 29}.Time(), "29 Februari 2024"},
	}
	for _, tt := range tests {
		if got := FormatDate(tt.lang, tt.in); got != tt.want {
			t.Errorf("FormatDate(%q, %v) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestMaskName(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Ahmad Fauzi", "A*** F***"},
		{"Siti", "S***"},
		{"  Siti   Nur  Aisyah ", "S*** N*** A***"},
		{"R.A. Kartini", "R*** K***"},
		{"Ölçer Ñandu", "Ö*** Ñ***"},
		{"محمد علي", "م*** ع***"},
		{"", ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := MaskName(tt.in); got != tt.want {
			t.Errorf("MaskName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
