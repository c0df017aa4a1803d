package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

var surveyLinkRE = regexp.MustCompile(`/survei/([A-Za-z0-9_-]{22})`)

func surveyForm(v ...string) url.Values {
	names := []string{"requirements", "procedure", "service_time", "cost", "product", "competence", "behaviour",
		"complaint_handling", "facilities"}
	f := url.Values{}
	for i, s := range v {
		f.Set(names[i], s)
	}
	return f
}

// The heir of a paid claim takes the survey from the tracking page (the
// token in the form, never the address), the form keeps what was chosen
// when something is missing, and the claim's survey answers once.
func TestHeirAnswersTheSurveyFromTracking(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.Paid(1)
		heir := h.visitor()
		// Not offered before payment.
		other := h.Verified(2)
		heir.post("/lacak", url.Values{"code": {other.Code}, "heir_nik": {"3324155505800002"}}).want(http.StatusOK).
			hasNot("Isi survei kepuasan")
		p := heir.post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {"3324155505800001"}}).want(http.StatusOK).
			has("Survei kepuasan", "Isi survei kepuasan")
		token := regexpFind(t, p.body, `name="token" value="([^"]+)"`)
		if strings.Contains(p.body, "/survei/"+token) {
			t.Fatal("the tracking page puts the token in an address")
		}
		form := heir.post("/survei", url.Values{"token": {token}, "step": {"buka"}}).want(http.StatusOK)
		form.has("Survei Kepuasan Masyarakat", "1. Persyaratan", "Sangat sesuai", "Gratis", "Dikelola dengan baik",
			"Sangat sopan dan ramah", "9. Sarana dan prasarana")
		// Two missing, one out of range: 422, the rest kept.
		f := surveyForm("4", "3", "", "9", "3", "4", "4")
		f.Set("token", token)
		f.Set("comment", "Antre agak lama")
		bad := heir.post("/survei", f).want(http.StatusUnprocessableEntity)
		bad.has("3. Waktu pelayanan: Wajib diisi", "9. Sarana dan prasarana: Wajib diisi", "Antre agak lama").
			hasHTML(`name="requirements" value="4" checked`, `name="procedure" value="3" checked`,
				`name="token" value="`+token+`"`)
		if strings.Contains(bad.body, `name="cost" value="9"`) {
			t.Fatal("an out-of-range score was offered back")
		}
		f = surveyForm("4", "3", "4", "4", "3", "4", "4", "2", "3")
		f.Set("token", token)
		heir.post("/survei", f).want(http.StatusOK).has("Terima kasih", "Jawaban Anda sudah kami terima")
		heir.post("/survei", f).want(http.StatusConflict).has("Survei sudah diisi", "sudah diisi")
		// The tracking page offers it no more.
		heir.post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {"3324155505800001"}}).want(http.StatusOK).
			hasNot("Isi survei kepuasan")
		// An unknown link: a clear page, 404.
		heir.get("/survei/AAAAAAAAAAAAAAAAAAAAAA").want(http.StatusNotFound).has("Survei tidak dapat dibuka", "tidak dikenal")
		heir.post("/survei", url.Values{"token": {"x"}, "step": {"buka"}}).want(http.StatusNotFound)

		// The officer's page: the month's index and the element means.
		officer := h.staff(domain.RoleDinsosOfficer)
		officer.get("/staf/survei?tahun=2026").want(http.StatusOK).
			has("Indeks Kepuasan Masyarakat (IKM) 2026", "November 2026", "86,11", "B (Baik)", "Unduh XLSX",
				"8. Penanganan pengaduan, saran dan masukan")
		officer.get("/staf/survei?tahun=dua").want(http.StatusUnprocessableEntity).has("Tahun")
		officer.get("/staf/survei/komentar?tahun=2026&kursor=xx").want(http.StatusUnprocessableEntity)
		resp := officer.get("/staf/survei/ikm.xlsx?tahun=2026").want(http.StatusOK)
		if resp.header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Fatalf("xlsx content type %q", resp.header.Get("Content-Type"))
		}
	})
}

// The message's link opens the form at /survei/<token>; its answer is
// the same one answer per claim.
func TestSurveyByTheMessagesLink(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.Consenting())
		h.Paid(1)
		var link string
		for _, m := range h.Gateway.WaitFor(t, 4) {
			if m := surveyLinkRE.FindString(m.Text); m != "" {
				link = m
			}
		}
		if link == "" {
			t.Fatal("no survey link in the messages")
		}
		heir := h.visitor()
		heir.get(link).want(http.StatusOK).has("Survei Kepuasan Masyarakat").hasHTML(`action="` + link + `"`)
		f := surveyForm("4", "4", "4", "4", "4", "4", "4", "4", "4")
		f.Set("comment", "Terima kasih\u202e")
		heir.post(link, f).want(http.StatusUnprocessableEntity).has("Saran atau masukan")
		f.Set("comment", "Terima kasih, cepat sekali")
		heir.post(link, f).want(http.StatusOK).has("Terima kasih")
		heir.get(link).want(http.StatusConflict).has("Survei sudah diisi")
		h.staff(domain.RoleAuditor).get("/staf/survei/komentar?tahun=2026").want(http.StatusOK).
			has("Terima kasih, cepat sekali", "2026-11")
	})
}
