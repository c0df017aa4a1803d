package deathregister_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"santunan/database"
	"santunan/deathregister"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// Fixture claims die on 2026-11-20; register lines use akta 3324-KM-000n.
func TestMatchOutcomes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		ctx := context.Background()
		k.importCSV(t, csvOf(
			line(1, "2026-11-20"),
			line(2, "2026-11-19"),
			line(3, "2026-11-20"),
			strings.Replace(line(4, "2026-11-18"), "3324-KM-0004", "3324-KM-0004-OLD", 1),
			line(4, "2026-11-20"),
		))
		claims := map[int]domain.Claim{}
		for n := 1; n <= 5; n++ {
			c, err := k.engine.Submit(ctx, k.clerk, fixture.ClaimInput(n))
			if err != nil {
				t.Fatal(err)
			}
			claims[n] = c
		}
		// Claim 3 is verified with an akta number the register does not have.
		c3, err := k.engine.Apply(ctx, k.clerk, claims[3].ID, domain.ActionVerifyDeath,
			workflow.ActionInput{DeathCertificateNo: "3324-KM-9999", ConfirmRegisterMismatch: true})
		if err != nil {
			t.Fatal(err)
		}
		claims[3] = c3

		tests := []struct {
			n       int
			outcome domain.MatchOutcome
			diffs   []string
			akta    string
			records int
		}{
			{1, domain.MatchAgrees, nil, "3324-KM-0001", 1},
			{2, domain.MatchDiffers, []string{"date_of_death:2026-11-20/2026-11-19"}, "3324-KM-0002", 1},
			{3, domain.MatchDiffers, []string{"death_certificate_no:3324-KM-9999/3324-KM-0003"}, "3324-KM-0003", 1},
			{4, domain.MatchAgrees, nil, "3324-KM-0004", 2},
			{5, domain.MatchNotFound, nil, "", 0},
		}
		all, err := k.reg.MatchMany(ctx, []domain.Claim{claims[1], claims[2], claims[3], claims[4], claims[5]})
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			m, err := k.reg.Match(ctx, k.officer, claims[tt.n].ID)
			if err != nil {
				t.Fatal(err)
			}
			var diffs []string
			for _, d := range m.Differences {
				diffs = append(diffs, d.Field+":"+d.Claim+"/"+d.Register)
			}
			akta := ""
			if m.Record != nil {
				akta = m.Record.DeathCertificateNo
			}
			if m.Outcome != tt.outcome || !slices.Equal(diffs, tt.diffs) || akta != tt.akta || m.Records != tt.records {
				t.Errorf("claim %d: %s %v record %q (%d), want %s %v %q (%d)", tt.n, m.Outcome, diffs, akta, m.Records, tt.outcome, tt.diffs, tt.akta, tt.records)
			}
			if got := all[claims[tt.n].ID]; got.Outcome != m.Outcome || len(got.Differences) != len(m.Differences) {
				t.Errorf("claim %d: MatchMany says %s", tt.n, got.Outcome)
			}
		}
		if _, err := k.reg.Match(ctx, fixture.Actor(t, db, domain.RoleTreasurer), claims[1].ID); !errors.Is(err, domain.ErrForbidden) {
			t.Fatalf("treasurer reads the register: %v", err)
		}
		if _, err := k.reg.Match(ctx, k.clerk, 98765); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("unknown claim: %v", err)
		}
	})
}

// verify_death checks the register with what the clerk verifies with: a
// mismatch needs confirmation, and every outcome is in the audit trail.
func TestVerifyDeathAgainstTheRegister(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		ctx := context.Background()
		k.importCSV(t, csvOf(line(1, "2026-11-20"), line(2, "2026-11-20")))
		submit := func(n int) domain.Claim {
			c, err := k.engine.Submit(ctx, k.clerk, fixture.ClaimInput(n))
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		noteOf := func(c domain.Claim) string {
			events, _ := k.engine.Events(ctx, c.ID)
			return events[len(events)-1].Changes[deathregister.NoteField].New
		}

		agrees := submit(1)
		if _, err := k.engine.Apply(ctx, k.clerk, agrees.ID, domain.ActionVerifyDeath, workflow.ActionInput{DeathCertificateNo: "3324-km-0001"}); err != nil {
			t.Fatalf("matching claim: %v", err)
		}
		if got := noteOf(agrees); got != "match" {
			t.Fatalf("note %q", got)
		}

		differs := submit(2)
		in := workflow.ActionInput{DeathCertificateNo: "3324-KM-0002", DateOfDeath: "2026-11-19"}
		_, err := k.engine.Apply(ctx, k.clerk, differs.ID, domain.ActionVerifyDeath, in)
		var mismatch *domain.RegisterMismatchError
		if !errors.As(err, &mismatch) || !slices.Equal(mismatch.Differences, []string{"date_of_death"}) {
			t.Fatalf("unconfirmed mismatch: %v", err)
		}
		in.ConfirmRegisterMismatch = true
		if _, err := k.engine.Apply(ctx, k.clerk, differs.ID, domain.ActionVerifyDeath, in); err != nil {
			t.Fatalf("confirmed mismatch: %v", err)
		}
		if got := noteOf(differs); got != "mismatch_confirmed: date_of_death" {
			t.Fatalf("note %q", got)
		}

		unknown := submit(3)
		if _, err := k.engine.Apply(ctx, k.clerk, unknown.ID, domain.ActionVerifyDeath, workflow.ActionInput{DeathCertificateNo: "X-3"}); err != nil {
			t.Fatalf("unregistered death: %v", err)
		}
		if got := noteOf(unknown); got != "not_in_register" {
			t.Fatalf("note %q", got)
		}
		if r, err := k.engine.VerifyAudit(ctx); err != nil || !r.OK() {
			t.Fatalf("audit: %+v %v", r, err)
		}
	})
}
