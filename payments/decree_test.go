package payments_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/payments"
	"santunan/workflow"
)

func TestDecreeApprovesEveryClaimOrNone(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		ids := e.verified(t, 1, 3)
		notVerified, err := e.engine.Submit(ctx, e.clerk, claimInput(4))
		if err != nil {
			t.Fatal(err)
		}
		req := payments.DecreeRequest{Number: "400.9/123/2026", Date: "2026-11-27", ClaimIDs: append(slices.Clone(ids), notVerified.ID, 999_999)}
		_, err = e.svc.CreateDecree(ctx, e.officer, req)
		var refusal *domain.RefusalError
		if !errors.As(err, &refusal) || refusal.Subject != domain.RefusedDecree || len(refusal.Problems) != 2 {
			t.Fatalf("err = %v, want a decree refusal with two problems", err)
		}
		want := []domain.Problem{
			{ClaimID: notVerified.ID, Code: domain.ViolationClaimWrongStatus, Status: domain.StatusSubmitted},
			{ClaimID: 999_999, Code: domain.ViolationClaimNotFound},
		}
		if !slices.Equal(refusal.Problems, want) {
			t.Fatalf("problems %+v, want %+v", refusal.Problems, want)
		}
		for _, id := range ids {
			if s := e.status(t, id); s != domain.StatusDeathVerified {
				t.Fatalf("claim %d is %s after a refused decree", id, s)
			}
		}

		req.ClaimIDs = ids
		d, err := e.svc.CreateDecree(ctx, e.officer, req)
		if err != nil {
			t.Fatal(err)
		}
		if d.ClaimCount != 3 || d.TotalAmount != 3_000_000 || d.Number != "400.9/123/2026" || d.Date.String() != "2026-11-27" {
			t.Fatalf("decree %+v", d)
		}
		for _, id := range ids {
			evs := e.events(t, id)
			last := evs[len(evs)-1]
			if last.Action != domain.ActionApprove || last.Reason != "SK 400.9/123/2026" || last.ActorID != e.officer.UserID {
				t.Fatalf("claim %d last event %+v, want its approval under the decree", id, last)
			}
		}
		full, err := e.svc.GetDecree(ctx, e.auditor, d.ID)
		if err != nil || len(full.Recipients) != 3 {
			t.Fatalf("decree %+v %v", full, err)
		}
		r := full.Recipients[0]
		if r.Seq != 1 || r.ClaimID != ids[0] || r.DeceasedName != "Ahmad Fauzi" || r.VillageName != "Candiroto" ||
			r.KecamatanName == "" || r.HeirRelationship != domain.RelationshipSpouse || r.Amount != 1_000_000 {
			t.Fatalf("recipient %+v", r)
		}
		if _, err := e.svc.CreateDecree(ctx, e.officer, req); !errors.Is(err, domain.ErrDuplicateDecree) {
			t.Fatalf("same number again: %v", err)
		}
		list, next, err := e.svc.ListDecrees(ctx, e.treasurer, payments.PageQuery{})
		if err != nil || len(list) != 1 || next != "" || list[0].Recipients != nil {
			t.Fatalf("list %+v %q %v", list, next, err)
		}
		e.auditOK(t)
	})
}

func TestDecreeOverTheBudgetIsRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 2_000_000)
		ids := e.verified(t, 1, 4)
		_, err := e.svc.CreateDecree(ctx, e.officer, payments.DecreeRequest{Number: "400.9/1/2026", Date: "2026-11-28", ClaimIDs: ids})
		var refusal *domain.RefusalError
		if !errors.As(err, &refusal) || len(refusal.Problems) != 2 {
			t.Fatalf("err = %v, want two claims refused for budget", err)
		}
		for i, p := range refusal.Problems {
			if p.ClaimID != ids[2+i] || p.Code != domain.ViolationBudgetExhausted {
				t.Fatalf("problem %+v", p)
			}
		}
		if b, _ := e.svc.GetBudget(ctx, e.officer, 2026); b.Committed != 0 {
			t.Fatalf("refused decree left %d committed", b.Committed)
		}
	})
}

// A decree is dated from the programme's start (1 January 2021, Perbup
// Kendal 20/2021) to today in Kendal (WIB), whatever the server's zone.
func TestDecreeDateLimits(t *testing.T) {
	// SQLite alone: the date is decided before any claim is read or written.
	db := testdb.SQLite(t)
	justAfterMidnightWIB := time.Date(2026, 11, 27, 17, 30, 0, 0, time.UTC) // 28 November, 00:30 WIB
	cases := []struct {
		name string
		now  time.Time
		date string
		code string // "" when the date is accepted
	}{
		{"year 1", fixture.Now, "0001-01-01", domain.ViolationDateBeforeProgramme},
		{"a slip of 2012 for 2021", fixture.Now, "2012-06-30", domain.ViolationDateBeforeProgramme},
		{"the day before the programme", fixture.Now, "2020-12-31", domain.ViolationDateBeforeProgramme},
		{"the programme's first day", fixture.Now, "2021-01-01", ""},
		{"today", fixture.Now, "2026-11-28", ""},
		{"tomorrow", fixture.Now, "2026-11-29", domain.ViolationDateInFuture},
		{"far future", fixture.Now, "9999-12-31", domain.ViolationDateInFuture},
		{"today in WIB, yesterday in UTC", justAfterMidnightWIB, "2026-11-28", ""},
		{"tomorrow in WIB", justAfterMidnightWIB, "2026-11-29", domain.ViolationDateInFuture},
		{"not a date", fixture.Now, "28-11-2026", domain.ViolationDateInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t, db, func(cfg *workflow.Options, _ *payments.Options) { cfg.Now = func() time.Time { return c.now } })
			// No claims: the request is always refused, and the date's own
			// verdict is in its field.
			_, err := e.svc.CreateDecree(ctx, e.officer, payments.DecreeRequest{Number: "400.9/1/2026", Date: c.date})
			var ve *domain.ValidationError
			if !errors.As(err, &ve) || ve.Fields["claim_ids"] != domain.ViolationRequired {
				t.Fatalf("%v, want a validation error", err)
			}
			if got := ve.Fields["date"]; got != c.code {
				t.Errorf("date %s on %s: %q, want %q", c.date, c.now, got, c.code)
			}
		})
	}
}

func TestDecreeRequestIsChecked(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	tooMany := make([]int64, payments.MaxBatchClaims+1)
	for i := range tooMany {
		tooMany[i] = int64(i + 1)
	}
	cases := []struct {
		name  string
		actor domain.Actor
		req   payments.DecreeRequest
		field string
		code  string
	}{
		{"no number", e.officer, payments.DecreeRequest{Date: "2026-11-28", ClaimIDs: []int64{1}}, "number", domain.ViolationRequired},
		{"odd number", e.officer, payments.DecreeRequest{Number: "SK<1>", Date: "2026-11-28", ClaimIDs: []int64{1}}, "number", domain.ViolationDecreeNumberInvalid},
		{"bad date", e.officer, payments.DecreeRequest{Number: "1", Date: "2026-02-30", ClaimIDs: []int64{1}}, "date", domain.ViolationDateInvalid},
		{"future date", e.officer, payments.DecreeRequest{Number: "1", Date: "2026-11-29", ClaimIDs: []int64{1}}, "date", domain.ViolationDateInFuture},
		{"no claims", e.officer, payments.DecreeRequest{Number: "1", Date: "2026-11-28"}, "claim_ids", domain.ViolationRequired},
		{"repeated claim", e.officer, payments.DecreeRequest{Number: "1", Date: "2026-11-28", ClaimIDs: []int64{2, 1, 2}}, "claim_ids", domain.ViolationDuplicateItem},
		{"too many", e.officer, payments.DecreeRequest{Number: "1", Date: "2026-11-28", ClaimIDs: tooMany}, "claim_ids", domain.ViolationTooManyItems},
	}
	for _, c := range cases {
		_, err := e.svc.CreateDecree(ctx, c.actor, c.req)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || ve.Fields[c.field] != c.code {
			t.Errorf("%s: %v, want %s=%s", c.name, err, c.field, c.code)
		}
	}
	if _, err := e.svc.CreateDecree(ctx, e.treasurer, payments.DecreeRequest{}); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("treasurer decree: %v", err)
	}
}
