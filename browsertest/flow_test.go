package browsertest_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

const staffPassword = "sandi-petugas-2026"

// The whole life of a claim in the browser: the admin creates a clerk, the
// clerk files the claim (after a mistake) and verifies the death, the
// officer approves, and the heir tracks it on a phone and sees "Dibayar".
// The documents and the payment batch go through the API here: their pages
// are walked in TestDocumentsAndRegisterInTheBrowser and
// TestClaimPaidThroughABatchInTheBrowser.
func TestClaimFromFilingToPaidInTheBrowser(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := newSite(t, db)
		s.addUser(t, "dinsos", domain.RoleDinsosOfficer, staffPassword)
		s.addUser(t, "bendahara", domain.RoleTreasurer, staffPassword)

		// The admin creates the clerk's account.
		admin := s.desk(t)
		admin.login("admin", adminPassword)
		if admin.path() != "/staf/pengguna" {
			t.Fatalf("admin landed on %s", admin.path())
		}
		admin.fillAll(map[string]string{"f-new-username": "siti.clerk", "f-new-full-name": "Siti Rahayu",
			"f-new-role": string(domain.RoleDukcapilClerk), "f-new-password": oneTimePassword})
		if st := admin.click(`form[action="/staf/pengguna"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("create user: status %d", st)
		}
		admin.sees("Pengguna siti.clerk berhasil ditambahkan.", "Petugas Dukcapil")
		admin.screenshot("07-pengguna")
		// What the admin did is in the security log.
		admin.open("/staf/log-keamanan")
		admin.sees("Pengguna dibuat", "siti.clerk", "peran Petugas Dukcapil")
		admin.screenshot("12-log-keamanan")
		admin.logout()

		// The clerk files the claim; the first try has a wrong NIK.
		clerk := s.desk(t)
		clerk.open("/masuk")
		clerk.screenshot("02-masuk")
		clerk.firstLogin("siti.clerk", staffPassword)
		clerk.open("/staf/klaim/baru")
		in := fixture.ClaimInput(1)
		fields := map[string]string{
			"f-deceased-nik": "33241501015", "f-deceased-full-name": in.Deceased.FullName,
			"f-deceased-date-of-death": in.Deceased.DateOfDeath, "f-deceased-place-of-death": in.Deceased.PlaceOfDeath,
			"f-deceased-kk-number": in.Deceased.KKNumber, "f-deceased-address": in.Deceased.Address,
			"f-deceased-village-code": in.Deceased.VillageCode, "f-heir-nik": in.Heir.NIK, "f-heir-full-name": in.Heir.FullName,
			"f-heir-relationship": in.Heir.Relationship, "f-heir-phone": in.Heir.Phone,
			"f-bank-account-bank-code": in.BankAccount.BankCode, "f-bank-account-account-number": in.BankAccount.AccountNumber,
			"f-bank-account-account-name": in.BankAccount.AccountName,
		}
		clerk.fillAll(fields)
		if st := clerk.click(`form[action="/staf/klaim/baru"] button[type=submit]`); st != http.StatusUnprocessableEntity {
			t.Fatalf("claim with a bad NIK: status %d", st)
		}
		if msg := clerk.text("#e-deceased-nik"); msg != "NIK harus terdiri dari 16 digit." {
			t.Fatalf("error beside the NIK field = %q", msg)
		}
		ids := make([]string, 0, len(fields))
		for id := range fields {
			ids = append(ids, id)
		}
		kept := clerk.values(ids)
		for id, v := range fields {
			if kept[id] != v {
				t.Errorf("after the error %s = %q, want %q (what was typed)", id, kept[id], v)
			}
		}
		clerk.screenshot("04-klaim-baru-salah")
		clerk.fill("f-deceased-nik", in.Deceased.NIK)
		if st := clerk.click(`form[action="/staf/klaim/baru"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("file claim: status %d", st)
		}
		clerk.sees("Klaim berhasil diajukan.", "Diajukan", "Ahmad Fauzi")
		claimPath := strings.SplitN(clerk.path(), "?", 2)[0]
		code := strings.TrimPrefix(clerk.text("h1"), "Klaim ")
		if !strings.HasPrefix(code, "SKM-") {
			t.Fatalf("claim code %q", code)
		}
		id, err := strconv.ParseInt(strings.TrimPrefix(claimPath, "/staf/klaim/"), 10, 64)
		if err != nil {
			t.Fatalf("claim path %q", claimPath)
		}
		claim := s.Claim(id)
		s.AttachAll(claim, testserver.VerifyDocuments)
		clerk.open(claimPath)
		// The clerk may verify, return or reject, never approve.
		if clerk.has(`form[action$="/tindakan/approve"]`) {
			t.Fatal("the clerk sees the approve button")
		}
		clerk.expand(`details:has(form[action$="/tindakan/verify_death"])`)
		clerk.fill("f-a-verify-death-death-certificate-no", "3324-KM-20112026-0001")
		clerk.screenshot("05-klaim")
		if st := clerk.click(`form[action$="/tindakan/verify_death"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("verify death: status %d", st)
		}
		clerk.sees("Tindakan “Verifikasi kematian” berhasil disimpan.", "Kematian terverifikasi", "3324-KM-20112026-0001")
		if clerk.has(`form[action$="/tindakan/approve"]`) {
			t.Fatal("the clerk sees the approve button on a verified claim")
		}
		clerk.logout()
		s.AttachAll(claim, testserver.ApproveDocuments)

		// The officer finds it in the queue and approves.
		officer := s.desk(t)
		officer.login("dinsos", staffPassword)
		officer.sees("Antrean Petugas Dinas Sosial", code, "Ahmad Fauzi")
		officer.screenshot("03-antrean")
		officer.click(`a[href="` + claimPath + `"]`)
		officer.click(`form[action$="/tindakan/approve"] button[type=submit]`)
		officer.sees("Tindakan “Setujui” berhasil disimpan.", "Disetujui")
		officer.logout()

		// The treasurer pays it through a batch: its transfer file sent to
		// the bank, the bank's result applied.
		treasurer := s.desk(t)
		treasurer.login("bendahara", staffPassword)
		treasurer.sees(code)
		b := s.NewBatch(claim)
		s.SendTransferFile(b.ID)
		s.ApplyResults(b, nil)
		treasurer.open(claimPath)
		treasurer.sees("Dibayar", "JTG-1", "Konfirmasi pembayaran")
		treasurer.screenshot("06-klaim-dibayar")

		// The heir, on a phone, reads the program page and tracks the claim
		// with the keyboard alone.
		heir := s.phone(t)
		heir.open("/")
		heir.sees("Santunan Kematian Kabupaten Kendal", "Rp1.000.000", "Akta kematian")
		heir.screenshot("01-beranda-ponsel")
		heir.open("/lacak")
		heir.do(chromedp.SendKeys(chromedp.ID("f-code"), strings.ToLower(code)))
		if st := heir.submit(chromedp.SendKeys(chromedp.ID("f-heir-nik"), in.Heir.NIK+"\r")); st != http.StatusOK {
			t.Fatalf("track: status %d", st)
		}
		if got := heir.text(".badge"); got != "Dibayar" {
			t.Fatalf("the heir sees status %q, want Dibayar", got)
		}
		heir.sees("A*** F***", "Rp1.000.000", "Santunan sudah ditransfer", "28 November 2026 pukul 10.00 WIB")
		body := heir.text("body")
		for _, private := range []string{in.Heir.NIK, in.Deceased.NIK, "Ahmad Fauzi", "Siti Aminah", in.BankAccount.AccountNumber} {
			if strings.Contains(body, private) {
				t.Errorf("the tracking page shows %q", private)
			}
		}
		// Usable at 360 px: nothing wider than the screen.
		if w := run(heir, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); w > 360 {
			t.Errorf("the tracking page is %d px wide on a 360 px screen", w)
		}
		heir.screenshot("08-lacak-ponsel")
	})
}

// A form whose CSRF token was removed is refused, and changes nothing.
func TestBrowserFormWithoutCSRFTokenIsRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := newSite(t, db)
		s.addUser(t, "dinsos", domain.RoleDinsosOfficer, staffPassword)
		c := s.Verified(1)
		s.AttachAll(c, testserver.ApproveDocuments)
		c = s.Claim(c.ID)
		officer := s.desk(t)
		officer.login("dinsos", staffPassword)
		officer.open("/staf/klaim/" + itoa(c.ID))
		officer.do(chromedp.Evaluate[chromedp.Void](
			`document.querySelector('form[action$="/tindakan/approve"] input[name=_csrf]').remove()`))
		if st := officer.click(`form[action$="/tindakan/approve"] button[type=submit]`); st != http.StatusForbidden {
			t.Fatalf("approve without the CSRF token: status %d, want 403", st)
		}
		officer.sees("Formulir tidak dapat diterima")
		if now := s.Claim(c.ID); now.Status != string(domain.StatusDeathVerified) || now.Version != c.Version {
			t.Fatalf("claim after a refused form: %+v", now)
		}
		// The page reloaded from the link carries a token again and works.
		officer.open("/staf/klaim/" + itoa(c.ID))
		officer.click(`form[action$="/tindakan/approve"] button[type=submit]`)
		officer.sees("Disetujui")
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
