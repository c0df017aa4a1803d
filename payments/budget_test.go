package payments_test

import (
	"errors"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/together"
	"santunan/payments"
	"santunan/workflow"
)

func TestApproveWithoutABudgetIsRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		id := e.verified(t, 1, 1)[0]
		_, err := e.engine.Apply(ctx, e.officer, id, domain.ActionApprove, workflow.ActionInput{})
		var be *domain.BudgetError
		if !errors.Is(err, domain.ErrBudgetNotSet) || !errors.As(err, &be) || be.Year != 2026 {
			t.Fatalf("err = %v, want budget_not_set for 2026", err)
		}
		if s := e.status(t, id); s != domain.StatusDeathVerified {
			t.Fatalf("refused claim is %s", s)
		}
	})
}

func TestBudgetCeilingCommitsAndReleases(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 2_000_000)
		ids := e.verified(t, 1, 3)
		for _, id := range ids[:2] {
			if _, err := e.engine.Apply(ctx, e.officer, id, domain.ActionApprove, workflow.ActionInput{}); err != nil {
				t.Fatal(err)
			}
		}
		_, err := e.engine.Apply(ctx, e.officer, ids[2], domain.ActionApprove, workflow.ActionInput{})
		var be *domain.BudgetError
		if !errors.As(err, &be) || !errors.Is(err, domain.ErrBudgetExhausted) || be.Committed != 2_000_000 || be.Amount != 1_000_000 {
			t.Fatalf("third approval: %v, want budget_exhausted at 2,000,000 committed", err)
		}
		b, err := e.svc.GetBudget(ctx, e.treasurer, 2026)
		if err != nil || b.Committed != 2_000_000 || b.Remaining != 0 {
			t.Fatalf("budget %+v %v", b, err)
		}
		// Cancelling an approved claim gives its amount back.
		if _, err := e.engine.Apply(ctx, e.officer, ids[0], domain.ActionCancel, workflow.ActionInput{Reason: "Ahli waris membatalkan"}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.engine.Apply(ctx, e.officer, ids[2], domain.ActionApprove, workflow.ActionInput{}); err != nil {
			t.Fatalf("approval after a release: %v", err)
		}
		// The trail proves each commitment and release.
		evs := e.events(t, ids[0])
		if got := evs[2].Changes["budget.year"]; got.New != "2026" {
			t.Fatalf("approve event changes %v, want budget.year 2026", evs[2].Changes)
		}
		if got := evs[3].Changes["budget.year"]; got.Old != "2026" || got.New != "" {
			t.Fatalf("cancel event changes %v, want budget.year released", evs[3].Changes)
		}
		e.auditOK(t)
	})
}

func TestSetBudget(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		b, created, err := e.svc.SetBudget(ctx, e.admin, 2026, 3_000_000)
		if err != nil || !created || b.Ceiling != 3_000_000 || b.Remaining != 3_000_000 {
			t.Fatalf("create: %+v %v %v", b, created, err)
		}
		e.approved(t, 1, 2)
		if _, _, err := e.svc.SetBudget(ctx, e.officer, 2026, 1_999_999); !errors.Is(err, domain.ErrValidation) {
			t.Fatalf("ceiling below committed: %v", err)
		}
		b, created, err = e.svc.SetBudget(ctx, e.officer, 2026, 2_000_000)
		if err != nil || created || b.Committed != 2_000_000 || b.Remaining != 0 {
			t.Fatalf("lower to committed: %+v %v %v", b, created, err)
		}
		cases := []struct {
			actor   domain.Actor
			year    int
			ceiling domain.Rupiah
			want    error
		}{
			{e.treasurer, 2026, 1, domain.ErrForbidden},
			{e.clerk, 2026, 1, domain.ErrForbidden},
			{e.officer, 1999, 1, domain.ErrValidation},
			{e.officer, 2027, -1, domain.ErrValidation},
			{e.officer, 2027, payments.MaxCeiling + 1, domain.ErrValidation},
		}
		for _, c := range cases {
			if _, _, err := e.svc.SetBudget(ctx, c.actor, c.year, c.ceiling); !errors.Is(err, c.want) {
				t.Errorf("SetBudget(%s, %d, %d) = %v, want %v", c.actor.Role, c.year, c.ceiling, err, c.want)
			}
		}
		var changes int64
		if err := db.Read.Table("budget_changes").Count(&changes).Error; err != nil || changes != 2 {
			t.Fatalf("%d budget changes logged (%v), want 2", changes, err)
		}
		list, err := e.svc.ListBudgets(ctx, e.auditor)
		if err != nil || len(list) != 1 {
			t.Fatalf("list %+v %v", list, err)
		}
		if _, err := e.svc.GetBudget(ctx, e.auditor, 2030); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("unknown year: %v", err)
		}
	})
}

// The database itself refuses a committed amount above the ceiling.
func TestDatabaseRefusesOverspending(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 1_000_000)
		if err := db.Write.Exec(`UPDATE budgets SET committed = ceiling + 1 WHERE year = 2026`).Error; err == nil {
			t.Fatal("the database accepted committed above the ceiling")
		}
	})
}

// A claim's amount is the one in force when it was approved; a later change
// of the program's amount touches no approved claim.
func TestAmountIsFixedAtApproval(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, func(c *workflow.Options, _ *payments.Options) { c.Amount = 1_500_000 })
		e.budget(t, 10_000_000)
		first := e.approved(t, 1, 1)[0]
		pending := e.verified(t, 2, 1)[0]

		later := newEnv(t, db, func(c *workflow.Options, _ *payments.Options) { c.Amount = 2_000_000 })
		if _, err := later.engine.Apply(ctx, later.officer, pending, domain.ActionApprove, workflow.ActionInput{}); err != nil {
			t.Fatal(err)
		}
		a, _ := later.engine.Get(ctx, first)
		b, _ := later.engine.Get(ctx, pending)
		if a.Amount != 1_500_000 || b.Amount != 2_000_000 {
			t.Fatalf("amounts %d and %d, want 1,500,000 (approved before) and 2,000,000", a.Amount, b.Amount)
		}
		budget, _ := e.svc.GetBudget(ctx, e.officer, 2026)
		if budget.Committed != 3_500_000 {
			t.Fatalf("committed %d, want 3,500,000", budget.Committed)
		}
		e.auditOK(t)
	})
}

// Fifty officers approve fifty claims at once against a ceiling that fits
// ten: exactly ten are approved, on either database.
func TestFiftyConcurrentApprovalsFitTen(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 10*domain.DefaultBenefit)
		ids := e.verified(t, 1, 50)
		officers := make([]domain.Actor, len(ids))
		for i := range officers {
			officers[i] = fixture.Actor(t, db, domain.RoleDinsosOfficer)
		}
		errs := together.Run(len(ids), func(i int) error {
			_, err := e.engine.Apply(ctx, officers[i], ids[i], domain.ActionApprove, workflow.ActionInput{})
			return err
		})
		ok, exhausted := 0, 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, domain.ErrBudgetExhausted):
				exhausted++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		if ok != 10 || exhausted != 40 {
			t.Fatalf("%d approved, %d refused for budget; want 10 and 40", ok, exhausted)
		}
		b, _ := e.svc.GetBudget(ctx, e.officer, 2026)
		if b.Committed != b.Ceiling {
			t.Fatalf("committed %d of %d", b.Committed, b.Ceiling)
		}
		e.auditOK(t)
	})
}

// A claim whose transfer failed still holds its amount until it is retried
// or cancelled; cancelling gives the amount back.
func TestCancelAfterAFailedTransferReleases(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 1_000_000)
		b := e.batchOf(t, e.approved(t, 1, 1))
		if _, err := e.svc.ApplyResults(ctx, e.treasurer, b.ID, payments.ResultFile{Format: payments.FormatCSV,
			Raw: resultCSV(b, map[string]string{b.Items[0].ClaimCode: "REKENING TUTUP"})}); err != nil {
			t.Fatal(err)
		}
		if got, _ := e.svc.GetBudget(ctx, e.officer, 2026); got.Committed != 1_000_000 {
			t.Fatalf("a failed transfer released its amount: %d committed", got.Committed)
		}
		if _, err := e.engine.Apply(ctx, e.officer, b.Items[0].ClaimID, domain.ActionCancel, workflow.ActionInput{Reason: "Ahli waris tidak dapat dihubungi"}); err != nil {
			t.Fatal(err)
		}
		if got, _ := e.svc.GetBudget(ctx, e.officer, 2026); got.Committed != 0 {
			t.Fatalf("%d committed after the cancellation", got.Committed)
		}
		e.auditOK(t)
	})
}
