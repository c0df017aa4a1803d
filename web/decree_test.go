package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

func decreeForm(number, date string, ids ...int64) url.Values {
	f := url.Values{"number": {number}, "date": {date}}
	for _, id := range ids {
		f.Add("claim_ids", itoa(id))
	}
	return f
}

func TestDecreeCreatedFromThePage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		// A newly deployed office: the budget is set during the test.
		h := start(t, db, testserver.NoBudget())
		officer := h.staff(domain.RoleDinsosOfficer)
		claims := []testserver.Claim{h.Verified(1), h.Verified(2), h.Verified(3)}
		for _, c := range claims {
			h.AttachAll(c, testserver.ApproveDocuments)
		}

		p := officer.get("/staf/sk/baru").want(http.StatusOK).postFormsCarryCSRF()
		p.has("Buat SK penetapan", "Pagu anggaran tahun 2026 belum ditetapkan", "Buka halaman Anggaran", "Klaim (3)",
			claims[0].Code, "Candiroto", "Siti Aminah").
			hasHTML(`name="claim_ids" value="`+itoa(claims[2].ID)+`">`, `value="2026-11-28"`, `href="/staf/sk/baru?pilih=semua"`)
		all := officer.get("/staf/sk/baru?pilih=semua").want(http.StatusOK)
		for _, c := range claims {
			all.hasHTML(`name="claim_ids" value="` + itoa(c.ID) + `" checked>`)
		}
		all.has("Hapus semua centang")

		// Nothing ticked, a bad number: both beside their place, typed values kept.
		p = officer.post("/staf/sk/baru", decreeForm("SK #1", "2026-11-28")).want(http.StatusUnprocessableEntity)
		p.has("Centang paling sedikit satu klaim.", "Nomor SK hanya boleh berisi").
			hasHTML(`id="e-pilih-klaim"`, `href="#pilih-klaim"`, `value="SK #1"`)
		// A decree the budget cannot carry: each claim that does not fit is named, nothing approved.
		h.Expect(h.Do(http.MethodPost, "/api/v1/budgets/2026", domain.RoleDinsosOfficer, map[string]any{"ceiling": 2_000_000}), http.StatusCreated, nil)
		ids := []int64{claims[0].ID, claims[1].ID, claims[2].ID}
		p = officer.post("/staf/sk/baru", decreeForm("400.9/1/2026", "2026-11-28", ids...)).want(http.StatusUnprocessableEntity)
		p.has("Surat keputusan ditolak dan tidak ada yang diubah.", "Klaim yang tidak dapat diproses", claims[2].Code,
			"Pagu anggaran tahun ini tidak mencukupi untuk nilai klaim ini.", "sisa Rp2.000.000 (cukup untuk 2 klaim lagi)").
			hasHTML(`name="claim_ids" value="`+itoa(claims[0].ID)+`" checked>`, `href="/staf/klaim/`+itoa(claims[2].ID)+`"`)
		if got := h.Claim(claims[0].ID).Status; got != "death_verified" {
			t.Fatalf("claim approved by a refused decree: %s", got)
		}

		p = officer.post("/staf/sk/baru", decreeForm("400.9/1/2026", "2026-11-28", ids[:2]...)).wantRedirect("/staf/sk/")
		decreePath := strings.SplitN(p.header.Get("Location"), "?", 2)[0]
		p = officer.follow(p).want(http.StatusOK)
		p.has("SK 400.9/1/2026 berhasil ditetapkan: 2 klaim disetujui dengan nilai Rp2.000.000.", "28 November 2026",
			"Jumlah 2 penerima", claims[0].Code, claims[1].Code, "Ahmad Fauzi", "Suami/istri").
			hasHTML(`href="`+decreePath+`/penerima.xlsx" download`, `href="`+decreePath+`/penerima.pdf" download`)
		if got := h.Claim(claims[1].ID).Status; got != "approved" {
			t.Fatalf("claim in the decree is %s", got)
		}
		officer.post("/staf/sk/baru", decreeForm("400.9/1/2026", "2026-11-28", ids[2])).want(http.StatusConflict).
			has("Sudah ada surat keputusan dengan nomor ini.").hasHTML(`id="e-decree-number"`)

		// The claim page names its decree; the list shows it; downloads work for readers.
		officer.get(claimPath(claims[0].ID)).has("Disetujui dengan SK 400.9/1/2026 tanggal 28 November 2026").
			hasHTML(`href="` + decreePath + `"`)
		for _, role := range []domain.Role{domain.RoleTreasurer, domain.RoleAuditor} {
			r := h.staff(role)
			r.get("/staf/sk").want(http.StatusOK).has("400.9/1/2026", "Rp2.000.000").hasNot("Buat SK penetapan")
			xlsx := r.get(decreePath + "/penerima.xlsx").want(http.StatusOK)
			if xlsx.header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ||
				xlsx.header.Get("Content-Disposition") != `attachment; filename="sk-400.9-1-2026-penerima.xlsx"` || !strings.HasPrefix(xlsx.body, "PK") {
				t.Fatalf("decree XLSX for %s: %v", role, xlsx.header)
			}
			pdf := r.get(decreePath + "/penerima.pdf").want(http.StatusOK)
			if pdf.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf.body, "%PDF-") {
				t.Fatalf("decree PDF for %s: %v", role, pdf.header)
			}
			r.get("/staf/sk/baru").want(http.StatusForbidden)
		}
		officer.get("/staf/sk/987654").want(http.StatusNotFound)
		officer.get("/staf/sk/bukan").want(http.StatusNotFound)
		h.staff(domain.RoleDukcapilClerk).get("/staf/sk").want(http.StatusForbidden)
	})
}

// The decree list pages newest first.
func TestDecreeListPages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		for n := 1; n <= 27; n++ {
			c := h.Verified(n)
			h.AttachAll(c, testserver.ApproveDocuments)
			h.Expect(h.Do(http.MethodPost, "/api/v1/decrees", domain.RoleDinsosOfficer, map[string]any{
				"number": "400.9/" + itoa(int64(n)) + "/2026", "date": "2026-11-28", "claim_ids": []int64{c.ID}}), http.StatusCreated, nil)
		}
		officer := h.staff(domain.RoleDinsosOfficer)
		listed := func(p *page, n int) bool { return strings.Contains(p.body, ">400.9/"+itoa(int64(n))+"/2026</a>") }
		first := officer.get("/staf/sk").want(http.StatusOK).has("Halaman berikutnya »")
		if !listed(first, 27) || !listed(first, 3) || listed(first, 2) {
			t.Fatal("the first page does not hold the 25 newest decrees")
		}
		if strings.Index(first.body, ">400.9/27/2026<") > strings.Index(first.body, ">400.9/26/2026<") {
			t.Fatal("decrees are not newest first")
		}
		next := regexpFind(t, first.body, `href="(/staf/sk\?kursor=[^"]*)"`)
		second := officer.get(next).want(http.StatusOK).has("« Kembali ke awal")
		if !listed(second, 1) || !listed(second, 2) || listed(second, 3) {
			t.Fatal("the second page does not hold the two oldest decrees")
		}
		officer.get("/staf/sk?kursor=bukan").want(http.StatusUnprocessableEntity)
	})
}

// A decree dated before the programme began (Perbup Kendal 20/2021) is
// refused with its message in Indonesian beside the form's field, the
// date kept; nothing is approved.
func TestDecreeFormRefusesADateBeforeTheProgramme(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.Verified(1)
		h.AttachAll(c, testserver.ApproveDocuments)
		officer := h.staff(domain.RoleDinsosOfficer)
		officer.get("/staf/sk/baru").want(http.StatusOK).postFormsCarryCSRF()
		officer.post("/staf/sk/baru", decreeForm("400.9/1/2026", "2020-12-31", c.ID)).want(http.StatusUnprocessableEntity).
			has(i18n.Violation(i18n.Indonesian, domain.ViolationDateBeforeProgramme)).hasHTML(`value="2020-12-31"`)
		if got := h.Claim(c.ID).Status; got != "death_verified" {
			t.Fatalf("claim is %s after a refused decree", got)
		}
	})
}
