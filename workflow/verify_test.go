package workflow_test

import (
	"context"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// tamper runs SQL with the append-only triggers out of the way, as an
// attacker with database access could.
func tamper(t *testing.T, db *database.DB, sql string, args ...any) {
	t.Helper()
	if db.IsPostgres() {
		if err := db.Write.Exec("ALTER TABLE claim_events DISABLE TRIGGER claim_events_append_only").Error; err != nil {
			t.Fatal(err)
		}
		defer db.Write.Exec("ALTER TABLE claim_events ENABLE TRIGGER claim_events_append_only")
	} else {
		for _, trg := range []string{"claim_events_no_update", "claim_events_no_delete"} {
			if err := db.Write.Exec("DROP TRIGGER IF EXISTS " + trg).Error; err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := db.Write.Exec(sql, args...).Error; err != nil {
		t.Fatalf("tamper: %v", err)
	}
}

func TestAuditTrailRefusesChanges(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		c := b.claimIn(t, 1, domain.StatusApproved)
		if err := db.Write.Exec("UPDATE claim_events SET reason = 'nothing' WHERE claim_id = ?", c.ID).Error; err == nil {
			t.Error("the database allowed an UPDATE of claim_events")
		}
		if err := db.Write.Exec("DELETE FROM claim_events WHERE claim_id = ?", c.ID).Error; err == nil {
			t.Error("the database allowed a DELETE from claim_events")
		}
	})
}

func TestVerifyNamesTamperedEvents(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		intact := b.claimIn(t, 1, domain.StatusPaid)
		edited := b.claimIn(t, 2, domain.StatusApproved)
		removed := b.claimIn(t, 3, domain.StatusApproved)
		rowEdited := b.claimIn(t, 4, domain.StatusApproved)

		tamper(t, db, "UPDATE claim_events SET actor_username = 'someone_else' WHERE claim_id = ? AND seq = 2", edited.ID)
		tamper(t, db, "DELETE FROM claim_events WHERE claim_id = ? AND seq = 3", removed.ID)
		// The claim row itself, not the trail: the bank account is swapped.
		if err := db.Write.Exec("UPDATE claims SET bank_account_number = '5550001111' WHERE id = ?", rowEdited.ID).Error; err != nil {
			t.Fatal(err)
		}

		report, err := b.engine.VerifyAudit(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if report.OK() || report.ClaimsChecked != 4 {
			t.Fatalf("report = %+v", report)
		}
		found := func(id int64, seq int, text string) bool {
			for _, p := range report.Problems {
				if p.ClaimID == id && p.Seq == seq && strings.Contains(p.Problem, text) {
					return true
				}
			}
			return false
		}
		if !found(edited.ID, 2, "altered") {
			t.Errorf("edited event not named: %+v", report.Problems)
		}
		if found(edited.ID, 3, "prev_hash") {
			t.Errorf("an intact event after the edit was blamed: %+v", report.Problems)
		}
		if !found(removed.ID, 0, "version") {
			t.Errorf("removed last event not named: %+v", report.Problems)
		}
		if !found(rowEdited.ID, 0, "bank_account.account_number") {
			t.Errorf("edited claim row not named: %+v", report.Problems)
		}
		for _, p := range report.Problems {
			if p.ClaimID == intact.ID {
				t.Errorf("intact claim reported: %+v", p)
			}
		}
	})
}

func TestVerifyCatchesAMiddleEventRemoved(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		c := b.claimIn(t, 1, domain.StatusDisbursing)
		tamper(t, db, "DELETE FROM claim_events WHERE claim_id = ? AND seq = 2", c.ID)
		report, err := b.engine.VerifyAudit(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var seqs []int
		for _, p := range report.Problems {
			seqs = append(seqs, p.Seq)
		}
		if report.OK() || !containsInt(seqs, 3) {
			t.Fatalf("problems = %+v, want one at seq 3", report.Problems)
		}
	})
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Verification on a live system: actions committing while it reads must
// not look like tampering.
func TestVerifyWhileClaimsMove(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		var claims []domain.Claim
		for n := 1; n <= 15; n++ {
			claims = append(claims, b.claimIn(t, n, domain.StatusDeathVerified))
		}
		done := make(chan error, 1)
		go func() {
			for _, c := range claims {
				if _, err := b.engine.Apply(ctx, b.officer, c.ID, domain.ActionApprove, workflow.ActionInput{}); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
		for moving := true; moving; {
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
				moving = false
			default:
			}
			report, err := b.engine.VerifyAudit(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !report.OK() {
				t.Fatalf("verify reported tampering on a live system: %+v", report.Problems)
			}
		}
	})
}
