package complaints_test

import (
	"context"
	"testing"
	"time"

	"santunan/complaints"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// A verified complaint the officer never assigns has a follow-up deadline
// (it is shown overdue); when it passes, the head of office must hear of
// it, once, like any other office deadline.
func TestReviewVerifiedPastFollowUpEscalates(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		monday := time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC)
		s := testserver.Start(t, db, testserver.At(monday))
		svc := s.Services.Complaints
		ctx := context.Background()
		c, err := svc.File(ctx, complaints.Filing{Category: domain.CategoryWrongData,
			Text: "Nama ahli waris salah ketik di klaim.", Identity: domain.IdentityAnonymous})
		if err != nil {
			t.Fatal(err)
		}
		officer := actor(s, domain.RoleComplaintOfficer)
		if c, err = svc.Act(ctx, officer, c.ID, domain.ComplaintActionVerify, complaints.ActInput{}); err != nil {
			t.Fatal(err)
		}
		if c.DueOn == nil || c.DueOn.String() != "2026-12-07" {
			t.Fatalf("verified, due %v", c.DueOn)
		}
		s.Clock.Set(time.Date(2026, 12, 8, 2, 0, 0, 0, time.UTC))
		for i, want := range []int{1, 0} {
			if e, _, err := svc.Sweep(ctx); err != nil || e != want {
				t.Fatalf("sweep %d: escalated %d (%v), want %d", i, e, err, want)
			}
		}
		overdue, err := svc.List(ctx, actor(s, domain.RoleOfficeHead), complaints.ListQuery{Escalated: true})
		if err != nil || len(overdue.Items) != 1 {
			t.Fatalf("the head's escalated list %v %+v", err, overdue.Items)
		}
		rep, err := svc.VerifyAudit(ctx)
		if err != nil || !rep.OK() {
			t.Fatalf("audit %v %+v", err, rep)
		}
	})
}

// The reopen window the tracking shows (ReopenUntil, and whether it offers
// reopening) is the one Reopen applies, on every day around its end,
// weekends included: closed on Friday 27 November 2026, the 10th working
// day after is Friday 11 December.
func TestReviewReopenWindowAsTracked(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		friday := time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC)
		s := testserver.Start(t, db, testserver.At(friday))
		svc := s.Services.Complaints
		ctx := context.Background()
		officer := actor(s, domain.RoleComplaintOfficer)
		days := []int{11, 12, 13, 14}
		var codes []string
		for range days {
			c, err := svc.File(ctx, complaints.Filing{Category: domain.CategoryWrongData,
				Text: "Nama ahli waris salah ketik di klaim.", Identity: domain.IdentityAnonymous})
			if err != nil {
				t.Fatal(err)
			}
			for _, st := range []struct {
				a  domain.Actor
				ac domain.ComplaintAction
				in complaints.ActInput
			}{
				{officer, domain.ComplaintActionVerify, complaints.ActInput{}},
				{officer, domain.ComplaintActionAssign, complaints.ActInput{Unit: domain.UnitDukcapil}},
				{actor(s, domain.RoleDukcapilClerk), domain.ComplaintActionAnswer, complaints.ActInput{Answer: "Sudah dibetulkan."}},
			} {
				if _, err := svc.Act(ctx, st.a, c.ID, st.ac, st.in); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := svc.Confirm(ctx, c.Code); err != nil {
				t.Fatal(err)
			}
			codes = append(codes, c.Code)
		}
		for i, day := range days {
			s.Clock.Set(time.Date(2026, 12, day, 2, 0, 0, 0, time.UTC))
			tr, err := svc.Track(ctx, codes[i])
			if err != nil || tr.ReopenUntil == nil || tr.ReopenUntil.String() != "2026-12-11" {
				t.Fatalf("tracked %v %+v", err, tr)
			}
			offered := len(tr.Actions) == 1 && tr.Actions[0] == domain.ComplaintActionReopen
			_, err = svc.Reopen(ctx, codes[i], "Ternyata masih salah.")
			if offered != (err == nil) {
				t.Errorf("12/%d: tracking offers reopening %v, Reopen says %v", day, offered, err)
			}
		}
	})
}
