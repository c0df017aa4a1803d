package browsertest_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
)

// The clerk imports the SIAK register, then on the claim page uploads the
// akta with the file picker, sees the checklist complete and the match
// with the register, and verifies with the form the register filled in.
func TestDocumentsAndRegisterInTheBrowser(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := newSite(t, db)
		s.addUser(t, "petugas.dukcapil", domain.RoleDukcapilClerk, staffPassword)
		dir := t.TempDir()
		csv := filepath.Join(dir, "siak.csv")
		in := fixture.ClaimInput(1)
		register := "nik,full_name,sex,date_of_death,death_certificate_no,village_code,registered_on\n" +
			in.Deceased.NIK + ",Ahmad Fauzi,L,2026-11-20,3324-KM-20112026-0001,3324151001,2026-11-22\n" +
			"3324154101500003,Siti Rohmah,P,2026-11-01,3324-KM-01112026-0007,3324151002,2026-11-03\n" +
			"3324150101500002,Ahmad,L,2026-11-20,A-2,3324159999,2026-11-27\n"
		akta := filepath.Join(dir, "akta ahmad.pdf")
		for path, body := range map[string]string{csv: register, akta: "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"} {
			if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
		}

		clerk := s.desk(t)
		clerk.login("petugas.dukcapil", staffPassword)
		clerk.open("/staf/register-kematian")
		clerk.do(chromedp.SetUploadFiles(chromedp.ID("f-imp-file"), []string{csv}))
		if st := clerk.click(`form[action="/staf/register-kematian"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("import: status %d", st)
		}
		clerk.sees("Hasil impor", "baru dicatat", "Baris yang ditolak", "Desa/kelurahan tidak ditemukan")
		clerk.screenshot("09-register-kematian")
		clerk.open("/staf/kematian-belum-diklaim")
		clerk.sees("Kelurahan Sukodono", "Siti Rohmah", "27 hari", "30 Januari 2027")
		clerk.screenshot("11-kematian-belum-diklaim")

		c := s.File(1)
		clerk.open("/staf/klaim/" + itoa(c.ID))
		clerk.sees("Cocok dengan register kematian", "Belum ada dokumen yang diunggah.", "Belum ada")
		clerk.do(chromedp.SetValue(chromedp.ID("f-doc-kind"), "akta_kematian"),
			chromedp.SetUploadFiles(chromedp.ID("f-doc-file"), []string{akta}))
		if st := clerk.click(`form[action$="/dokumen"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("upload: status %d", st)
		}
		clerk.sees("Dokumen “Akta kematian” berhasil diunggah.", "akta ahmad.pdf", "Lengkap",
			"Dokumen untuk “Verifikasi kematian” sudah lengkap.", "Dokumen diunggah: Akta kematian")
		clerk.expand(`details:has(form[action$="/tindakan/verify_death"])`)
		if got := clerk.values([]string{"f-a-verify-death-death-certificate-no"}); got["f-a-verify-death-death-certificate-no"] != "3324-KM-20112026-0001" {
			t.Fatalf("verify form not filled from the register: %v", got)
		}
		clerk.screenshot("10-klaim-dokumen")
		if st := clerk.click(`form[action$="/tindakan/verify_death"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("verify death: status %d", st)
		}
		clerk.sees("Kematian terverifikasi", "Cocok dengan register kematian")
		if body := clerk.text("body"); strings.Contains(body, "Terjadi kesalahan") {
			t.Fatalf("error on the page:\n%s", body)
		}
	})
}
