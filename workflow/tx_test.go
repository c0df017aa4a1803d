package workflow_test

import (
	"context"
	"errors"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

func TestGuardCanRefuseAnAction(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		refusal := domain.FieldError("documents", "missing")
		var seen []domain.Status
		b.engine = workflow.New(db, workflow.Options{
			Areas: fixture.Areas(t), RegencyCode: "3324", WindowDays: 90, Now: fixture.Clock(),
			Guards: map[domain.Action][]workflow.Guard{domain.ActionApprove: {
				func(tx *workflow.Tx, actor domain.Actor, action domain.Action, before, after domain.Claim) error {
					seen = append(seen, before.Status, after.Status)
					return refusal
				},
			}},
		})
		c := b.claimIn(t, 1, domain.StatusDeathVerified)
		_, err := b.engine.Apply(context.Background(), b.officer, c.ID, domain.ActionApprove, workflow.ActionInput{})
		if !errors.Is(err, domain.ErrValidation) {
			t.Fatalf("err = %v, want the guard's refusal", err)
		}
		if len(seen) != 2 || seen[0] != domain.StatusDeathVerified || seen[1] != domain.StatusApproved {
			t.Fatalf("guard saw %v, want death_verified -> approved", seen)
		}
		after, _ := b.engine.Get(context.Background(), c.ID)
		if after.Version != c.Version || after.Status != domain.StatusDeathVerified {
			t.Fatalf("refused approval changed the claim: %+v", after)
		}
	})
}

func TestRecordAppendsAnEventWithoutChangingStatus(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		var got domain.Claim
		err := b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			var err error
			got, err = tx.Record(b.clerk, c.ID, "document_uploaded", "akta kematian",
				map[string]domain.Change{"document.akta_kematian.sha256": {New: "ab12"}})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != domain.StatusSubmitted || got.Version != c.Version+1 {
			t.Fatalf("after record: %+v", got)
		}
		events, _ := b.engine.Events(ctx, c.ID)
		last := events[len(events)-1]
		if last.Action != "document_uploaded" || last.FromStatus != last.ToStatus || last.Changes["document.akta_kematian.sha256"].New != "ab12" {
			t.Fatalf("recorded event = %+v", last)
		}
		if report, err := b.engine.VerifyAudit(ctx); err != nil || !report.OK() {
			t.Fatalf("verify after record: %+v %v", report, err)
		}
		err = b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			_, err := tx.Record(b.clerk, c.ID, domain.ActionApprove, "", nil)
			return err
		})
		if err == nil {
			t.Fatal("Record took a workflow action")
		}
		err = b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			_, err := tx.Record(b.clerk, c.ID, "document_uploaded", "", map[string]domain.Change{"bank_account.account_number": {New: "5550001111"}})
			return err
		})
		if err == nil {
			t.Fatal("Record wrote a change to a claim field without changing the claim")
		}
	})
}

// Actions in one engine transaction commit together or not at all.
func TestInTxIsAllOrNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		one := b.claimIn(t, 1, domain.StatusApproved)
		two := b.claimIn(t, 2, domain.StatusApproved)
		boom := errors.New("bank file could not be written")
		err := b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			for _, id := range []int64{one.ID, two.ID} {
				if _, err := tx.Apply(b.treasurer, id, domain.ActionStartPayment, workflow.ActionInput{}); err != nil {
					return err
				}
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
		for _, c := range []domain.Claim{one, two} {
			got, _ := b.engine.Get(ctx, c.ID)
			events, _ := b.engine.Events(ctx, c.ID)
			if got.Status != domain.StatusApproved || len(events) != c.Version {
				t.Fatalf("claim %d changed by a rolled-back transaction: %s, %d events", c.ID, got.Status, len(events))
			}
		}
	})
}
