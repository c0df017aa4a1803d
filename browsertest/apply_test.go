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
// screen; the clerk then finds it in the intake queue. The offices take it
// to paid, the heir hears of every step by message, and the phone's
// tracking page then says where the money went.
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

		// The rest of the way through the offices' API, as their desks would.
		api := s.With(t)
		var found struct {
			Items []testserver.Claim `json:"items"`
		}
		api.Expect(api.Do(http.MethodGet, "/api/v1/claims?q="+code, domain.RoleDukcapilClerk, nil), http.StatusOK, &found)
		if len(found.Items) != 1 {
			t.Fatalf("claims with code %s: %d", code, len(found.Items))
		}
		c := api.Act(found.Items[0], domain.RoleDukcapilClerk, "accept", map[string]any{})
		c = api.Approve(api.Verify(c, 1))
		b := api.NewBatch(c)
		api.SendTransferFile(b.ID)
		api.ApplyResults(b, nil)
		// The code, then received, accepted, death verified, approved, paid.
		api.Gateway.WaitFor(t, 6)
		msgs := api.Gateway.To(testserver.Phone(1))
		if len(msgs) != 6 {
			t.Fatalf("%d messages to the heir, want 6: %+v", len(msgs), msgs)
		}
		for _, m := range msgs[1:] {
			if !strings.Contains(m.Text, "/lacak?kode="+code) {
				t.Errorf("message %q lacks the tracking link", m.Text)
			}
		}

		heir.open("/lacak?kode=" + code)
		if st := heir.submit(chromedp.SendKeys(chromedp.ID("f-heir-nik"), in.Heir.NIK+"\r")); st != http.StatusOK {
			t.Fatalf("track: status %d", st)
		}
		last4 := in.BankAccount.AccountNumber[len(in.BankAccount.AccountNumber)-4:]
		heir.sees("Dibayar", last4)
		if w := run(heir, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); w > 360 {
			t.Errorf("the tracking page is %d px wide on a 360 px screen", w)
		}
		heir.screenshot("43-lacak-dibayar-ponsel")
	})
}
