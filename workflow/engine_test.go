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

// Every status x action x role through the engine on a real database: the
// allowed ones move the claim to the table's destination, the others give
// exactly the error the spec says and change nothing.
func TestEveryStatusActionRole(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		n := 0
		for _, status := range domain.AllStatuses {
			n++
			template := b.claimIn(t, n, status)
			for action := range spec {
				for _, role := range domain.ActorRoles {
					want := outcome(action, role, status)
					target := template
					if want == nil {
						n++
						target = b.claimIn(t, n, status)
					}
					got, err := b.engine.Apply(ctx, b.actor(role), target.ID, action, validInput())
					switch {
					case want == nil && err != nil:
						t.Errorf("%s %s from %s: %v", role, action, status, err)
					case want == nil && got.Status != destination[action]:
						t.Errorf("%s %s from %s: now %s, want %s", role, action, status, got.Status, destination[action])
					case want != nil && !errors.Is(err, want):
						t.Errorf("%s %s from %s: err %v, want %v", role, action, status, err, want)
					}
				}
			}
			after, err := b.engine.Get(ctx, template.ID)
			if err != nil {
				t.Fatal(err)
			}
			if after.Version != template.Version || after.Status != template.Status {
				t.Errorf("refused actions changed the %s claim: version %d -> %d", status, template.Version, after.Version)
			}
		}
	})
}

func TestLifecycleToPaidWithAuditTrail(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		c, err := b.engine.Submit(ctx, b.clerk, fixture.ClaimInput(1))
		if err != nil {
			t.Fatal(err)
		}
		if c.Status != domain.StatusSubmitted || c.Version != 1 || c.Amount != 1_000_000 || c.Heir.Phone != "+6281234567890" {
			t.Fatalf("submitted claim = %+v", c)
		}
		steps := []struct {
			actor  domain.Actor
			action domain.Action
			in     workflow.ActionInput
		}{
			{b.clerk, domain.ActionReturn, workflow.ActionInput{Reason: "Nama ahli waris salah eja"}},
			{b.clerk, domain.ActionResubmit, workflow.ActionInput{Heir: &domain.HeirInput{
				NIK: "3324155505800001", FullName: "Siti Aminah Zahra", Relationship: "spouse", Phone: "+62 812-3456-7890"}}},
			{b.clerk, domain.ActionVerifyDeath, workflow.ActionInput{DeathCertificateNo: "3324-km-20112026-0001", DateOfDeath: "2026-11-19"}},
			{b.officer, domain.ActionApprove, workflow.ActionInput{}},
			{b.treasurer, domain.ActionStartPayment, workflow.ActionInput{}},
			{b.treasurer, domain.ActionConfirmPayment, workflow.ActionInput{BankReference: "JTG-778812"}},
		}
		for _, s := range steps {
			c, err = b.engine.Apply(ctx, s.actor, c.ID, s.action, s.in)
			if err != nil {
				t.Fatalf("%s: %v", s.action, err)
			}
		}
		if c.Status != domain.StatusPaid || c.Version != 7 || c.BankReference != "JTG-778812" ||
			c.DeathCertificateNo != "3324-KM-20112026-0001" || c.Deceased.DateOfDeath.String() != "2026-11-19" ||
			c.Heir.FullName != "Siti Aminah Zahra" {
			t.Fatalf("paid claim = %+v", c)
		}
		events, err := b.engine.Events(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) != 7 {
			t.Fatalf("%d events, want 7", len(events))
		}
		for i, ev := range events {
			if ev.Seq != i+1 || ev.Hash == "" || (i > 0 && ev.PrevHash != events[i-1].Hash) {
				t.Errorf("event %d: seq %d prev %s hash %s", i, ev.Seq, ev.PrevHash, ev.Hash)
			}
		}
		if ev := events[1]; ev.Action != domain.ActionReturn || ev.Reason != "Nama ahli waris salah eja" ||
			ev.ActorUsername != b.clerk.Username || ev.ActorRole != domain.RoleDukcapilClerk || ev.FromStatus != domain.StatusSubmitted {
			t.Errorf("return event = %+v", ev)
		}
		if ch := events[2].Changes["heir.full_name"]; ch.Old != "Siti Aminah" || ch.New != "Siti Aminah Zahra" {
			t.Errorf("resubmit recorded %+v for heir.full_name", ch)
		}
		if ch := events[3].Changes["deceased.date_of_death"]; ch.Old != "2026-11-20" || ch.New != "2026-11-19" {
			t.Errorf("verify_death recorded %+v for date_of_death", ch)
		}
		if _, ok := events[4].Changes["heir.full_name"]; ok || len(events[4].Changes) != 0 {
			t.Errorf("approve recorded changes %v, want none", events[4].Changes)
		}
		report, err := b.engine.VerifyAudit(ctx)
		if err != nil || !report.OK() || report.EventsChecked != 7 {
			t.Fatalf("verify = %+v, %v", report, err)
		}
		// paid is final: nothing moves it again.
		for _, role := range domain.AllRoles {
			if got := b.engine.AllowedActions(role, c.Status); len(got) != 0 {
				t.Errorf("%s may %v on a paid claim", role, got)
			}
		}
	})
}

func TestActionInputIsValidated(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		cases := []struct {
			name   string
			status domain.Status
			actor  domain.Actor
			action domain.Action
			in     workflow.ActionInput
			field  string
		}{
			{"verify without akta", domain.StatusSubmitted, b.clerk, domain.ActionVerifyDeath, workflow.ActionInput{}, "death_certificate_no"},
			{"verify with bad akta", domain.StatusSubmitted, b.clerk, domain.ActionVerifyDeath, workflow.ActionInput{DeathCertificateNo: "AKTA #1"}, "death_certificate_no"},
			{"verify with future death", domain.StatusSubmitted, b.clerk, domain.ActionVerifyDeath, workflow.ActionInput{DeathCertificateNo: "A1", DateOfDeath: "2026-12-01"}, "date_of_death"},
			{"return without reason", domain.StatusSubmitted, b.clerk, domain.ActionReturn, workflow.ActionInput{Reason: "   "}, "reason"},
			{"reject without reason", domain.StatusDeathVerified, b.officer, domain.ActionReject, workflow.ActionInput{}, "reason"},
			{"cancel without reason", domain.StatusApproved, b.officer, domain.ActionCancel, workflow.ActionInput{}, "reason"},
			{"confirm without reference", domain.StatusDisbursing, b.treasurer, domain.ActionConfirmPayment, workflow.ActionInput{}, "bank_reference"},
			{"fail without reason", domain.StatusDisbursing, b.treasurer, domain.ActionFailPayment, workflow.ActionInput{}, "reason"},
			{"retry without account", domain.StatusPaymentFailed, b.officer, domain.ActionRetryPayment, workflow.ActionInput{}, "bank_account"},
			{"retry with bad account", domain.StatusPaymentFailed, b.officer, domain.ActionRetryPayment,
				workflow.ActionInput{BankAccount: &domain.BankAccountInput{BankCode: "999", AccountNumber: "12", AccountName: "X"}}, "bank_account.bank_code"},
			{"resubmit with bad phone", domain.StatusReturned, b.clerk, domain.ActionResubmit,
				workflow.ActionInput{Heir: &domain.HeirInput{NIK: "3324155505800099", FullName: "Siti", Relationship: "spouse", Phone: "12345"}}, "heir.phone"},
		}
		for i, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				c := b.claimIn(t, 100+i, tc.status)
				_, err := b.engine.Apply(ctx, tc.actor, c.ID, tc.action, tc.in)
				var ve *domain.ValidationError
				if !errors.As(err, &ve) {
					t.Fatalf("err = %v, want validation error", err)
				}
				if _, ok := ve.Fields[tc.field]; !ok {
					t.Fatalf("fields = %v, want %s", ve.Fields, tc.field)
				}
				after, _ := b.engine.Get(ctx, c.ID)
				if after.Version != c.Version {
					t.Fatalf("a refused action changed the claim")
				}
			})
		}
	})
}

func TestStaleVersionIsAConflict(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusDeathVerified)
		stale := c.Version - 1
		_, err := b.engine.Apply(ctx, b.officer, c.ID, domain.ActionApprove, workflow.ActionInput{Version: &stale})
		var conflict *domain.VersionConflictError
		if !errors.As(err, &conflict) || conflict.Current != c.Version {
			t.Fatalf("err = %v, want version conflict naming version %d", err, c.Version)
		}
		current := c.Version
		if _, err := b.engine.Apply(ctx, b.officer, c.ID, domain.ActionApprove, workflow.ActionInput{Version: &current}); err != nil {
			t.Fatalf("approve at the current version: %v", err)
		}
	})
}

func TestUnknownClaimAndAction(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		if _, err := b.engine.Apply(ctx, b.officer, 999999, domain.ActionApprove, workflow.ActionInput{}); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("unknown claim: %v", err)
		}
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		if _, err := b.engine.Apply(ctx, b.officer, c.ID, "pay_twice", workflow.ActionInput{}); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("unknown action: %v", err)
		}
		if _, err := b.engine.Apply(ctx, b.clerk, c.ID, domain.ActionSubmit, workflow.ActionInput{}); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("submit as an action: %v", err)
		}
		if _, err := b.engine.Submit(ctx, b.officer, fixture.ClaimInput(2)); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("officer submit: %v", err)
		}
	})
}

// Times on the claim come from the engine's clock, not the database driver's.
func TestClaimTimesComeFromTheEngineClock(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		c := b.claimIn(t, 1, domain.StatusApproved)
		got, err := b.engine.Get(context.Background(), c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.CreatedAt.Equal(fixture.Now) || !got.UpdatedAt.Equal(fixture.Now) {
			t.Fatalf("created %v updated %v, want both %v", got.CreatedAt, got.UpdatedAt, fixture.Now)
		}
	})
}

// An optional note is checked like a required reason, on every action.
func TestOptionalReasonIsChecked(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		c := b.claimIn(t, 1, domain.StatusDeathVerified)
		_, err := b.engine.Apply(context.Background(), b.officer, c.ID, domain.ActionApprove, workflow.ActionInput{Reason: "ok\x00"})
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || ve.Fields["reason"] == "" {
			t.Fatalf("err = %v, want a reason violation", err)
		}
	})
}
