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

// A claim's page names its decree and every batch that carried it, newest
// first, with each line's outcome.
func TestClaimPaymentNamesDecreeAndBatches(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		ids := e.verified(t, 1, 2)
		other := e.approved(t, 3, 1)[0] // approved on its own, no decree
		d, err := e.svc.CreateDecree(ctx, e.officer, payments.DecreeRequest{Number: "400.9/7/2026", Date: "2026-11-28", ClaimIDs: ids})
		if err != nil {
			t.Fatal(err)
		}
		id := ids[0]
		got, err := e.svc.ClaimPayment(ctx, e.auditor, id)
		if err != nil || got.Decree == nil || got.Decree.ID != d.ID || got.Decree.Number != "400.9/7/2026" ||
			got.Decree.Date.String() != "2026-11-28" || len(got.Batches) != 0 {
			t.Fatalf("before any batch: %+v %v", got, err)
		}

		first := e.sentBatch(t, []int64{id, other})
		if _, err := e.svc.ApplyResults(ctx, e.treasurer, first.ID, payments.ResultFile{Format: payments.FormatCSV,
			Raw: resultCSV(first, map[string]string{first.Items[0].ClaimCode: "REKENING DITUTUP", first.Items[1].ClaimCode: ""})}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.engine.Apply(ctx, e.officer, id, domain.ActionRetryPayment, workflow.ActionInput{
			BankAccount: &domain.BankAccountInput{BankCode: "002", AccountNumber: "0987654321", AccountName: "SITI AMINAH"}}); err != nil {
			t.Fatal(err)
		}
		second := e.batchOf(t, []int64{id})

		got, err = e.svc.ClaimPayment(ctx, e.treasurer, id)
		if err != nil {
			t.Fatal(err)
		}
		want := []payments.BatchRef{
			{ID: second.ID, Status: payments.BatchOpen, State: "pending"},
			{ID: first.ID, Status: payments.BatchClosed, State: "failed", FailureReason: "REKENING DITUTUP"},
		}
		if len(got.Batches) != len(want) {
			t.Fatalf("batches %+v, want %+v", got.Batches, want)
		}
		for i := range want {
			if got.Batches[i] != want[i] {
				t.Errorf("batch %d: %+v, want %+v", i, got.Batches[i], want[i])
			}
		}
		paid, err := e.svc.ClaimPayment(ctx, e.officer, other)
		if err != nil || paid.Decree != nil || len(paid.Batches) != 1 || paid.Batches[0].State != "paid" ||
			paid.Batches[0].BankReference == "" {
			t.Fatalf("claim approved without a decree: %+v %v", paid, err)
		}

		for _, actor := range []domain.Actor{e.clerk, e.admin} {
			if _, err := e.svc.ClaimPayment(ctx, actor, id); !errors.Is(err, domain.ErrForbidden) {
				t.Errorf("%s reads payment facts: %v", actor.Role, err)
			}
		}
		none, err := e.svc.ClaimPayment(ctx, e.auditor, 999_999)
		if err != nil || none.Decree != nil || len(none.Batches) != 0 {
			t.Fatalf("unknown claim: %+v %v", none, err)
		}
	})
}

// A refusal report names claims by code, read in one query.
func TestClaimCodes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		ids := e.verified(t, 1, 2)
		got, err := e.svc.ClaimCodes(ctx, e.treasurer, append(ids, 999_999))
		if err != nil || len(got) != 2 {
			t.Fatalf("codes %v %v", got, err)
		}
		for _, id := range ids {
			c, _ := e.engine.Get(ctx, id)
			if got[id] != c.Code {
				t.Errorf("claim %d: code %q, want %q", id, got[id], c.Code)
			}
		}
		if none, err := e.svc.ClaimCodes(ctx, e.officer, nil); err != nil || len(none) != 0 {
			t.Fatalf("no ids: %v %v", none, err)
		}
		if _, err := e.svc.ClaimCodes(ctx, e.clerk, ids); !errors.Is(err, domain.ErrForbidden) {
			t.Fatalf("clerk: %v", err)
		}
	})
}
