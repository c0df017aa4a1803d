package payments_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"slices"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/together"
	"santunan/payments"
)

// checkName records the name the bank holds for a claim's account; "SITI
// AMINAH BINTI SLAMET" does not match the fixture's "SITI AMINAH".
func (e *env) checkName(t testing.TB, batchID, claimID int64, name string) {
	t.Helper()
	if _, err := e.svc.ConfirmAccounts(ctx, e.treasurer, batchID, []payments.NameCheck{{ClaimID: claimID, NameAtBank: name}}); err != nil {
		t.Fatalf("check account of claim %d: %v", claimID, err)
	}
}

const mismatchedName = "SITI AMINAH BINTI SLAMET"

// results applies a result file for the batch's lines given as code ->
// outcome (see resultCSV).
func (e *env) results(b payments.Batch, outcomes map[string]string) (payments.ResultReport, error) {
	return e.svc.ApplyResults(ctx, e.treasurer, b.ID, payments.ResultFile{Format: payments.FormatCSV, Raw: resultCSV(b, outcomes)})
}

// paid applies a result file that pays every line of the batch, and
// checks that it did.
func (e *env) paid(t testing.TB, b payments.Batch) {
	t.Helper()
	outcomes := map[string]string{}
	for _, c := range codes(b) {
		outcomes[c] = ""
	}
	if rep, err := e.results(b, outcomes); err != nil || rep.Paid != len(b.Items) {
		t.Fatalf("pay batch %d: %+v %v", b.ID, rep, err)
	}
	for _, it := range b.Items {
		if s := e.status(t, it.ClaimID); s != domain.StatusPaid {
			t.Fatalf("claim %d is %s", it.ClaimID, s)
		}
	}
}

// transferRefs lists the claim codes of a transfer file's lines.
func transferRefs(t testing.TB, data []byte) []string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(recs) == 0 || !slices.Equal(recs[0], payments.TransferColumns) {
		t.Fatalf("transfer file %q: %v", data, err)
	}
	var refs []string
	for _, r := range recs[1:] {
		refs = append(refs, r[5])
	}
	return refs
}

// refusedCodes returns line -> code of a refused result file, failing for
// any other outcome.
func refusedCodes(t testing.TB, err error) map[int]string {
	t.Helper()
	var refusal *domain.RefusalError
	if !errors.As(err, &refusal) || refusal.Subject != domain.RefusedResultFile {
		t.Fatalf("err = %v, want the result file refused", err)
	}
	out := map[int]string{}
	for _, p := range refusal.Problems {
		out[p.Line] = p.Code
	}
	return out
}

// Taking the transfer file is a deliberate act that records which lines
// went to the bank; downloading it again only reads that record, and a
// second file carries only the lines that became payable since.
func TestTransferFileSendsEachLineOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		ids := e.approved(t, 1, 3)
		b := e.batchOf(t, ids)
		c := codes(b)
		e.checkName(t, b.ID, ids[1], mismatchedName)

		// Reading before anything was sent changes nothing.
		if _, _, err := e.svc.TransferFile(ctx, e.treasurer, b.ID, 0); !errors.Is(err, domain.ErrTransferNotSent) {
			t.Fatalf("download before sending: %v", err)
		}
		if got, _ := e.svc.GetBatch(ctx, e.treasurer, b.ID); got.SentAt != nil || len(got.TransferFiles) != 0 || got.Items[0].TransferFile != nil {
			t.Fatalf("a download marked the batch sent: %+v", got)
		}

		first, sent, err := e.svc.SendTransfer(ctx, e.treasurer, b.ID)
		if err != nil || sent.SentAt == nil {
			t.Fatalf("send: %v %+v", err, sent)
		}
		if refs := transferRefs(t, first.Data); !slices.Equal(refs, []string{c[0], c[2]}) {
			t.Fatalf("first file lists %v, want the two matching lines", refs)
		}
		sum := sha256.Sum256(first.Data)
		if first.Seq != 1 || first.Lines != 2 || first.Total != 2_000_000 || first.Held != 1 ||
			first.SHA256 != hex.EncodeToString(sum[:]) || first.SentBy != e.treasurer.UserID {
			t.Fatalf("first file record %+v", first.TransferFile)
		}
		for _, seq := range []int{0, 1} {
			again, _, err := e.svc.TransferFile(ctx, e.treasurer, b.ID, seq)
			if err != nil || !bytes.Equal(again.Data, first.Data) || again.TransferFile != first.TransferFile {
				t.Fatalf("download %d: not the file sent (%v)", seq, err)
			}
		}
		got, _ := e.svc.GetBatch(ctx, e.treasurer, b.ID)
		if len(got.TransferFiles) != 1 || got.TransferFiles[0] != first.TransferFile ||
			got.Items[0].TransferFile == nil || *got.Items[0].TransferFile != 1 || got.Items[1].TransferFile != nil ||
			!got.Items[1].HeldBack || got.Items[0].HeldBack {
			t.Fatalf("batch after sending %+v", got)
		}
		// Each claim sent has it on its trail, by the file's hash.
		for i, id := range ids {
			evs := e.events(t, id)
			last := evs[len(evs)-1]
			wasSent := last.Action == domain.EventTransferSent
			if wasSent != (i != 1) || (wasSent && (last.ActorID != e.treasurer.UserID ||
				last.Reason != "Batch #1, transfer file #1, SHA-256 "+first.SHA256)) {
				t.Fatalf("claim %d trail ends with %+v", i, last)
			}
		}

		if _, _, err := e.svc.SendTransfer(ctx, e.treasurer, b.ID); !errors.Is(err, domain.ErrNothingToSend) {
			t.Fatalf("second send with nothing new: %v", err)
		}
		// The mismatch is resolved: only that line goes, in a file of its own.
		e.checkName(t, b.ID, ids[1], "Siti Aminah")
		second, _, err := e.svc.SendTransfer(ctx, e.treasurer, b.ID)
		if err != nil || second.Seq != 2 || second.Lines != 1 || second.Held != 0 {
			t.Fatalf("second file: %v %+v", err, second.TransferFile)
		}
		if refs := transferRefs(t, second.Data); !slices.Equal(refs, []string{c[1]}) {
			t.Fatalf("second file lists %v", refs)
		}
		if again, _, _ := e.svc.TransferFile(ctx, e.treasurer, b.ID, 1); !bytes.Equal(again.Data, first.Data) {
			t.Fatal("the first file changed after the second was sent")
		}
		if last, _, _ := e.svc.TransferFile(ctx, e.treasurer, b.ID, 0); !bytes.Equal(last.Data, second.Data) {
			t.Fatal("the last file is not the second")
		}
		if _, _, err := e.svc.TransferFile(ctx, e.treasurer, b.ID, 3); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("file 3: %v", err)
		}
		for _, a := range []domain.Actor{e.officer, e.auditor} {
			if _, _, err := e.svc.SendTransfer(ctx, a, b.ID); !errors.Is(err, domain.ErrForbidden) {
				t.Fatalf("%s sends: %v", a.Role, err)
			}
		}
		e.auditOK(t)
	})
}

// The bank cannot have paid a line it was never sent: a SUCCESS for a
// held-back line, or for any line of a batch whose file was never taken,
// refuses the whole file. A FAILED for such a line is accepted.
func TestSuccessForALineTheBankNeverHadIsRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		ids := e.approved(t, 1, 2)
		b := e.batchOf(t, ids)
		c := codes(b)
		apply := func(outcomes map[string]string) (payments.ResultReport, error) { return e.results(b, outcomes) }

		// Never sent: every SUCCESS line is refused, and nothing is applied.
		_, err := apply(map[string]string{c[0]: "", c[1]: ""})
		if got := refusedCodes(t, err); len(got) != 2 || got[2] != domain.ViolationNotSent || got[3] != domain.ViolationNotSent {
			t.Fatalf("problems %v, want both lines not_sent", got)
		}

		// Sent, but the first line held back for its account name.
		e.checkName(t, b.ID, ids[0], mismatchedName)
		if _, _, err := e.svc.SendTransfer(ctx, e.treasurer, b.ID); err != nil {
			t.Fatal(err)
		}
		_, err = apply(map[string]string{c[0]: "", c[1]: ""})
		if got := refusedCodes(t, err); len(got) != 1 || got[2] != domain.ViolationHeldBack {
			t.Fatalf("problems %v, want the held-back line refused", got)
		}
		for _, id := range ids {
			if s := e.status(t, id); s != domain.StatusDisbursing {
				t.Fatalf("claim %d is %s after a refused file", id, s)
			}
		}

		// The bank's failure of the held-back line stands.
		rep, err := apply(map[string]string{c[0]: "REKENING TIDAK DIKIRIM", c[1]: ""})
		if err != nil || rep.Paid != 1 || rep.Failed != 1 || rep.Batch.Status != payments.BatchClosed {
			t.Fatalf("report %+v %v", rep, err)
		}
		if e.status(t, ids[0]) != domain.StatusPaymentFailed || e.status(t, ids[1]) != domain.StatusPaid {
			t.Fatal("claims not failed and paid")
		}
		e.auditOK(t)
	})
}

// The database keeps the rule even for code that forgets it.
func TestDatabaseRefusesPayingAnUnsentLine(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		b := e.batchOf(t, e.approved(t, 1, 1))
		err := db.Write.Exec(`UPDATE disbursement_items SET state = 'paid', bank_reference = 'X', resolved_at = ? WHERE batch_id = ?`,
			b.CreatedAt, b.ID).Error
		if err == nil {
			t.Fatal("an unsent line was marked paid")
		}
		e.sentBatch(t, e.approved(t, 2, 1))
		if err := db.Write.Exec(`UPDATE disbursement_items SET sent_in = NULL WHERE sent_in IS NOT NULL`).Error; err == nil {
			t.Fatal("a sent line was unsent")
		}
		if err := db.Write.Exec(`UPDATE disbursement_transfer_files SET sha256 = 'x'`).Error; err == nil {
			t.Fatal("a transfer file record was edited")
		}
		if err := db.Write.Exec(`DELETE FROM disbursement_transfer_files`).Error; err == nil {
			t.Fatal("a transfer file record was deleted")
		}
	})
}

// A closed batch has nothing to send: a clear refusal, and the files it
// sent can still be downloaded; never an internal error.
func TestTransferFileOfAClosedBatch(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		sent := e.sentBatch(t, e.approved(t, 1, 1))
		file, _, _ := e.svc.TransferFile(ctx, e.treasurer, sent.ID, 0)
		unsent := e.batchOf(t, e.approved(t, 2, 1))
		for _, b := range []payments.Batch{sent, unsent} {
			outcome := map[string]string{b.Items[0].ClaimCode: ""}
			if b.ID == unsent.ID {
				outcome[b.Items[0].ClaimCode] = "REKENING TUTUP"
			}
			rep, err := e.results(b, outcome)
			if err != nil || rep.Batch.Status != payments.BatchClosed {
				t.Fatalf("close batch %d: %+v %v", b.ID, rep, err)
			}
			if _, _, err := e.svc.SendTransfer(ctx, e.treasurer, b.ID); !errors.Is(err, domain.ErrBatchClosed) {
				t.Fatalf("send closed batch %d: %v", b.ID, err)
			}
		}
		again, _, err := e.svc.TransferFile(ctx, e.treasurer, sent.ID, 0)
		if err != nil || !bytes.Equal(again.Data, file.Data) {
			t.Fatalf("download from a closed batch: %v", err)
		}
		if _, _, err := e.svc.TransferFile(ctx, e.treasurer, unsent.ID, 0); !errors.Is(err, domain.ErrTransferNotSent) {
			t.Fatalf("download from a closed batch never sent: %v", err)
		}
	})
}

// Treasurers taking the file at once, and a withdrawal racing them: one
// file is recorded, the others hear there is nothing to send, and a line is
// either withdrawn (and in no file) or sent (and not withdrawn), never both.
func TestTransferFileRaces(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		ids := e.approved(t, 1, 4)
		b := e.batchOf(t, ids)
		files := make([]payments.Transfer, 5)
		errs := together.Run(6, func(i int) error {
			if i == 5 {
				_, _, err := e.svc.WithdrawLine(ctx, e.treasurer, b.ID, ids[0], "Ditarik sebelum dikirim")
				return err
			}
			var err error
			files[i], _, err = e.svc.SendTransfer(ctx, e.treasurer, b.ID)
			return err
		})
		sentFiles := 0
		for i, err := range errs[:5] {
			switch {
			case err == nil:
				sentFiles++
			case !errors.Is(err, domain.ErrNothingToSend):
				t.Fatalf("sender %d: %v", i, err)
			}
		}
		withdrawn := errs[5] == nil
		if errs[5] != nil && !errors.Is(errs[5], domain.ErrLineSent) {
			t.Fatalf("withdrawal: %v", errs[5])
		}
		got, _ := e.svc.GetBatch(ctx, e.treasurer, b.ID)
		var inFiles int
		for _, f := range got.TransferFiles {
			inFiles += f.Lines
		}
		first := got.Items[0]
		if sentFiles != 1 || len(got.TransferFiles) != 1 || inFiles != 4-btoi(withdrawn) ||
			withdrawn != (first.State == "withdrawn") || withdrawn == (first.TransferFile != nil) {
			t.Fatalf("%d files sent (%+v), withdrawn %v, first line %+v", sentFiles, got.TransferFiles, withdrawn, first)
		}
		e.auditOK(t)
	})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
