package browsertest_test

import (
	"net/http"
	"regexp"

	"github.com/chromedp/chromedp"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

var surveyLink = regexp.MustCompile(`/survei/[A-Za-z0-9_-]{22}`)

// The heir of a paid claim answers the satisfaction survey from the paid
// message's link on a 360 px phone: nine questions, four levels each, a
// missing one sent back with the rest kept; the officer then sees the
// month's index.
func TestSurveyOnAPhone(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := newSite(t, db, testserver.Consenting())
		s.With(t).Paid(1)
		var link string
		for _, m := range s.With(t).Gateway.WaitFor(t, 4) {
			if l := surveyLink.FindString(m.Text); l != "" {
				link = l
			}
		}
		if link == "" {
			t.Fatal("the paid message has no survey link")
		}
		heir := s.phone(t)
		heir.open(link)
		heir.sees("Survei Kepuasan Masyarakat", "1. Persyaratan", "Sangat sesuai", "Gratis", "9. Sarana dan prasarana")
		for _, pick := range []string{"requirements][value='4'", "procedure][value='3'", "service_time][value='4'",
			"cost][value='4'", "product][value='3'", "competence][value='4'", "behaviour][value='4'", "complaint_handling][value='2'"} {
			heir.check("input[name=" + pick + "]")
		}
		heir.fill("f-comment", "Petugas ramah, antre agak lama.")
		if st := heir.click(`form[action="` + link + `"] button[type=submit]`); st != http.StatusUnprocessableEntity {
			t.Fatalf("without the ninth: status %d", st)
		}
		heir.sees("9. Sarana dan prasarana: Wajib diisi")
		if !heir.has(`input[name=complaint_handling][value='2']:checked`) ||
			heir.values([]string{"f-comment"})["f-comment"] != "Petugas ramah, antre agak lama." {
			t.Fatal("the form did not keep what was chosen")
		}
		heir.check(`input[name=facilities][value='3']`)
		heir.screenshot("50-survei-ponsel")
		if st := heir.click(`form[action="` + link + `"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("answer: status %d", st)
		}
		heir.sees("Terima kasih", "Jawaban Anda sudah kami terima")
		if w := run(heir, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); w > 360 {
			t.Errorf("the survey is %d px wide on a 360 px screen", w)
		}
		if st := heir.open(link); st != http.StatusConflict {
			t.Fatalf("the link again: status %d", st)
		}
		heir.sees("Survei sudah diisi")

		officer := s.desk(t)
		officer.login(string(domain.RoleDinsosOfficer), testserver.Password)
		officer.open("/staf/survei?tahun=2026")
		// 31 of 36 points: 86,11, band B.
		officer.sees("November 2026", "86,11", "B (Baik)", "Petugas ramah, antre agak lama.")
		officer.screenshot("51-survei-ikm")
	})
}
