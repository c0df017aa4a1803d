package api_test

import (
	"net/http"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// An heir with only a phone, from the online application to the money in
// the account, on the production wiring: the papers are the phone's photos,
// no one at an office types anything but the clerk's accept, the officer's
// approval and the treasurer's batch, and the fake SMS gateway receives one
// message for each step the heir should hear of, in order, each with the
// claim's code and its tracking link and never a NIK or the account number.
func TestHeirJourneyFromPhoneToPaidWithAMessageAtEachStep(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		phone := testserver.Phone(7)
		in := fixture.ClaimInput(7)
		photos := map[domain.DocumentKind][]byte{}
		for _, k := range append(append([]domain.DocumentKind{}, testserver.VerifyDocuments...), testserver.ApproveDocuments...) {
			photos[k] = testserver.SampleJPEG
		}
		// Each step's message reaches the phone before the next step is
		// taken, as steps hours apart would (the worker does not promise
		// an order between messages queued together).
		sent, code := 0, ""
		heard := func(step, says string) {
			t.Helper()
			sent++
			s.Gateway.WaitFor(t, sent)
			msgs := s.Gateway.To(phone)
			if len(msgs) != sent {
				t.Fatalf("after %s: %d messages to the heir, want %d: %+v", step, len(msgs), sent, msgs)
			}
			m := msgs[sent-1]
			if !strings.Contains(strings.ToLower(m.Text), says) {
				t.Errorf("after %s: %q, want it to say %q", step, m.Text, says)
			}
			for _, earlier := range msgs[:sent-1] {
				if earlier.Key == m.Key {
					t.Errorf("after %s: idempotency key %q used twice", step, m.Key)
				}
			}
			if step == "phone check" {
				return
			}
			if !strings.Contains(m.Text, code) || !strings.Contains(m.Text, "/lacak?kode="+code) {
				t.Errorf("after %s: %q lacks the code or the tracking link", step, m.Text)
			}
			for _, secret := range []string{in.Heir.NIK, in.Deceased.NIK, in.BankAccount.AccountNumber} {
				if strings.Contains(m.Text, secret) {
					t.Errorf("after %s: %q carries personal data %q", step, m.Text, secret)
				}
			}
		}
		token := s.PhoneToken(phone)
		heard("phone check", "kode")
		var filed publicClaim
		s.Expect(s.Apply(token, testserver.ApplicationBody(7), photos), http.StatusCreated, &filed)
		code = filed.Code
		heard("apply", "sudah diterima")
		c := byCode(s, filed.Code)
		c = s.Act(c, domain.RoleDukcapilClerk, "accept", map[string]any{})
		heard("accept", "sudah diterima")
		c = s.Act(c, domain.RoleDukcapilClerk, "verify_death", map[string]any{"death_certificate_no": testserver.CertificateNo(7)})
		heard("verify_death", "diverifikasi")
		c = s.Act(c, domain.RoleDinsosOfficer, "approve", nil)
		heard("approve", "disetujui")
		b := s.NewBatch(c)
		s.SendTransferFile(b.ID)
		s.ApplyResults(b, nil)
		heard("the bank's result", "sudah dibayar")
		if got := s.Claim(c.ID).Status; got != string(domain.StatusPaid) {
			t.Fatalf("claim ends %s, want paid", got)
		}

		// The heir's tracking tells where the money went, without the account.
		var tr map[string]any
		s.Expect(s.Send(http.MethodPost, "/api/v1/public/track", "", map[string]string{
			"code": strings.ReplaceAll(c.Code, "-", " "), "heir_nik": in.Heir.NIK}), http.StatusOK, &tr)
		payout, _ := tr["payout"].(map[string]any)
		last4 := in.BankAccount.AccountNumber[len(in.BankAccount.AccountNumber)-4:]
		if tr["status"] != string(domain.StatusPaid) || payout["account_last4"] != last4 {
			t.Errorf("tracking %v, want paid to the account ending %s", tr, last4)
		}
		s.AuditOK()
	})
}
