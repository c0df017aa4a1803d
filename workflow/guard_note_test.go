package workflow_test

import (
	"context"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// A guard reads the action's input and notes a field in its event; the
// note's old value comes from the trail (so the trail replays after a second
// verification), claim fields cannot be noted, and outside a guard Note
// refuses.
func TestGuardReadsInputAndNotesTheEvent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		var confirmed []bool
		b.engine = workflow.New(db, workflow.Options{
			Areas: fixture.Areas(t), RegencyCode: "3324", WindowDays: 90, Now: fixture.Clock(),
			Guards: map[domain.Action][]workflow.Guard{domain.ActionVerifyDeath: {
				func(tx *workflow.Tx, _ domain.Actor, _ domain.Action, _, _ domain.Claim) error {
					in := tx.Input()
					confirmed = append(confirmed, in.ConfirmRegisterMismatch)
					value := "match"
					if in.ConfirmRegisterMismatch {
						value = "mismatch_confirmed"
					}
					if err := tx.Note("death_certificate_no", "forged"); err == nil {
						t.Error("a guard noted a claim field")
					}
					return tx.Note("death_register.match", value)
				},
			}},
		})
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		in := validInput()
		in.ConfirmRegisterMismatch = true
		steps := []struct {
			action domain.Action
			actor  domain.Actor
			in     workflow.ActionInput
		}{
			{domain.ActionVerifyDeath, b.clerk, in},
			{domain.ActionReturn, b.officer, validInput()},
			{domain.ActionResubmit, b.clerk, workflow.ActionInput{}},
			{domain.ActionVerifyDeath, b.clerk, validInput()},
		}
		for _, s := range steps {
			if _, err := b.engine.Apply(ctx, s.actor, c.ID, s.action, s.in); err != nil {
				t.Fatalf("%s: %v", s.action, err)
			}
		}
		if len(confirmed) != 2 || !confirmed[0] || confirmed[1] {
			t.Fatalf("guard saw confirmations %v, want [true false]", confirmed)
		}
		events, _ := b.engine.Events(ctx, c.ID)
		first, second := events[1], events[4]
		if got := first.Changes["death_register.match"]; got != (domain.Change{Old: "", New: "mismatch_confirmed"}) {
			t.Fatalf("first note %+v", got)
		}
		if got := second.Changes["death_register.match"]; got != (domain.Change{Old: "mismatch_confirmed", New: "match"}) {
			t.Fatalf("second note %+v", got)
		}
		if _, noted := events[2].Changes["death_register.match"]; noted {
			t.Fatal("an unguarded action carried a note")
		}
		if report, err := b.engine.VerifyAudit(ctx); err != nil || !report.OK() {
			t.Fatalf("verify: %+v %v", report, err)
		}
		err := b.engine.InTx(ctx, func(tx *workflow.Tx) error {
			if tx.Input().ConfirmRegisterMismatch {
				t.Error("Input outside a guard is not zero")
			}
			return tx.Note("x", "y")
		})
		if err == nil {
			t.Fatal("Note outside a guard was accepted")
		}
	})
}
