package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

func TestTrackingPageShowsEachState(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.Env("SANTUNAN_CLAIM_WINDOW_DAYS", "60"))
		heir := h.visitor()
		track := func(c testserver.Claim) *page {
			return heir.post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {c.Heir.NIK}}).want(http.StatusOK)
		}

		rc := h.Bring(1, domain.StatusReturned)
		// Died 20 November 2026; sixty days' window.
		track(rc).has("Perlu tindakan", "Batas waktu: 19 Januari 2027", "Perbaiki secara daring",
			"Klaim Anda sedang di Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal").
			hasHTML(`<strong>Alasan:</strong> Diuji`, `class="action-needed"`, `href="/perbaiki?kode=`+rc.Code+`"`, `badge badge-action badge-returned`).
			hasNot("Tahap berikutnya · Pada hari yang sama") // submitted is passed, not ahead again

		failed := track(h.Bring(2, domain.StatusPaymentFailed))
		failed.has("Perlu tindakan", testserver.FailureReason, "buku tabungan baru", "Dinas Sosial Kabupaten Kendal").
			hasHTML(`class="action-needed"`, `badge badge-action badge-payment_failed`).
			hasNot("mencoba lagi", "Batas waktu")

		paid := track(h.Bring(3, domain.StatusPaid))
		paid.has("Santunan telah ditransfer", "Bank Jateng", "berakhiran 7890", "Tanggal transfer", "28 November 2026").
			hasHTML(`badge badge-good badge-paid`).hasNot("1234567890", "Perlu tindakan", "Tahap berikutnya")

		// Each status once: Diajukan appears in the stages once only.
		verified := track(h.Verified(4))
		if n := strings.Count(verified.body, ">Diajukan<"); n != 1 {
			t.Errorf("Diajukan %d times in the stages, want once", n)
		}
		verified.hasHTML(`badge badge-good badge-death_verified`).hasNot("Perlu tindakan")
	})
}

func TestTrackingPageReadsCodesAndNIKsAsTyped(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		nik := c.Heir.NIK
		body := c.Code[4:8] + c.Code[9:]
		heir := h.visitor()
		for _, f := range []url.Values{
			{"code": {"SKM" + body}, "heir_nik": {nik[:4] + " " + nik[4:8] + " " + nik[8:12] + " " + nik[12:]}},
			{"code": {"skm " + strings.ToLower(body[:4]+" "+body[4:])}, "heir_nik": {nik[:4] + "." + nik[4:8] + "." + nik[8:12] + "." + nik[12:]}},
		} {
			heir.post("/lacak", f).want(http.StatusOK).has("Status klaim", c.Code)
		}
	})
}

func TestTrackingPageLocksACode(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		heir := h.visitor()
		for range 4 {
			heir.post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {"3324150101509999"}}).want(http.StatusNotFound)
		}
		heir.post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {"3324150101509999"}}).want(http.StatusTooManyRequests).
			has("dikunci sementara", "sampai 28 November 2026 pukul 11.00 WIB", "Dinas Sosial Kabupaten Kendal, telepon (0294) 000000")
		heir.post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {c.Heir.NIK}}).want(http.StatusTooManyRequests).
			has("dikunci sementara").hasNot("Status klaim")
	})
}
