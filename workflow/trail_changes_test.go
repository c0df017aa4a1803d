package workflow_test

import (
	"context"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// TrailChanges gives each field outside the claim its last value in the
// trail as the old one, so recorded events keep the trail replayable, and
// refuses claim fields.
func TestTrailChangesStartFromTheTrailsLastValues(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		record := func(value string) map[string]domain.Change {
			t.Helper()
			var changes map[string]domain.Change
			err := b.engine.InTx(ctx, func(tx *workflow.Tx) error {
				var err error
				if changes, err = tx.TrailChanges(c.ID, map[string]string{"proposed.x": value}); err != nil {
					return err
				}
				_, err = tx.Record(b.clerk, c.ID, "proposed", "", changes)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return changes
		}
		if got := record("a")["proposed.x"]; got.Old != "" || got.New != "a" {
			t.Fatalf("first change %+v", got)
		}
		if got := record("b")["proposed.x"]; got.Old != "a" || got.New != "b" {
			t.Fatalf("second change %+v", got)
		}
		if report, err := b.engine.VerifyAudit(ctx); err != nil || !report.OK() {
			t.Fatalf("verify: %+v %v", report, err)
		}
		for _, field := range []string{"bank_account.account_number", ""} {
			err := b.engine.InTx(ctx, func(tx *workflow.Tx) error {
				_, err := tx.TrailChanges(c.ID, map[string]string{field: "x"})
				return err
			})
			if err == nil {
				t.Fatalf("TrailChanges took field %q", field)
			}
		}
	})
}
