package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// A failed transfer on the pages: the heir's form asks only for the new
// bank book and account and keeps them on error; the officer then sees the
// proposal on the claim page and retry_payment's form filled with it.
func TestFailedTransferNewBankBookOnThePages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.Bring(1, domain.StatusPaymentFailed)
		paid := h.Bring(2, domain.StatusPaid)
		heir := h.visitor()
		heir.post("/perbaiki/kode", url.Values{"code": {paid.Code}, "heir_nik": {fixture.ClaimInput(2).Heir.NIK}}).
			want(http.StatusConflict).has("tidak sedang menunggu perbaikan")
		heir.verifyPhone("/perbaiki/kode", "/perbaiki/verifikasi",
			url.Values{"code": {c.Code}, "heir_nik": {fixture.ClaimInput(1).Heir.NIK}}, "+6281234567890")
		fix := heir.get("/perbaiki/formulir").want(http.StatusOK).
			has("Ganti rekening bank", "Alasan transfer gagal", testserver.FailureReason, "Kontak kantor layanan").
			hasHTML(`name="documents.buku_tabungan" type="file"`, `capture="environment"`, `name="bank_account.account_number"`)
		// Only what a new account needs; not the account that failed.
		for _, absent := range []string{`name="deceased.nik"`, `name="heir.full_name"`, `name="documents.ktp_ahli_waris"`, "1234567890"} {
			if strings.Contains(fix.body, absent) {
				t.Fatalf("the form shows %s", absent)
			}
		}

		// An unknown bank: nothing recorded, what was typed stays.
		before := len(h.Events(c.ID))
		form := url.Values{"claim_code": {c.Code}, "bank_account.bank_code": {"999"},
			"bank_account.account_number": {"0012345678"}, "bank_account.account_name": {"Siti Aminah"}}
		book := map[string][]byte{"documents.buku_tabungan": testserver.SampleJPEG}
		heir.postFiles("/perbaiki/formulir", form, book).want(http.StatusUnprocessableEntity).
			hasHTML(`value="0012345678"`, `value="Siti Aminah"`, `aria-invalid="true"`)
		// No bank book: said beside its field, the account typed stays.
		form.Set("bank_account.bank_code", "002")
		heir.postFiles("/perbaiki/formulir", form, nil).want(http.StatusUnprocessableEntity).
			hasHTML(`<option value="002" selected>`, `value="0012345678"`).has("Buku tabungan")
		if n := len(h.Events(c.ID)); n != before {
			t.Fatalf("refused forms wrote %d events", n-before)
		}
		// Sent with a paper the form does not offer: only the bank book is read.
		heir.postFiles("/perbaiki/formulir", form, map[string][]byte{"documents.buku_tabungan": testserver.SampleJPEG,
			"documents.kartu_keluarga": testserver.SamplePNG}).
			want(http.StatusOK).has("Rekening baru Anda sudah kami terima", "Dinas Sosial", c.Code)
		events := h.Events(c.ID)
		if len(events) != before+2 {
			t.Fatalf("the proposal wrote %d events", len(events)-before)
		}
		doc, proposal := events[before], events[before+1]
		if doc.Action != "document_replaced" || doc.Changes["document.buku_tabungan.sha256"] == nil ||
			proposal.Action != "bank_account_proposed" || proposal.ActorUsername != "pemohon-daring" {
			t.Fatalf("trail: %+v, %+v", doc, proposal)
		}
		if got := h.Claim(c.ID).Status; got != string(domain.StatusPaymentFailed) {
			t.Fatalf("status %s", got)
		}

		// The officer sees the proposal and retries with it.
		officer := h.staff(domain.RoleDinsosOfficer)
		officer.get(claimPath(c.ID)).want(http.StatusOK).has("Rekening baru usulan ahli waris", "0012345678",
			"Ahli waris mengusulkan rekening baru secara daring")
		retry := officer.get(actionPagePath(c.ID, "retry_payment")).want(http.StatusOK).
			has("diisi dari usulan ahli waris").
			hasHTML(`<option value="002" selected>`, `value="0012345678"`, `value="Siti Aminah"`)
		version := regexpFind(t, retry.body, `name="version" value="([0-9]+)"`)
		officer.post(actionPagePath(c.ID, "retry_payment"), url.Values{"version": {version},
			"bank_account.bank_code": {"002"}, "bank_account.account_number": {"0012345678"},
			"bank_account.account_name": {"Siti Aminah"}}).wantRedirect(claimPath(c.ID))
		if got := h.Claim(c.ID); got.Status != string(domain.StatusApproved) || got.BankAccount.BankName != "Bank Rakyat Indonesia (BRI)" {
			t.Fatalf("after retry_payment: %s, %s", got.Status, got.BankAccount.BankName)
		}
		// Approved again, the claim page has no proposal left to show.
		officer.get(claimPath(c.ID)).want(http.StatusOK).hasNot("Rekening baru usulan ahli waris")
	})
}
