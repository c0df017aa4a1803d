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

func TestOneLiveClaimPerDeath(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		first, err := b.engine.Submit(ctx, b.clerk, fixture.ClaimInput(1))
		if err != nil {
			t.Fatal(err)
		}
		_, err = b.engine.Submit(ctx, b.clerk, fixture.ClaimInput(1))
		var dup *domain.DuplicateClaimError
		if !errors.As(err, &dup) || dup.ExistingCode != first.Code {
			t.Fatalf("second claim: %v, want duplicate naming %s", err, first.Code)
		}
		// Once the first claim is rejected, the death may be claimed again.
		if _, err := b.engine.Apply(ctx, b.clerk, first.ID, domain.ActionReject, workflow.ActionInput{Reason: "Bukan warga"}); err != nil {
			t.Fatal(err)
		}
		if _, err := b.engine.Submit(ctx, b.clerk, fixture.ClaimInput(1)); err != nil {
			t.Fatalf("claim after rejection: %v", err)
		}
	})
}

// A resubmit that corrects the deceased NIK onto a death that already has a
// live claim is refused like a new claim would be.
func TestResubmitOntoAnotherLiveClaimIsDuplicate(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		other := b.claimIn(t, 1, domain.StatusSubmitted)
		c := b.claimIn(t, 2, domain.StatusReturned)
		corrected := fixture.ClaimInput(1).Deceased
		_, err := b.engine.Apply(ctx, b.clerk, c.ID, domain.ActionResubmit, workflow.ActionInput{Deceased: &corrected})
		var dup *domain.DuplicateClaimError
		if !errors.As(err, &dup) || dup.ExistingCode != other.Code {
			t.Fatalf("err = %v, want duplicate naming %s", err, other.Code)
		}
	})
}

// The database itself refuses a second live claim, whatever the code does.
func TestDatabaseEnforcesOneLiveClaim(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		err := db.Write.Exec(`INSERT INTO claims (code, status, version, amount, deceased_nik, deceased_name, date_of_death,
			place_of_death, kk_number, address, village_code, heir_nik, heir_name, heir_relationship, heir_phone,
			bank_code, bank_account_number, bank_account_name, created_by, created_at, updated_at)
			SELECT 'SKM-DUPL-0001', 'approved', 1, amount, deceased_nik, deceased_name, date_of_death, place_of_death,
			kk_number, address, village_code, heir_nik, heir_name, heir_relationship, heir_phone, bank_code,
			bank_account_number, bank_account_name, created_by, created_at, updated_at FROM claims WHERE id = ?`, c.ID).Error
		if !database.IsUniqueViolation(err) {
			t.Fatalf("raw insert of a second live claim: %v, want unique violation", err)
		}
	})
}
