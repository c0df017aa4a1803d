package payments_test

import (
	"errors"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/together"
	"santunan/payments"
	"santunan/workflow"
)

// lostRace reports whether err is what a transaction that lost a race on a
// claim must hear: the claim's new status, or its new version.
func lostRace(err error) bool {
	var transition *domain.TransitionError
	var conflict *domain.VersionConflictError
	return errors.As(err, &transition) || errors.As(err, &conflict)
}

// tally counts successes and checks that every failure is a lost race.
func tally(t *testing.T, errs []error, lost func(error) bool) int {
	t.Helper()
	ok := 0
	for i, err := range errs {
		switch {
		case err == nil:
			ok++
		case !lost(err):
			t.Errorf("contender %d: %v, want a lost race", i, err)
		}
	}
	return ok
}

func (e *env) committed(t *testing.T) domain.Rupiah {
	t.Helper()
	b, err := e.svc.GetBudget(ctx, e.officer, 2026)
	if err != nil {
		t.Fatal(err)
	}
	return b.Committed
}

// The budget guard writes (a commitment) before the version swap decides. A
// claim read without a lock let every contender pass the table's check and
// then fail on the commitment's primary key: a 500. Locked first, each
// loser reads the approved claim and hears invalid_transition.
func TestConcurrentApprovalsOfOneClaim(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		id := e.verified(t, 1, 1)[0]
		errs := together.Run(20, func(int) error {
			_, err := e.engine.Apply(ctx, e.officer, id, domain.ActionApprove, workflow.ActionInput{})
			return err
		})
		if ok := tally(t, errs, lostRace); ok != 1 {
			t.Fatalf("%d approvals succeeded, want 1", ok)
		}
		if got := e.committed(t); got != domain.DefaultBenefit {
			t.Fatalf("committed %d, want one benefit", got)
		}
		e.auditOK(t)
	})
}

// Ten cancels of one approved claim: the release ran in every contender
// and found nothing to release in all but one (a 500).
func TestConcurrentCancelsOfApprovedClaim(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		id := e.approved(t, 1, 1)[0]
		errs := together.Run(10, func(int) error {
			_, err := e.engine.Apply(ctx, e.officer, id, domain.ActionCancel, workflow.ActionInput{Reason: "ahli waris membatalkan"})
			return err
		})
		if ok := tally(t, errs, lostRace); ok != 1 {
			t.Fatalf("%d cancels succeeded, want 1", ok)
		}
		if got := e.committed(t); got != 0 {
			t.Fatalf("committed %d after the cancel, want 0", got)
		}
		e.auditOK(t)
	})
}

// One decree posted several times at once: one is made, the others hear
// that its number is taken, not that its claims are no longer verified.
func TestSameDecreePostedAtOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		ids := e.verified(t, 1, 5)
		req := payments.DecreeRequest{Number: "400.9/77/2026", Date: "2026-11-20", ClaimIDs: ids}
		errs := together.Run(8, func(int) error {
			_, err := e.svc.CreateDecree(ctx, e.officer, req)
			return err
		})
		duplicate := func(err error) bool { return errors.Is(err, domain.ErrDuplicateDecree) }
		if ok := tally(t, errs, duplicate); ok != 1 {
			t.Fatalf("%d decrees made, want 1", ok)
		}
		if got := e.committed(t); got != 5*domain.DefaultBenefit {
			t.Fatalf("committed %d, want five benefits", got)
		}
		e.auditOK(t)
	})
}

// A decree racing single approvals of its own claims: every claim is
// approved exactly once, by one or the other, and the budget holds each once.
func TestDecreeRacingSingleApprovals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		ids := e.verified(t, 1, 6)
		refusedOrLost := func(err error) bool { return lostRace(err) || errors.Is(err, domain.ErrRefused) }
		// Contender 0 is the decree over every claim, listed backwards so
		// that only the engine's id order keeps it from deadlocking; the
		// others approve one claim each.
		errs := together.Run(1+len(ids), func(i int) error {
			if i == 0 {
				rev := make([]int64, len(ids))
				for j, id := range ids {
					rev[len(ids)-1-j] = id
				}
				_, err := e.svc.CreateDecree(ctx, e.officer, payments.DecreeRequest{Number: "400.9/78/2026", Date: "2026-11-20", ClaimIDs: rev})
				return err
			}
			_, err := e.engine.Apply(ctx, e.officer, ids[i-1], domain.ActionApprove, workflow.ActionInput{})
			return err
		})
		tally(t, errs, refusedOrLost)
		for _, id := range ids {
			approvals := 0
			for _, ev := range e.events(t, id) {
				if ev.Action == domain.ActionApprove {
					approvals++
				}
			}
			if approvals != 1 || e.status(t, id) != domain.StatusApproved {
				t.Fatalf("claim %d: %d approvals, status %s", id, approvals, e.status(t, id))
			}
		}
		if got := e.committed(t); got != domain.Rupiah(len(ids))*domain.DefaultBenefit {
			t.Fatalf("committed %d, want %d benefits", got, len(ids))
		}
		e.auditOK(t)
	})
}

// retry_payment racing itself and a cancel of the same failed claim: one
// retry wins, the budget commitment is neither doubled nor lost.
func TestRetryPaymentRacingItselfAndCancel(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		id := e.failedPayment(t)
		account := claimInput(1).BankAccount
		account.AccountNumber = "9876543210"
		errs := together.Run(6, func(i int) error {
			if i == 5 {
				_, err := e.engine.Apply(ctx, e.officer, id, domain.ActionCancel, workflow.ActionInput{Reason: "ahli waris meninggal"})
				return err
			}
			_, err := e.engine.Apply(ctx, e.officer, id, domain.ActionRetryPayment, workflow.ActionInput{BankAccount: &account})
			return err
		})
		ok := tally(t, errs, lostRace)
		retried := 0
		for _, err := range errs[:5] {
			if err == nil {
				retried++
			}
		}
		if retried > 1 || ok < 1 {
			t.Fatalf("%d retries and %d successes in all (errors %v)", retried, ok, errs)
		}
		want := domain.DefaultBenefit
		if e.status(t, id) == domain.StatusCancelled {
			want = 0
		}
		if got := e.committed(t); got != want {
			t.Fatalf("committed %d with the claim %s, want %d", got, e.status(t, id), want)
		}
		e.auditOK(t)
	})
}

// failedPayment brings one claim to payment_failed through a batch and a
// FAILED result line.
func (e *env) failedPayment(t *testing.T) int64 {
	t.Helper()
	ids := e.approved(t, 1, 1)
	b := e.sentBatch(t, ids)
	raw := resultCSV(b, map[string]string{b.Items[0].ClaimCode: "REKENING TIDAK DITEMUKAN"})
	if _, err := e.svc.ApplyResults(ctx, e.treasurer, b.ID, payments.ResultFile{Format: payments.FormatCSV, Raw: raw}); err != nil {
		t.Fatalf("apply results: %v", err)
	}
	if s := e.status(t, ids[0]); s != domain.StatusPaymentFailed {
		t.Fatalf("claim is %s", s)
	}
	return ids[0]
}
