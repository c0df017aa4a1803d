package browsertest_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"santunan/database"
	"santunan/internal/testdb"
)

// The public service standard on a phone (360 px): reached from the landing
// page's link, all six parts readable without sideways scrolling.
func TestServiceStandardOnAPhone(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := newSite(t, db)
		visitor := s.phone(t)
		visitor.open("/")
		visitor.open("/standar-pelayanan")
		visitor.sees("Standar pelayanan santunan kematian", "Persyaratan", "Prosedur", "Waktu penyelesaian",
			"Gratis / tanpa biaya", "Produk layanan", "Pengaduan", "2 hari kerja")
		if w := run(visitor, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); w > 360 {
			t.Errorf("the standard page is %d px wide on a 360 px screen", w)
		}
		visitor.screenshot("60-standar-pelayanan-ponsel")
	})
}
