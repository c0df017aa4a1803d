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

func TestBudgetPageSetsAndRefusesCeilings(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		// A newly deployed office: the page sets the first budget.
		h := start(t, db, testserver.NoBudget())
		officer := h.staff(domain.RoleDinsosOfficer)
		p := officer.get("/staf/anggaran").want(http.StatusOK).postFormsCarryCSRF()
		p.has("Anggaran santunan", "Belum ada pagu yang ditetapkan.", "Tetapkan pagu").
			hasHTML(`<a href="/staf/anggaran" aria-current="page">Anggaran</a>`, `name="year" type="text" value="2026"`)

		// Typed amounts the Indonesian way are read; a bad one stays typed.
		officer.post("/staf/anggaran", url.Values{"year": {"2026"}, "ceiling": {"Rp 1.500.000"}}).
			wantRedirect("/staf/anggaran?berhasil=2026")
		p = officer.get("/staf/anggaran?berhasil=2026").want(http.StatusOK)
		p.has("Pagu tahun 2026 berhasil disimpan.", "Rp1.500.000", "tahun berjalan")
		cases := []struct {
			year, ceiling, field, msg string
		}{
			{"2026", "satu juta", "ceiling", "Nilai harus berupa bilangan bulat rupiah, paling sedikit 0."},
			{"2026", "1.000.00", "ceiling", "Nilai harus berupa bilangan bulat rupiah, paling sedikit 0."},
			{"1999", "1000", "year", "Nilai tidak valid."},
			{"", "1000", "year", "Wajib diisi."},
		}
		for _, tc := range cases {
			p := officer.post("/staf/anggaran", url.Values{"year": {tc.year}, "ceiling": {tc.ceiling}}).want(http.StatusUnprocessableEntity)
			p.has(tc.msg).hasHTML(`id="e-budget-`+tc.field+`"`, `value="`+tc.ceiling+`"`)
		}

		// One claim approved commits Rp1.000.000: the ceiling may not go below it.
		h.Approved(1)
		p = officer.post("/staf/anggaran", url.Values{"year": {"2026"}, "ceiling": {"900000"}}).want(http.StatusUnprocessableEntity)
		p.has("Pagu tidak boleh lebih kecil dari jumlah yang sudah terikat pada tahun 2026, yaitu Rp1.000.000.").
			hasHTML(`aria-invalid="true"`, `href="#f-budget-ceiling"`)
		// The remaining Rp500.000 fits no claim: the next approval says so, with the numbers.
		v := h.Verified(2)
		h.AttachAll(v, testserver.ApproveDocuments)
		v = h.Claim(v.ID)
		officer.get(claimPath(v.ID))
		p = officer.post(actionPagePath(v.ID, "approve"), actionForm(v.Version)).want(http.StatusUnprocessableEntity)
		p.has("Pagu anggaran tahun 2026 sudah terpakai: pagu Rp1.500.000, sudah terikat Rp1.000.000, sisa Rp500.000, " +
			"sedangkan klaim ini membutuhkan Rp1.000.000. Naikkan pagu tahun 2026 di halaman Anggaran")
		officer.get("/staf/anggaran").has("habis")

		// The treasurer and the auditor read; the admin sets; the clerk sees nothing.
		for _, role := range []domain.Role{domain.RoleTreasurer, domain.RoleAuditor} {
			r := h.staff(role)
			r.get("/staf/anggaran").want(http.StatusOK).has("Rp1.500.000", "Rp1.000.000", "Rp500.000").hasNot("Simpan pagu")
			r.post("/staf/anggaran", url.Values{"year": {"2026"}, "ceiling": {"1"}}).want(http.StatusForbidden)
		}
		admin := h.staff(domain.RoleAdmin)
		admin.get("/staf/anggaran").want(http.StatusOK).hasHTML(`<a href="/staf/anggaran" aria-current="page">Anggaran</a>`)
		admin.post("/staf/anggaran", url.Values{"year": {"2027"}, "ceiling": {"10000000"}}).wantRedirect("/staf/anggaran?berhasil=2027")
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get("/staf/anggaran").want(http.StatusForbidden)
		clerk.get("/staf").hasNot("/staf/anggaran")
	})
}

// Approving before any budget exists says what to do.
func TestApproveWithoutBudgetSaysSetTheBudget(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.NoBudget())
		v := h.Verified(1)
		h.AttachAll(v, testserver.ApproveDocuments)
		v = h.Claim(v.ID)
		officer := h.staff(domain.RoleDinsosOfficer)
		officer.get(claimPath(v.ID))
		officer.post(actionPagePath(v.ID, "approve"), actionForm(v.Version)).want(http.StatusUnprocessableEntity).
			has("Klaim tidak dapat disetujui karena pagu anggaran tahun 2026 belum ditetapkan.",
				"menetapkan pagu tahun 2026 di halaman Anggaran", "Kematian terverifikasi")
	})
}
