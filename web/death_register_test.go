package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"santunan/database"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

const deathRegisterPath = "/staf/register-kematian"

func (h *harness) importRegister(lines ...string) {
	h.T.Helper()
	h.Expect(h.Raw(http.MethodPost, "/api/v1/death-records/import", domain.RoleDukcapilClerk, "text/csv",
		strings.NewReader(testserver.RegisterHeader+strings.Join(lines, ""))), http.StatusOK, nil)
}

// The verify form on the claim page: filled from the register on a match;
// on a difference it shows it and asks for the clerk's confirmation.
func TestVerifyFormFollowsTheDeathRegister(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		h.importRegister(testserver.RegisterLine(1, "2026-11-20"), testserver.RegisterLine(2, "2026-11-18"))
		agrees, differs, unknown := h.File(1), h.File(2), h.File(3)
		for _, c := range []testserver.Claim{agrees, differs, unknown} {
			h.Attach(c, "akta_kematian", testserver.SamplePDF)
		}
		clerk := h.staff(domain.RoleDukcapilClerk)

		p := clerk.get(claimPath(agrees.ID)).want(http.StatusOK)
		p.has("Cocok dengan register kematian", "3324-KM-0001", "Kelurahan Candiroto, Kecamatan Kendal",
			"Diisi dari register kematian Dukcapil. Cocokkan dengan akta kematian asli sebelum memverifikasi.")
		p.hasHTML(`name="death_certificate_no" type="text" value="3324-KM-0001"`, `name="date_of_death" type="date" value="2026-11-20"`)
		if strings.Contains(p.body, `name="confirm_register_mismatch"`) {
			t.Fatal("a matching claim asks to confirm a difference")
		}
		p = clerk.post(actionPagePath(agrees.ID, "verify_death"), actionForm(agrees.Version+1,
			"death_certificate_no", "3324-KM-0001", "date_of_death", "2026-11-20")).wantRedirect(claimPath(agrees.ID))
		clerk.follow(p).has("Kematian terverifikasi", "Pemeriksaan register kematian: - → Cocok dengan register kematian")

		p = clerk.get(claimPath(differs.ID)).want(http.StatusOK)
		p.has("Berbeda dengan register kematian", "Tanggal kematian", "20 November 2026", "18 November 2026",
			"Saya telah memeriksa perbedaan ini dan tetap memverifikasi",
			"Tanggal kematian: di klaim 20 November 2026, di register 18 November 2026.")
		p.hasHTML(`name="confirm_register_mismatch" type="checkbox" value="true"`, `name="death_certificate_no" type="text" value=""`)
		version := regexpFind(t, p.body, `action="`+actionPagePath(differs.ID, "verify_death")+`" novalidate>\s*<input type="hidden" name="_csrf" value="[^"]*">\s*<input type="hidden" name="version" value="(\d+)"`)

		// Not confirmed: the form comes back with what was typed and the
		// checkbox marked.
		form := url.Values{"version": {version}, "death_certificate_no": {"3324-KM-0002"}, "reason": {"akta asli dicek"}}
		p = clerk.post(actionPagePath(differs.ID, "verify_death"), form).want(http.StatusUnprocessableEntity)
		p.has(i18n.Violation(i18n.Indonesian, domain.ViolationRegisterMismatchUnconfirmed), "Tanggal kematian: di klaim 20 November 2026")
		p.hasHTML(`value="3324-KM-0002"`, ">akta asli dicek</textarea>", `name="confirm_register_mismatch" type="checkbox" value="true" aria-invalid="true"`)
		// Confirmed: verified, and the trail says the difference was confirmed.
		form.Set("confirm_register_mismatch", "true")
		p = clerk.post(actionPagePath(differs.ID, "verify_death"), form).wantRedirect(claimPath(differs.ID))
		clerk.follow(p).has("Kematian terverifikasi", "Pemeriksaan register kematian: - → Berbeda (Tanggal kematian), dikonfirmasi petugas")

		p = clerk.get(claimPath(unknown.ID)).want(http.StatusOK)
		p.has("Tidak ada di register kematian", "NIK belum tercatat di register kematian; periksa akta kematian asli dengan teliti.")
		if strings.Contains(p.body, `name="confirm_register_mismatch"`) {
			t.Fatal("a claim not in the register asks to confirm a difference")
		}
		// The action's own page is filled from the register too.
		c4 := h.File(4)
		h.importRegister(testserver.RegisterLine(4, "2026-11-20"))
		clerk.get(actionPagePath(c4.ID, "verify_death")).want(http.StatusOK).
			hasHTML(`name="death_certificate_no" type="text" value="3324-KM-0004"`)
		// The treasurer does not see the register.
		h.staff(domain.RoleTreasurer).get(claimPath(agrees.ID)).want(http.StatusOK).hasNot("Register kematian Dukcapil")
	})
}

func TestRegisterImportFromThePage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.Env("SANTUNAN_MAX_IMPORT_BYTES", "4096"))
		clerk := h.staff(domain.RoleDukcapilClerk)
		p := clerk.get(deathRegisterPath).want(http.StatusOK)
		p.has("Register kematian", "Format berkas", "death_certificate_no", "Nomor akta kematian", "Kematian belum diklaim", "paling besar 4 KB")
		p.hasHTML(`<a href="/staf/register-kematian" aria-current="page">`, `enctype="multipart/form-data"`, `name="file" type="file"`)

		file := testserver.RegisterHeader + testserver.RegisterLine(1, "2026-11-20") + "3324150101500002,Ahmad,L,2026-11-20,A-2,3324159999,2026-11-27\n" +
			"bukan,baris,yang,benar\n" + testserver.RegisterLine(3, "2026-11-01")
		p = clerk.postFile(deathRegisterPath, url.Values{}, "file", "siak.csv", []byte(file)).want(http.StatusOK)
		p.has("Hasil impor", "Baris yang ditolak", i18n.Violation(i18n.Indonesian, domain.ViolationVillageUnknown),
			i18n.Violation(i18n.Indonesian, domain.ViolationColumnCount), "Seluruh baris", "Kode desa/kelurahan Kemendagri")
		p.hasNot("Tidak ada perubahan")
		wantCounts(t, p, 4, 2, 0, 2)
		if !regexp.MustCompile(`<td class="num">3</td><td><code>village_code</code></td>`).MatchString(p.body) {
			t.Fatal("the refused line 3 is not listed with its column")
		}

		// The same file again: nothing changes.
		p = clerk.postFile(deathRegisterPath, url.Values{}, "file", "siak.csv", []byte(file)).want(http.StatusOK)
		p.has("Tidak ada perubahan: tidak ada data kematian baru dalam berkas ini.")
		wantCounts(t, p, 4, 0, 2, 2)

		clerk.postFile(deathRegisterPath, url.Values{}, "file", "siak.csv", []byte("a,b\n1,2\n")).want(http.StatusUnprocessableEntity).
			has("Berkas CSV dari SIAK: " + i18n.Violation(i18n.Indonesian, domain.ViolationCSVHeaderInvalid))
		clerk.postFile(deathRegisterPath, url.Values{}, "file", "", nil).want(http.StatusUnprocessableEntity).
			has("Berkas CSV dari SIAK: Wajib diisi.")
		// Over the limit: found while reading, or before (the body is
		// larger than the file's limit and the form's slack).
		for _, n := range []int{100, 2000} {
			big := testserver.RegisterHeader + strings.Repeat(testserver.RegisterLine(1, "2026-11-20"), n)
			clerk.postFile(deathRegisterPath, url.Values{}, "file", "siak.csv", []byte(big)).want(http.StatusRequestEntityTooLarge).
				has("Berkas lebih besar dari 4 KB.")
		}
		clerk.postFile(deathRegisterPath, url.Values{"_csrf": {"palsu"}}, "file", "siak.csv", []byte(file)).want(http.StatusForbidden)

		officer := h.staff(domain.RoleDinsosOfficer)
		officer.get(deathRegisterPath).want(http.StatusForbidden)
		officer.get("/staf").hasNot("Register kematian").has("Kematian belum diklaim")
		officer.postFile(deathRegisterPath, url.Values{}, "file", "siak.csv", []byte(file)).want(http.StatusForbidden)
		h.staff(domain.RoleTreasurer).get("/staf").hasNot("Register kematian", "Kematian belum diklaim")
	})
}

// wantCounts checks the report's lines, inserted, unchanged and refused.
func wantCounts(t *testing.T, p *page, counts ...int) {
	t.Helper()
	got := regexp.MustCompile(`<li><span class="n">(\d+)</span>`).FindAllStringSubmatch(p.body, -1)
	if len(got) != len(counts) {
		t.Fatalf("report counts %v", got)
	}
	for i, n := range counts {
		if got[i][1] != fmt.Sprint(n) {
			t.Fatalf("report counts %v, want %v", got, counts)
		}
	}
}

// unclaimedLine is a registered death of serial n in village on died,
// which nobody has claimed.
func unclaimedLine(n int, died, village string) string {
	return fmt.Sprintf("332415010150%04d,%s,L,%s,3324-KM-U%04d,%s,%s\n", n, warga(n), died, n, village, died)
}

// warga is the name of the deceased of serial n (names have no digits).
func warga(n int) string { return "Warga " + string(rune('A'+n/26)) + string(rune('A'+n%26)) }

func TestUnclaimedDeathsPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		var lines []string
		for n := 1; n <= 52; n++ {
			lines = append(lines, unclaimedLine(n, "2026-11-01", "3324151001")) // Candiroto
		}
		lines = append(lines, unclaimedLine(100, "2026-10-20", "3324151002"), unclaimedLine(101, "2026-11-10", "3324151002"), // Sukodono
			unclaimedLine(102, "2026-11-25", "3324151002")) // too recent to list
		h.importRegister(lines...)
		h.File(1) // Warga 0001 has a claim now

		auditor := h.staff(domain.RoleAuditor)
		p := auditor.get("/staf/kematian-belum-diklaim").want(http.StatusOK)
		p.has("Kematian belum diklaim", "paling sedikit 14 hari", "Per desa/kelurahan (53 kematian)", "Kelurahan Candiroto",
			"Kelurahan Sukodono", "Daftar semua desa/kelurahan", "Unduh daftar (CSV)", warga(2), "1 November 2026", "27 hari",
			"30 Januari 2027", "sisa 63 hari", "Laki-laki")
		p.hasNot(warga(1), warga(102))
		p.hasHTML(`<td class="num">51</td>`, `<td class="num">2</td>`, `href="/staf/kematian-belum-diklaim?desa=3324151002"`)
		if n := strings.Count(p.body, "Warga "); n != 50 {
			t.Fatalf("first page lists %d deaths, want 50", n)
		}
		next := regexpFind(t, p.body, `<a href="([^"]+)">Halaman berikutnya »</a>`)
		p = auditor.get(next).want(http.StatusOK)
		p.has(warga(52), warga(100), "« Kembali ke awal").hasNot(warga(2), "Berikutnya")
		if n := strings.Count(p.body, "Warga "); n != 3 {
			t.Fatalf("second page lists %d deaths, want 3", n)
		}

		p = auditor.get("/staf/kematian-belum-diklaim?desa=3324151002").want(http.StatusOK)
		p.has("Daftar Kelurahan Sukodono", warga(100), warga(101), "20 Oktober 2026", "39 hari").hasNot(warga(2))
		p.hasHTML(`<option value="3324151002" selected>`, `href="/staf/kematian-belum-diklaim/unduh?desa=3324151002"`)

		csv := auditor.get("/staf/kematian-belum-diklaim/unduh?desa=3324151002").want(http.StatusOK)
		if !strings.HasPrefix(csv.header.Get("Content-Type"), "text/csv") || !strings.Contains(csv.body, warga(100)) ||
			strings.Contains(csv.body, warga(2)) || !strings.Contains(csv.header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("CSV export: %v\n%s", csv.header, csv.body)
		}

		auditor.get("/staf/kematian-belum-diklaim?desa=3374010001").want(http.StatusUnprocessableEntity).
			has("Desa/kelurahan: " + i18n.Violation(i18n.Indonesian, domain.ViolationVillageUnknown))
		auditor.get("/staf/kematian-belum-diklaim?kursor=rusak").want(http.StatusUnprocessableEntity).has("Halaman: Nilai tidak valid.")
		auditor.get("/staf/kematian-belum-diklaim/unduh?desa=3374010001").want(http.StatusUnprocessableEntity)

		for _, role := range []domain.Role{domain.RoleDukcapilClerk, domain.RoleDinsosOfficer} {
			h.staff(role).get("/staf/kematian-belum-diklaim").want(http.StatusOK).
				hasHTML(`<a href="/staf/kematian-belum-diklaim" aria-current="page">`)
		}
		h.staff(domain.RoleTreasurer).get("/staf/kematian-belum-diklaim").want(http.StatusForbidden)
		h.staff(domain.RoleTreasurer).get("/staf/kematian-belum-diklaim/unduh").want(http.StatusForbidden)
	})
}

// Texts looked up by a code at run time exist for every code.
func TestEvidenceTextsExist(t *testing.T) {
	var keys []string
	for _, o := range domain.AllMatchOutcomes {
		keys = append(keys, "match.outcome."+string(o))
	}
	for _, f := range []string{domain.MatchFieldDateOfDeath, domain.MatchFieldDeathCertificateNo} {
		keys = append(keys, "match.field."+f)
	}
	for _, col := range deathregister.Columns {
		keys = append(keys, "register.col."+col, "register.example."+col)
	}
	for _, e := range []domain.Action{documents.EventUploaded, documents.EventReplaced} {
		keys = append(keys, "event."+string(e))
	}
	for _, k := range keys {
		if !i18n.HasText(k) {
			t.Errorf("no text %s", k)
		}
	}
}
