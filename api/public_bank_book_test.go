package api_test

import (
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// A failed transfer fixed online: the heir sends a new bank book and
// account, the trail records both by the applicant with the status kept,
// and the officer's retry_payment with that account leads to a paid claim.
func TestFailedTransferGetsNewBankBookOnline(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		c := s.Bring(1, domain.StatusPaymentFailed)
		heirNIK, onFile := fixture.ClaimInput(1).Heir.NIK, "+6281234567890"

		// Only a claim that waits for the heir: approved and paid are 409.
		for n, status := range map[int]domain.Status{2: domain.StatusApproved, 3: domain.StatusPaid} {
			other := s.Bring(n, status)
			e := s.ExpectError(s.Send(http.MethodPost, "/api/v1/public/corrections/phone-checks", "",
				map[string]string{"code": other.Code, "heir_nik": fixture.ClaimInput(n).Heir.NIK}),
				http.StatusConflict, "invalid_transition")
			if e.Error.Status != string(status) {
				t.Fatalf("%s: refusal names status %q", status, e.Error.Status)
			}
		}

		token := s.FixToken(c.Code, heirNIK, onFile)
		newAccount := map[string]string{"bank_code": "002", "account_number": "0012 3456 7890", "account_name": "Siti Aminah"}
		book := map[domain.DocumentKind][]byte{domain.DocumentBukuTabungan: testserver.SampleJPEG}
		withKTP := map[domain.DocumentKind][]byte{domain.DocumentBukuTabungan: testserver.SampleJPEG,
			domain.DocumentKTPAhliWaris: testserver.SamplePNG}
		before := len(s.Events(c.ID))
		refusals := []struct {
			name  string
			body  map[string]any
			files map[domain.DocumentKind][]byte
			field string
		}{
			{"another kind of document", map[string]any{"code": c.Code, "bank_account": newAccount}, withKTP, "documents.ktp_ahli_waris"},
			{"the heir's data", map[string]any{"code": c.Code, "bank_account": newAccount,
				"heir": map[string]any{"nik": heirNIK, "full_name": "Siti", "relationship": "spouse"}}, book, "heir"},
			{"the deceased's data", map[string]any{"code": c.Code, "bank_account": newAccount,
				"deceased": map[string]any{"nik": fixture.ClaimInput(1).Deceased.NIK}}, book, "deceased"},
			{"no bank book", map[string]any{"code": c.Code, "bank_account": newAccount}, nil, "documents.buku_tabungan"},
			{"no account", map[string]any{"code": c.Code}, book, "bank_account"},
			{"an unknown bank", map[string]any{"code": c.Code, "bank_account": map[string]string{
				"bank_code": "999", "account_number": "0012345678", "account_name": "Siti Aminah"}}, book, "bank_account.bank_code"},
			{"a bad account number", map[string]any{"code": c.Code, "bank_account": map[string]string{
				"bank_code": "002", "account_number": "12", "account_name": "Siti Aminah"}}, book, "bank_account.account_number"},
		}
		for _, r := range refusals {
			e := s.ExpectError(s.Correct(token, r.body, r.files), http.StatusUnprocessableEntity, "validation_failed")
			if e.Error.Fields[r.field] == "" {
				t.Fatalf("%s: fields %v, want %s", r.name, e.Error.Fields, r.field)
			}
		}
		if n := len(s.Events(c.ID)); n != before {
			t.Fatalf("refused corrections wrote %d events", n-before)
		}

		// The session outlived the refusals; the proposal goes through.
		var out publicClaim
		s.Expect(s.Correct(token, map[string]any{"code": c.Code, "bank_account": newAccount}, book), http.StatusOK, &out)
		if out.Status != string(domain.StatusPaymentFailed) {
			t.Fatalf("status after the proposal %s", out.Status)
		}
		events := s.Events(c.ID)
		doc, proposal := events[len(events)-2], events[len(events)-1]
		if doc.Action != "document_replaced" || doc.ActorUsername != "pemohon-daring" ||
			proposal.Action != "bank_account_proposed" || proposal.ActorUsername != "pemohon-daring" {
			t.Fatalf("trail ends %+v, %+v", doc, proposal)
		}
		want := map[string]string{"proposed.bank_account.bank_code": "002",
			"proposed.bank_account.account_number": "001234567890", "proposed.bank_account.account_name": "Siti Aminah"}
		for field, v := range want {
			if got := proposal.Changes[field]; got["new"] != v || got["old"] != "" {
				t.Fatalf("proposal %s: %v, want new %q", field, got, v)
			}
		}
		if len(proposal.Changes) != len(want) {
			t.Fatalf("proposal changes %v: the claim's own fields stay", proposal.Changes)
		}
		if got := s.Claim(c.ID); got.Status != string(domain.StatusPaymentFailed) || got.BankAccount.BankName != "Bank Jateng" {
			t.Fatalf("claim after the proposal: %s, %s", got.Status, got.BankAccount.BankName)
		}
		s.ExpectError(s.Correct(token, map[string]any{"code": c.Code, "bank_account": newAccount}, book),
			http.StatusUnauthorized, "phone_check_required")

		// A second proposal replaces the first, recorded in full; the
		// trail's old values are the first's, so it still replays (AuditOK).
		token = s.FixToken(c.Code, heirNIK, onFile)
		newAccount["account_number"] = "0012345678901"
		s.Expect(s.Correct(token, map[string]any{"code": c.Code, "bank_account": newAccount}, book), http.StatusOK, &out)
		events = s.Events(c.ID)
		if got := events[len(events)-1].Changes; len(got) != 3 || got["proposed.bank_account.bank_code"]["old"] != "002" ||
			got["proposed.bank_account.account_number"]["old"] != want["proposed.bank_account.account_number"] {
			t.Fatalf("second proposal's changes %v", got)
		}
		want["proposed.bank_account.account_number"] = "0012345678901"

		// The officer retries with the proposed account; a new batch pays it.
		c = s.Act(s.Claim(c.ID), domain.RoleDinsosOfficer, "retry_payment", map[string]any{"bank_account": map[string]string{
			"bank_code": want["proposed.bank_account.bank_code"], "account_number": want["proposed.bank_account.account_number"],
			"account_name": want["proposed.bank_account.account_name"]}})
		if c.Status != string(domain.StatusApproved) || c.BankAccount.BankName != "Bank Rakyat Indonesia (BRI)" {
			t.Fatalf("after retry_payment: %s, %s", c.Status, c.BankAccount.BankName)
		}
		b := s.NewBatch(c)
		s.SendTransferFile(b.ID)
		s.ApplyResults(b, nil)
		if got := s.Claim(c.ID).Status; got != string(domain.StatusPaid) {
			t.Fatalf("status after the new batch %s", got)
		}
		s.AuditOK()
	})
}
