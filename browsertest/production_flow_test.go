package browsertest_test

import (
	"context"
	"encoding/csv"
	"fmt"
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

// The five documents of a claim, as the clerk scans them.
var claimDocuments = []struct{ kind, file string }{
	{"akta_kematian", "akta.pdf"}, {"ktp_ahli_waris", "ktp.pdf"}, {"kartu_keluarga", "kk.pdf"},
	{"surat_ahli_waris", "surat ahli waris.pdf"}, {"buku_tabungan", "buku tabungan.pdf"},
}

// A claim's whole life with the production wiring, in the browser alone:
// the admin creates the staff and sets the budget; the clerk files the
// claim, uploads its five documents and verifies the death; the officer
// approves it in a decree; the treasurer builds a batch, checks the account
// name, takes the transfer file for the bank and uploads its result; the heir
// sees "Dibayar" on a 360 px phone.
func TestClaimPaidThroughABatchInTheBrowser(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		// A newly deployed office: the admin sets the first budget.
		s := newSite(t, db, testserver.NoBudget())
		dir := t.TempDir()
		for _, d := range claimDocuments {
			body := "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% " + d.kind + "\n%%EOF\n"
			if err := os.WriteFile(filepath.Join(dir, d.file), []byte(body), 0o600); err != nil {
				t.Fatal(err)
			}
		}

		// The admin creates the three staff accounts, then sets 2026's budget.
		admin := s.desk(t)
		admin.login("admin", adminPassword)
		for _, u := range []struct{ name, full string }{
			{"siti.clerk", "Siti Rahayu"}, {"dinsos", "Bambang Sutrisno"}, {"bendahara", "Dewi Lestari"},
		} {
			role := map[string]domain.Role{"siti.clerk": domain.RoleDukcapilClerk, "dinsos": domain.RoleDinsosOfficer,
				"bendahara": domain.RoleTreasurer}[u.name]
			admin.fillAll(map[string]string{"f-new-username": u.name, "f-new-full-name": u.full,
				"f-new-role": string(role), "f-new-password": oneTimePassword})
			if st := admin.click(`form[action="/staf/pengguna"] button[type=submit]`); st != http.StatusOK {
				t.Fatalf("create %s: status %d", u.name, st)
			}
			admin.sees("Pengguna " + u.name + " berhasil ditambahkan.")
		}
		admin.open("/staf/anggaran")
		admin.fill("f-budget-ceiling", "Rp 500.000")
		if st := admin.click(`form[action="/staf/anggaran"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("set budget: status %d", st)
		}
		admin.sees("Pagu tahun 2026 berhasil disimpan.", "Rp500.000", "habis")
		admin.logout()

		// The clerk files the claim and uploads its five documents.
		clerk := s.desk(t)
		clerk.firstLogin("siti.clerk", staffPassword)
		clerk.open("/staf/klaim/baru")
		in := fixture.ClaimInput(1)
		clerk.fillAll(map[string]string{
			"f-deceased-nik": in.Deceased.NIK, "f-deceased-full-name": in.Deceased.FullName,
			"f-deceased-date-of-death": in.Deceased.DateOfDeath, "f-deceased-place-of-death": in.Deceased.PlaceOfDeath,
			"f-deceased-kk-number": in.Deceased.KKNumber, "f-deceased-address": in.Deceased.Address,
			"f-deceased-village-code": in.Deceased.VillageCode, "f-heir-nik": in.Heir.NIK, "f-heir-full-name": in.Heir.FullName,
			"f-heir-relationship": in.Heir.Relationship, "f-heir-phone": in.Heir.Phone,
			"f-bank-account-bank-code": in.BankAccount.BankCode, "f-bank-account-account-number": in.BankAccount.AccountNumber,
			"f-bank-account-account-name": in.BankAccount.AccountName,
		})
		if st := clerk.click(`form[action="/staf/klaim/baru"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("file claim: status %d", st)
		}
		clerk.sees("Klaim berhasil diajukan.")
		claimPath := strings.SplitN(clerk.path(), "?", 2)[0]
		code := strings.TrimPrefix(clerk.text("h1"), "Klaim ")
		for _, d := range claimDocuments {
			clerk.do(chromedp.SetValue(chromedp.ID("f-doc-kind"), d.kind),
				chromedp.SetUploadFiles(chromedp.ID("f-doc-file"), []string{filepath.Join(dir, d.file)}))
			if st := clerk.click(`form[action$="/dokumen"] button[type=submit]`); st != http.StatusOK {
				t.Fatalf("upload %s: status %d", d.kind, st)
			}
			clerk.sees("berhasil diunggah.", d.file)
		}
		clerk.expand(`details:has(form[action$="/tindakan/verify_death"])`)
		clerk.fill("f-a-verify-death-death-certificate-no", "3324-KM-20112026-0001")
		if st := clerk.click(`form[action$="/tindakan/verify_death"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("verify death: status %d", st)
		}
		clerk.sees("Kematian terverifikasi")
		clerk.logout()

		// The officer's decree is refused by the budget first, then approves
		// the claim once the budget is raised.
		officer := s.desk(t)
		officer.firstLogin("dinsos", staffPassword)
		officer.open("/staf/sk/baru")
		officer.sees(code, "Candiroto", "sisa Rp500.000 (cukup untuk 0 klaim lagi)")
		officer.fill("f-decree-number", "400.9/123/2026")
		officer.check(`input[name=claim_ids]`)
		if st := officer.click(`form[action="/staf/sk/baru"] button[type=submit]`); st != http.StatusUnprocessableEntity {
			t.Fatalf("decree over the budget: status %d", st)
		}
		officer.sees("Surat keputusan ditolak dan tidak ada yang diubah.", code, "Pagu anggaran tahun ini tidak mencukupi")
		officer.screenshot("21-sk-ditolak-pagu")
		officer.open("/staf/anggaran")
		officer.fill("f-budget-ceiling", "100.000.000")
		officer.click(`form[action="/staf/anggaran"] button[type=submit]`)
		officer.sees("Pagu tahun 2026 berhasil disimpan.", "Rp100.000.000")
		officer.screenshot("20-anggaran")
		officer.open("/staf/sk/baru?pilih=semua")
		officer.fill("f-decree-number", "400.9/123/2026")
		officer.screenshot("22-sk-baru")
		if st := officer.click(`form[action="/staf/sk/baru"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("create decree: status %d", st)
		}
		officer.sees("SK 400.9/123/2026 berhasil ditetapkan: 1 klaim disetujui dengan nilai Rp1.000.000.",
			"Ahmad Fauzi", "Unduh lampiran SK (PDF)")
		if got := officer.fetch(officer.attr(`a[href$="/penerima.pdf"]`, "href")); !strings.HasPrefix(got, "200 application/pdf") {
			t.Fatalf("decree PDF: %s", got)
		}
		officer.screenshot("23-sk")
		officer.logout()

		// The treasurer pays it through a batch.
		treasurer := s.desk(t)
		treasurer.firstLogin("bendahara", staffPassword)
		treasurer.sees(code)
		treasurer.open(claimPath)
		if treasurer.has(`form[action$="/tindakan/start_payment"]`) || treasurer.has(`form[action$="/tindakan/confirm_payment"]`) {
			t.Fatal("the treasurer is offered a payment action on the claim page")
		}
		treasurer.sees("Disetujui dengan SK 400.9/123/2026 tanggal 28 November 2026", "Pembayaran dilakukan melalui batch")
		treasurer.click(`#pembayaran a.btn`)
		treasurer.sees("1 klaim disetujui menunggu pembayaran.")
		treasurer.screenshot("24-batch-baru")
		treasurer.click(`form[action="/staf/pembayaran/baru"] input[name=semua] ~ .actions button`)
		treasurer.sees("Batch pembayaran berhasil dibuat.", "Belum dikirim ke bank", "Seimbang", "Belum dicek")
		batchPath := strings.SplitN(treasurer.path(), "?", 2)[0]

		treasurer.do(chromedp.SendKeys(chromedp.CSS(`input[name^=nama_]`), "SITI AMINAH"))
		treasurer.click(`button[name=hanya]`)
		treasurer.sees("Nama rekening dicek: 1 baris, 0 tidak sesuai.", "Sesuai")
		// Taking the transfer file is the form's POST; downloading it again
		// gives the same file.
		transfer := treasurer.postForm(`form[action$="/berkas-transfer"]`)
		if !strings.HasPrefix(transfer, "200 text/csv") {
			t.Fatalf("transfer file: %q", transfer)
		}
		if again := treasurer.fetch(batchPath + "/berkas-transfer.csv?berkas=1"); again != transfer {
			t.Fatalf("downloaded again %q, taken %q", again, transfer)
		}
		result := filepath.Join(dir, "hasil-bank.csv")
		if err := os.WriteFile(result, resultFor(t, transfer), 0o600); err != nil {
			t.Fatal(err)
		}
		treasurer.open(batchPath)
		treasurer.sees("Menunggu hasil bank", "Berkas #1: 1 baris, Rp1.000.000", "Terkirim, berkas #1")
		treasurer.screenshot("25-batch")
		// A file with another amount is refused whole, line by line.
		wrong := filepath.Join(dir, "hasil-salah.csv")
		if err := os.WriteFile(wrong, []byte(strings.ReplaceAll(string(resultFor(t, transfer)), ",1000000\n", ",100000\n")), 0o600); err != nil {
			t.Fatal(err)
		}
		treasurer.do(chromedp.SetUploadFiles(chromedp.ID("f-result-file"), []string{wrong}))
		if st := treasurer.click(`form[action$="/hasil"] button[type=submit]`); st != http.StatusUnprocessableEntity {
			t.Fatalf("wrong result file: status %d", st)
		}
		treasurer.sees("Berkas hasil transfer ditolak dan tidak ada yang diubah.", "Masalah pada berkas hasil", code,
			"Nilai berbeda dengan nilai yang dikirim untuk klaim ini.", "Menunggu hasil bank")
		treasurer.screenshot("26-hasil-ditolak")
		treasurer.do(chromedp.SetUploadFiles(chromedp.ID("f-result-file"), []string{result}))
		if st := treasurer.click(`form[action$="/hasil"] button[type=submit]`); st != http.StatusOK {
			t.Fatalf("upload result: status %d", st)
		}
		treasurer.sees("Hasil bank diterapkan: 1 klaim dibayar, 0 gagal, 0 tidak berubah.", "Selesai", "Ref. JTG-20261128-0001")
		treasurer.screenshot("27-batch-selesai")
		treasurer.open("/staf/pembayaran")
		treasurer.screenshot("28-pembayaran")
		treasurer.open(claimPath)
		treasurer.sees("Dibayar", "JTG-20261128-0001", "Batch #")
		treasurer.screenshot("29-klaim-dibayar-batch")

		// The heir, on a phone.
		heir := s.phone(t)
		heir.open("/lacak")
		heir.do(chromedp.SendKeys(chromedp.ID("f-code"), code))
		if st := heir.submit(chromedp.SendKeys(chromedp.ID("f-heir-nik"), in.Heir.NIK+"\r")); st != http.StatusOK {
			t.Fatalf("track: status %d", st)
		}
		if got := heir.text(".badge"); got != "Dibayar" {
			t.Fatalf("the heir sees status %q, want Dibayar", got)
		}
		heir.sees("Santunan sudah ditransfer")
		if w := run(heir, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); w > 360 {
			t.Errorf("the tracking page is %d px wide on a 360 px screen", w)
		}
		heir.screenshot("30-lacak-dibayar-ponsel")

		report, err := s.Services.Engine.VerifyAudit(context.Background())
		if err != nil || !report.OK() {
			t.Fatalf("audit after the walk: %v %+v", err, report)
		}
	})
}

// fetch gets a path with the person's session, as its link would, and
// returns "status content-type" and, after a line break, the body.
func (p *person) fetch(path string) string {
	p.t.Helper()
	return run(p, chromedp.Evaluate[string](fmt.Sprintf(
		`fetch(%q).then(r => r.text().then(t => r.status + " " + r.headers.get("content-type") + "\n" + t))`, path),
		chromedp.EvalAwaitPromise))
}

// postForm posts a form as its button would (its fields, the CSRF token
// among them) and returns what fetch does: a download, which a click would
// hand to the browser's downloads instead.
func (p *person) postForm(css string) string {
	p.t.Helper()
	return run(p, chromedp.Evaluate[string](fmt.Sprintf(`(f => fetch(f.action, {method: "POST", body: new URLSearchParams(new FormData(f))}).
		then(r => r.text().then(t => r.status + " " + r.headers.get("content-type") + "\n" + t)))(document.querySelector(%q))`, css),
		chromedp.EvalAwaitPromise))
}

func (p *person) attr(css, name string) string {
	p.t.Helper()
	return run(p, chromedp.Evaluate[string](fmt.Sprintf(`document.querySelector(%q).getAttribute(%q)`, css, name)))
}

// resultFor is the bank's answer to a transfer file: every line paid.
func resultFor(t *testing.T, fetched string) []byte {
	t.Helper()
	_, body, _ := strings.Cut(fetched, "\n")
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("transfer file %q: %v", body, err)
	}
	out := "reference,status,bank_reference,failure_reason,time,amount\n"
	for i, r := range recs[1:] {
		out += fmt.Sprintf("%s,SUCCESS,JTG-20261128-%04d,,2026-11-28 14:00:00,%s\n", r[5], i+1, r[4])
	}
	return []byte(out)
}
