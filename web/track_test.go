package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

func TestLandingPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.Env("SANTUNAN_BENEFIT_AMOUNT", "1500000", "SANTUNAN_CLAIM_WINDOW_DAYS", "60"))
		h.visitor().get("/").want(http.StatusOK).has("Santunan Kematian Kabupaten Kendal", "Rp1.500.000",
			"paling lambat 60 hari", "Akta kematian", "KTP ahli waris", "Kartu Keluarga (KK)",
			"Surat keterangan ahli waris", "Buku tabungan", "Paling lambat 2 hari kerja", "Lacak klaim Anda")
	})
}

func TestHeirTracksAClaim(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.Verified(1)
		heir := h.visitor()
		heir.get("/lacak").want(http.StatusOK).has("Lacak klaim", "Kode klaim", "NIK ahli waris")
		p := heir.post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {"3324155505800001"}}).want(http.StatusOK)
		p.has("Status klaim", c.Code, "A*** F***", "Kematian terverifikasi", "Rp1.000.000", "Diajukan",
			"28 November 2026 pukul 10.00 WIB", "Dinas Sosial akan memeriksa", "Disetujui", "Dibayar", "Tahap berikutnya")
		// Nothing personal beyond the masked name: no NIKs, names, account.
		p.hasNot("3324155505800001", "3324150101500001", "Ahmad Fauzi", "Siti Aminah", "1234567890", "SITI AMINAH")
		// Codes are accepted in lower case and with spaces around.
		heir.post("/lacak", url.Values{"code": {" " + lower(c.Code) + " "}, "heir_nik": {"3324155505800001"}}).want(http.StatusOK)
	})
}

func TestTrackingAfterReturnSaysWhatToFix(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		h.Act(c, domain.RoleDukcapilClerk, "return", map[string]any{"reason": "Foto akta kematian tidak terbaca."})
		h.visitor().post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {"3324155505800001"}}).want(http.StatusOK).
			has("Dikembalikan untuk perbaikan", "Perlu tindakan", "Foto akta kematian tidak terbaca.")
	})
}

func TestTrackingRefusals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.Env("SANTUNAN_TRACK_RATE_PER_MINUTE", "4"))
		c := h.File(1)
		heir := h.visitor()
		// A wrong NIK and an unknown code get the same answer.
		for _, f := range []url.Values{
			{"code": {c.Code}, "heir_nik": {"3324155505800002"}},
			{"code": {"SKM-0000-0000"}, "heir_nik": {"3324155505800001"}},
		} {
			heir.post("/lacak", f).want(http.StatusNotFound).has("Klaim tidak ditemukan.").hasHTML(`value="` + f.Get("code") + `"`)
		}
		heir.post("/lacak", url.Values{"code": {""}, "heir_nik": {""}}).want(http.StatusUnprocessableEntity).
			has("Kode klaim: Wajib diisi.", "NIK ahli waris: Wajib diisi.")
		// The API shares the page's limit: the fourth request this minute
		// goes through, the fifth (a page) and sixth (the API) do not.
		h.ExpectError(h.Send(http.MethodPost, "/api/v1/public/track", "", map[string]string{"code": c.Code, "heir_nik": "x"}),
			http.StatusNotFound, "not_found")
		p := heir.post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {"3324155505800001"}}).want(http.StatusTooManyRequests)
		p.has("Terlalu banyak permintaan")
		if p.header.Get("Retry-After") == "" {
			t.Fatal("no Retry-After on the rate-limited page")
		}
		h.ExpectError(h.Send(http.MethodPost, "/api/v1/public/track", "", map[string]string{"code": c.Code, "heir_nik": "x"}),
			http.StatusTooManyRequests, "rate_limited")
	})
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
