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
	"santunan/internal/testserver"
)

// An heir with only a phone (360 px) files the claim online: the phone's
// code, the form with a photo of the death certificate, the code on
// screen; the clerk then finds it in the intake queue.
func TestOnlineApplicationOnAPhone(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := newSite(t, db)
		photo := filepath.Join(t.TempDir(), "akta.jpg")
		if err := os.WriteFile(photo, testserver.SampleJPEG, 0o600); err != nil {
			t.Fatal(err)
		}
		heir := s.phone(t)
		heir.open("/ajukan")
		heir.sees("Langkah 1 dari 3")
		heir.fill("f-phone", "0812 0000 001")
		if st := heir.click(`form[action="/ajukan/kode"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("send code: status %d", st)
		}
		heir.fill("f-code", s.Codes.Next(t, testserver.Phone(1)))
		if st := heir.click(`form[action="/ajukan/verifikasi"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("verify: status %d", st)
		}
		heir.sees("Langkah 2 dari 3", "Undang-Undang Nomor 27 Tahun 2022")
		if got := heir.attr("#f-documents-akta-kematian", "capture"); got != "environment" {
			t.Fatalf("the camera input has capture=%q", got)
		}
		in := fixture.ClaimInput(1)
		heir.fillAll(map[string]string{
			"f-deceased-nik": in.Deceased.NIK, "f-deceased-full-name": in.Deceased.FullName,
			"f-deceased-date-of-death": in.Deceased.DateOfDeath, "f-deceased-place-of-death": in.Deceased.PlaceOfDeath,
			"f-deceased-kk-number": in.Deceased.KKNumber, "f-deceased-address": in.Deceased.Address,
			"f-deceased-village-code": in.Deceased.VillageCode, "f-heir-nik": in.Heir.NIK, "f-heir-full-name": in.Heir.FullName,
			"f-heir-relationship":      in.Heir.Relationship,
			"f-bank-account-bank-code": in.BankAccount.BankCode, "f-bank-account-account-number": in.BankAccount.AccountNumber,
			"f-bank-account-account-name": in.BankAccount.AccountName,
		})
		heir.do(chromedp.SetUploadFiles(chromedp.ID("f-documents-akta-kematian"), []string{photo}))
		heir.check("#f-heir-notify-consent")
		heir.screenshot("40-ajukan-formulir-ponsel")
		// Without the statement ticked, the form comes back as typed.
		if st := heir.click(`form[action="/ajukan"] button[type=submit]`); st != http.StatusUnprocessableEntity {
			t.Fatalf("without consent: status %d", st)
		}
		heir.sees("Mohon baca dan centang")
		if got := heir.values([]string{"f-deceased-full-name"})["f-deceased-full-name"]; got != in.Deceased.FullName {
			t.Fatalf("the form kept %q", got)
		}
		heir.do(chromedp.SetUploadFiles(chromedp.ID("f-documents-akta-kematian"), []string{photo}))
		heir.check("#f-consent")
		if st := heir.click(`form[action="/ajukan"] button[type=submit]`); st != http.StatusCreated {
			t.Fatalf("apply: status %d", st)
		}
		code := strings.TrimSpace(heir.text(".claim-code"))
		heir.sees("Langkah 3 dari 3", "Unduh tanda terima")
		if w := run(heir, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); w > 360 {
			t.Errorf("the page is %d px wide on a 360 px screen", w)
		}
		heir.screenshot("41-ajukan-selesai-ponsel")

		s.addUser(t, "siti.clerk", domain.RoleDukcapilClerk, testserver.Password)
		clerk := s.desk(t)
		clerk.login("siti.clerk", testserver.Password)
		clerk.open("/staf/pengajuan-daring")
		clerk.sees(code, in.Deceased.FullName, "Tidak ada di register kematian")
		clerk.screenshot("42-pengajuan-daring")
	})
}
