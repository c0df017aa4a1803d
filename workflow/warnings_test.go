package workflow_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

func TestFlagPutsAndTakesAWarningThroughTheTrail(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusDisbursing)
		flag := func(on bool) domain.Claim {
			var out domain.Claim
			err := b.engine.InTx(ctx, func(tx *workflow.Tx) error {
				var err error
				out, err = tx.Flag(b.treasurer, c.ID, "account_checked", domain.WarningAccountNameMismatch, on, "SITI A", nil)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		on := flag(true)
		again := flag(true) // already flagged: nothing written
		off := flag(false)
		if !slices.Contains(on.Warnings, domain.WarningAccountNameMismatch) || again.Version != on.Version ||
			slices.Contains(off.Warnings, domain.WarningAccountNameMismatch) || off.Version != on.Version+1 || off.Status != domain.StatusDisbursing {
			t.Fatalf("on %v v%d, again v%d, off %v v%d", on.Warnings, on.Version, again.Version, off.Warnings, off.Version)
		}
		err := b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			if _, err := tx.Flag(b.treasurer, c.ID, domain.ActionApprove, domain.WarningAccountNameMismatch, true, "", nil); err == nil {
				t.Error("Flag took a workflow action's name")
			}
			if _, err := tx.Flag(b.treasurer, c.ID, "account_checked", "made_up", true, "", nil); err == nil {
				t.Error("Flag took an unknown warning")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := b.engine.VerifyAudit(ctx)
		if err != nil || !rep.OK() {
			t.Fatalf("audit after flags: %v %+v", err, rep.Problems)
		}
	})
}

// approve fixes the amount in force and checks its reason; retry_payment with a new account takes
// off a name-mismatch warning about the old one.
func TestApproveFixesAmountAndRetryClearsTheNameWarning(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		cfg := fixture.EngineOptions(t)
		cfg.Amount = 1_250_000
		b.engine = workflow.New(db, cfg)
		c := b.claimIn(t, 1, domain.StatusApproved)
		if c.Amount != 1_250_000 {
			t.Fatalf("approved amount %d", c.Amount)
		}
		c = b.claimIn(t, 2, domain.StatusPaymentFailed)
		err := b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			_, err := tx.Flag(b.treasurer, c.ID, "account_checked", domain.WarningAccountNameMismatch, true, "", nil)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		c, err = b.engine.Apply(ctx, b.officer, c.ID, domain.ActionRetryPayment, validInput())
		if err != nil || slices.Contains(c.Warnings, domain.WarningAccountNameMismatch) {
			t.Fatalf("retried %v: %v", c.Warnings, err)
		}
		// approve's optional reason (a decree's number) is checked like any reason.
		v := b.claimIn(t, 3, domain.StatusDeathVerified)
		_, err = b.engine.Apply(ctx, b.officer, v.ID, domain.ActionApprove, workflow.ActionInput{Reason: "SK \x00"})
		if !errors.Is(err, domain.ErrValidation) {
			t.Fatalf("approve with a control character in the reason: %v", err)
		}
	})
}
