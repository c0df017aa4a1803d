package browsertest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

// The heir of a returned claim, on a 360 px phone, follows the receipt's
// link (the code filled in), types the NIK as printed on the KTP, and sees
// the amber "Perlu tindakan" box whole: the reason, the deadline and the
// way to fix it online, nothing wider than the screen.
func TestReturnedClaimsActionBoxOnAPhone(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := newSite(t, db)
		c := s.Bring(1, domain.StatusReturned)
		nik := c.Heir.NIK
		heir := s.phone(t)
		heir.open("/lacak?kode=" + strings.ToLower(c.Code))
		if st := heir.submit(chromedp.SendKeys(chromedp.ID("f-heir-nik"), nik[:4]+" "+nik[4:8]+" "+nik[8:12]+" "+nik[12:]+"\r")); st != http.StatusOK {
			t.Fatalf("track: status %d", st)
		}
		heir.sees("Perlu tindakan", "Diuji", "Batas waktu: 18 Februari 2027", "Perbaiki secara daring")
		if got := heir.text(".badge"); got != "Dikembalikan untuk perbaikan" {
			t.Fatalf("badge %q", got)
		}
		box := run(heir, chromedp.Evaluate[map[string]any](`(() => {
			const b = document.querySelector('.action-needed'), r = b.getBoundingClientRect();
			const a = b.querySelector('a.btn'), ar = a.getBoundingClientRect();
			return {bg: getComputedStyle(b).backgroundColor, badge: getComputedStyle(document.querySelector('.badge')).backgroundColor,
				left: r.left, right: r.right, href: a.getAttribute('href'), linkRight: ar.right, linkHeight: ar.height};
		})()`))
		const amber = "rgb(255, 244, 214)" // --warn-wash
		if box["bg"] != amber || box["badge"] != amber {
			t.Errorf("box %v and badge %v, want both amber %s", box["bg"], box["badge"], amber)
		}
		if box["left"].(float64) < 0 || box["right"].(float64) > 360 || box["linkRight"].(float64) > 360 {
			t.Errorf("the box spans %v..%v px, its link ends at %v, on a 360 px screen", box["left"], box["right"], box["linkRight"])
		}
		// A finger-sized link to the correction of this claim.
		if box["href"] != "/perbaiki?kode="+c.Code || box["linkHeight"].(float64) < 40 {
			t.Errorf("fix link %v, %v px high", box["href"], box["linkHeight"])
		}
		if w := run(heir, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); w > 360 {
			t.Errorf("the tracking page is %d px wide on a 360 px screen", w)
		}
		heir.screenshot("09-lacak-perlu-tindakan-ponsel")
	})
}
