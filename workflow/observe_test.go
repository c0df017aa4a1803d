package workflow_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// heard is what an observer was told, one "action outcome" per action.
type heard []string

func (h *heard) observe(action domain.Action, err error) {
	outcome := "ok"
	switch {
	case errors.Is(err, workflow.ErrRolledBack):
		outcome = "rolled_back"
	case errors.Is(err, domain.ErrInvalidTransition):
		outcome = "invalid_transition"
	case errors.Is(err, domain.ErrValidation):
		outcome = "validation"
	case errors.Is(err, domain.ErrForbidden):
		outcome = "forbidden"
	case errors.Is(err, domain.ErrReservedAction):
		outcome = "reserved"
	case err != nil:
		outcome = "other"
	}
	*h = append(*h, string(action)+" "+outcome)
}

// The observer hears every action once with its outcome: submit, actions
// through Engine.Apply (refused before, inside or at the end of the
// transaction), and each action of a capability's transaction, those that
// rolled back with a later refusal too. An unknown action is not heard.
func TestObserverHearsEachActionOnceWithItsOutcome(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		var h heard
		cfg := fixture.EngineOptions(t)
		cfg.Observe = h.observe
		cfg.Reserved = []domain.Action{domain.ActionStartPayment}
		b := setup(t, db)
		b.engine = workflow.New(db, cfg)
		ctx := context.Background()

		one := b.claimIn(t, 1, domain.StatusSubmitted)
		two := b.claimIn(t, 2, domain.StatusDeathVerified)
		if _, err := b.engine.Submit(ctx, b.clerk, domain.ClaimInput{}); err == nil {
			t.Fatal("an empty claim was filed")
		}
		steps := []struct {
			actor  domain.Actor
			id     int64
			action domain.Action
		}{
			{b.officer, one.ID, domain.ActionApprove},        // not from submitted
			{b.treasurer, one.ID, domain.ActionReject},       // never the treasurer's
			{b.treasurer, two.ID, domain.ActionStartPayment}, // reserved
			{b.clerk, one.ID, "teleport"},                    // unknown: not heard
			{b.clerk, 999_999, domain.ActionReject},          // no such claim
		}
		for _, s := range steps {
			if _, err := b.engine.Apply(ctx, s.actor, s.id, s.action, validInput()); err == nil {
				t.Fatalf("%s on claim %d was taken", s.action, s.id)
			}
		}
		noReason := workflow.ActionInput{}
		if _, err := b.engine.Apply(ctx, b.clerk, one.ID, domain.ActionReturn, noReason); err == nil {
			t.Fatal("return without a reason was taken")
		}
		// A capability's transaction: the first action passes, the second
		// is refused, so both roll back.
		err := b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			if _, err := tx.Apply(b.officer, two.ID, domain.ActionApprove, noReason); err != nil {
				return err
			}
			_, err := tx.Apply(b.officer, one.ID, domain.ActionApprove, noReason)
			return err
		})
		if !errors.Is(err, domain.ErrInvalidTransition) {
			t.Fatalf("batch: %v", err)
		}
		// A capability committing two actions hears two oks; its first
		// attempt, which the database aborted (40001) and InTx ran again,
		// is not heard at all.
		attempts := 0
		err = b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			attempts++
			if _, err := tx.Apply(b.officer, two.ID, domain.ActionApprove, noReason); err != nil {
				return err
			}
			if attempts == 1 {
				return &pgconn.PgError{Code: "40001"}
			}
			_, err := tx.Apply(b.clerk, one.ID, domain.ActionVerifyDeath, validInput())
			return err
		})
		if err != nil || attempts != 2 {
			t.Fatalf("batch: %v after %d attempts", err, attempts)
		}

		want := heard{"submit ok", "submit ok", "verify_death ok", "submit validation",
			"approve invalid_transition", "reject forbidden", "start_payment reserved", "reject other",
			"return validation",
			"approve rolled_back", "approve invalid_transition",
			"approve ok", "verify_death ok"}
		if fmt.Sprint(h) != fmt.Sprint(want) {
			t.Fatalf("heard\n %v\nwant\n %v", h, want)
		}
	})
}
