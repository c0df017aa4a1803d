package payments_test

import (
	"errors"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/payments"
	"santunan/workflow"
)

// lastEvent is the last event of a claim's trail.
func (e *env) lastEvent(t testing.TB, id int64) domain.Event {
	t.Helper()
	evs := e.events(t, id)
	return evs[len(evs)-1]
}

// A held-back line is taken out of its open batch, with a reason and
// without a bank result: the claim is approved again and goes into a later
// batch, where its unresolved mismatch still holds it back until a check
// matches; then it is sent and paid.
func TestWithdrawAHeldBackLine(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		ids := e.approved(t, 1, 2)
		held, sent := ids[0], ids[1]
		b := e.batchOf(t, ids)
		e.checkName(t, b.ID, held, mismatchedName)
		if _, _, err := e.svc.SendTransfer(ctx, e.treasurer, b.ID); err != nil {
			t.Fatal(err)
		}
		const reason = "Nama rekening berbeda, menunggu perbaikan data"

		refusals := []struct {
			name   string
			actor  domain.Actor
			claim  int64
			reason string
			want   error
		}{
			{"a line the bank has", e.treasurer, sent, reason, domain.ErrLineSent},
			{"no reason", e.treasurer, held, "  ", domain.ErrValidation},
			{"a control character", e.treasurer, held, "alasan\x00", domain.ErrValidation},
			{"not the treasurer", e.officer, held, reason, domain.ErrForbidden},
			{"a claim not in the batch", e.treasurer, 424242, reason, domain.ErrNotFound},
		}
		for _, r := range refusals {
			if _, _, err := e.svc.WithdrawLine(ctx, r.actor, b.ID, r.claim, r.reason); !errors.Is(err, r.want) {
				t.Fatalf("%s: %v, want %v", r.name, err, r.want)
			}
		}

		it, after, err := e.svc.WithdrawLine(ctx, e.treasurer, b.ID, held, reason)
		if err != nil {
			t.Fatal(err)
		}
		if it.State != "withdrawn" || it.FailureReason != reason || it.ResolvedBy == nil || *it.ResolvedBy != e.treasurer.UserID ||
			after.WithdrawnCount != 1 || after.WithdrawnAmount != 1_000_000 || after.PendingCount != 1 || after.Status != payments.BatchOpen {
			t.Fatalf("withdrawn line %+v, batch %+v", it, after)
		}
		if s := e.status(t, held); s != domain.StatusApproved {
			t.Fatalf("withdrawn claim is %s", s)
		}
		if ev := e.lastEvent(t, held); ev.Action != domain.ActionWithdrawPayment || ev.ActorID != e.treasurer.UserID ||
			ev.Reason != reason || ev.FromStatus != domain.StatusDisbursing || ev.ToStatus != domain.StatusApproved {
			t.Fatalf("trail ends with %+v", ev)
		}
		if _, _, err := e.svc.WithdrawLine(ctx, e.treasurer, b.ID, held, reason); !errors.Is(err, domain.ErrLineResolved) {
			t.Fatalf("withdrawn twice: %v", err)
		}
		// The bank has no result for it, whatever a file says.
		_, err = e.results(b, map[string]string{b.Items[0].ClaimCode: "GAGAL"})
		if got := refusedCodes(t, err); got[2] != domain.ViolationLineWithdrawn {
			t.Fatalf("problems %v, want line_withdrawn", got)
		}
		// The sent line's success closes the batch; the figures balance.
		rep, err := e.results(b, map[string]string{b.Items[1].ClaimCode: ""})
		if err != nil || rep.Batch.Status != payments.BatchClosed {
			t.Fatalf("close: %+v %v", rep, err)
		}
		rec, err := e.svc.Reconcile(ctx, e.auditor, b.ID)
		if err != nil || !rec.Balanced || rec.Withdrawn != (payments.Figures{Count: 1, Amount: 1_000_000}) || rec.Pending.Count != 0 {
			t.Fatalf("reconciliation %+v %v", rec, err)
		}

		// Batched again: still held back, until the account name matches.
		next := e.batchOf(t, []int64{held})
		if !next.Items[0].HeldBack {
			t.Fatalf("new line of a claim still flagged %+v is not held back", next.Items[0])
		}
		if _, _, err := e.svc.SendTransfer(ctx, e.treasurer, next.ID); !errors.Is(err, domain.ErrNothingToSend) {
			t.Fatalf("sent a line still flagged: %v", err)
		}
		e.checkName(t, next.ID, held, "SITI AMINAH")
		if _, _, err := e.svc.SendTransfer(ctx, e.treasurer, next.ID); err != nil {
			t.Fatal(err)
		}
		e.paid(t, next)
		if got, _ := e.svc.GetBudget(ctx, e.officer, 2026); got.Committed != 2_000_000 {
			t.Fatalf("committed %d, want both claims once", got.Committed)
		}
		e.auditOK(t)
	})
}

// A held-back line is failed directly, with the treasurer's reason: the
// claim is payment_failed, the officer corrects the account through
// retry_payment, and the claim is batched, sent and paid.
func TestFailAHeldBackLine(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		id := e.approved(t, 1, 1)[0]
		b := e.batchOf(t, []int64{id})
		e.checkName(t, b.ID, id, mismatchedName)
		const reason = "Rekening atas nama orang lain"
		it, after, err := e.svc.FailLine(ctx, e.treasurer, b.ID, id, reason)
		if err != nil {
			t.Fatal(err)
		}
		if it.State != "failed" || it.FailureReason != reason || it.BankReference != "" || after.FailedCount != 1 ||
			after.Status != payments.BatchClosed {
			t.Fatalf("failed line %+v, batch %+v", it, after)
		}
		if ev := e.lastEvent(t, id); ev.Action != domain.ActionFailPayment || ev.ActorID != e.treasurer.UserID || ev.Reason != reason {
			t.Fatalf("trail ends with %+v", ev)
		}
		if _, _, err := e.svc.FailLine(ctx, e.treasurer, b.ID, id, reason); !errors.Is(err, domain.ErrLineResolved) {
			t.Fatalf("failed twice: %v", err)
		}
		if _, _, err := e.svc.SendTransfer(ctx, e.treasurer, b.ID); !errors.Is(err, domain.ErrBatchClosed) {
			t.Fatalf("send a closed batch: %v", err)
		}

		_, err = e.engine.Apply(ctx, e.officer, id, domain.ActionRetryPayment, workflow.ActionInput{
			BankAccount: &domain.BankAccountInput{BankCode: "002", AccountNumber: "0987654321", AccountName: "SITI AMINAH"}})
		if err != nil {
			t.Fatal(err)
		}
		next := e.sentBatch(t, []int64{id})
		if next.Items[0].HeldBack || next.Items[0].TransferFile == nil {
			t.Fatalf("corrected line %+v was not sent", next.Items[0])
		}
		e.paid(t, next)
		e.auditOK(t)
	})
}
