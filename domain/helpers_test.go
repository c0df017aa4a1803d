package domain

import (
	"strings"
	"testing"
)

// fakeAreas knows a handful of real codes, enough for every rule. domain
// cannot import the areas package (areas imports domain).
type fakeAreas struct {
	kecamatans map[string]bool
	villages   map[string]bool
}

var testAreas = fakeAreas{
	kecamatans: map[string]bool{
		"332401": true, // Plantungan, Kendal
		"332408": true, // Kaliwungu, Kendal
		"332415": true, // Kendal, Kendal
		"331901": true, // Kaliwungu, Kudus
		"337401": true, // Semarang Tengah, Kota Semarang
	},
	villages: map[string]bool{
		"3324012001": true, // Blumah, Plantungan
		"3324151001": true, // Candiroto, Kendal
		"3319012001": true, // a village of Kudus, outside the regency
	},
}

func (f fakeAreas) KecamatanExists(code string) bool { return f.kecamatans[code] }

func (f fakeAreas) VillageInRegency(village, regency string) bool {
	return f.villages[village] && strings.HasPrefix(village, regency) && len(regency) == 4
}

// mustDate parses a YYYY-MM-DD literal of a test table.
func mustDate(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatalf("bad test date %q: %v", s, err)
	}
	return d
}

// testToday is the fixed "today" of the tests: 28 November 2026.
var testToday = Date{2026, 11, 28}

func isKnownViolation(code string) bool {
	for _, v := range AllViolations {
		if v == code {
			return true
		}
	}
	return false
}
