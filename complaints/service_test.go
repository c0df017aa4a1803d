package complaints_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"santunan/complaints"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

func actor(s *testserver.Server, r domain.Role) domain.Actor { return s.Users[r].Actor() }

// The service's happy path, on both databases: file → verify → assign →
// answer → confirm, each step in the trail, the chain intact.
func TestFileToConfirm(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		svc := s.Services.Complaints
		ctx := context.Background()
		token := s.ComplaintPhoneToken(testserver.Phone(7))
		c, err := svc.File(ctx, complaints.Filing{Category: domain.CategorySlowService,
			Text: "Klaim saya sudah dua minggu belum diproses.", Identity: domain.IdentityNamed,
			Name: "Siti Aminah", PhoneToken: token})
		if err != nil {
			t.Fatal(err)
		}
		if c.Status != domain.ComplaintReceived || c.DueOn == nil || c.ComplainantPhone != testserver.Phone(7) {
			t.Fatalf("filed %+v", c)
		}
		officer := actor(s, domain.RoleComplaintOfficer)
		steps := []struct {
			actor  domain.Actor
			action domain.ComplaintAction
			in     complaints.ActInput
			want   domain.ComplaintStatus
		}{
			{officer, domain.ComplaintActionVerify, complaints.ActInput{}, domain.ComplaintVerified},
			{officer, domain.ComplaintActionAssign, complaints.ActInput{Unit: domain.UnitDinsos, UnitName: "Bidang Linjamsos"}, domain.ComplaintAssigned},
			{actor(s, domain.RoleDinsosOfficer), domain.ComplaintActionAnswer, complaints.ActInput{Answer: "Sudah kami proses hari ini."}, domain.ComplaintAnswered},
		}
		for _, st := range steps {
			if c, err = svc.Act(ctx, st.actor, c.ID, st.action, st.in); err != nil {
				t.Fatalf("%s: %v", st.action, err)
			}
			if c.Status != st.want {
				t.Fatalf("%s: status %s", st.action, c.Status)
			}
		}
		// Another office's staff may not answer it.
		if _, err := svc.Act(ctx, actor(s, domain.RoleDukcapilClerk), c.ID, domain.ComplaintActionAnswer,
			complaints.ActInput{Answer: "x"}); !errors.Is(err, domain.ErrForbidden) {
			t.Fatalf("dukcapil answering: %v", err)
		}
		if c, err = svc.Confirm(ctx, c.Code); err != nil || c.Status != domain.ComplaintClosed {
			t.Fatalf("confirm: %v %+v", err, c)
		}
		events, err := svc.Events(ctx, officer, c.ID)
		if err != nil || len(events) != 5 {
			t.Fatalf("events %v %d", err, len(events))
		}
		rep, err := svc.VerifyAudit(ctx)
		if err != nil || len(rep.Problems) != 0 || rep.ComplaintsChecked != 1 {
			t.Fatalf("audit %v %+v", err, rep)
		}
		tr, err := svc.Track(ctx, c.Code)
		if err != nil || tr.Status != domain.ComplaintClosed || len(tr.Actions) != 1 {
			t.Fatalf("track %v %+v", err, tr)
		}
	})
}

func TestListPages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		svc := s.Services.Complaints
		ctx := context.Background()
		officer := actor(s, domain.RoleComplaintOfficer)
		for i := 0; i < 7; i++ {
			c, err := svc.File(ctx, complaints.Filing{Category: domain.CategoryOther,
				Text: "Tolong periksa pelayanan ini.", Identity: domain.IdentityAnonymous})
			if err != nil {
				t.Fatal(err)
			}
			// Some are declined (no deadline), one escalated.
			if i%3 == 0 {
				if _, err := svc.Act(ctx, officer, c.ID, domain.ComplaintActionDecline,
					complaints.ActInput{Reason: "Bukan kewenangan kami.", Redirect: "Kantor BPJS"}); err != nil {
					t.Fatal(err)
				}
			}
			s.Clock.Advance(24 * time.Hour)
		}
		if _, _, err := svc.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		for _, role := range []domain.Role{domain.RoleComplaintOfficer, domain.RoleOfficeHead, domain.RoleAuditor} {
			seen, cursor := map[int64]bool{}, ""
			var order []complaints.Complaint
			for {
				p, err := svc.List(ctx, actor(s, role), complaints.ListQuery{Limit: 2, Cursor: cursor})
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range p.Items {
					if seen[c.ID] {
						t.Fatalf("%s: %d twice", role, c.ID)
					}
					seen[c.ID] = true
					order = append(order, c)
				}
				if p.Next == "" {
					break
				}
				cursor = p.Next
			}
			if len(seen) != 7 {
				t.Fatalf("%s saw %d", role, len(seen))
			}
			for i := 1; i < len(order); i++ {
				a, b := order[i-1], order[i]
				if role == domain.RoleOfficeHead && a.Escalated() != b.Escalated() {
					if !a.Escalated() {
						t.Fatalf("the head sees an escalated complaint after another")
					}
					continue
				}
				if a.DueOn == nil && b.DueOn != nil || a.DueOn != nil && b.DueOn != nil && b.DueOn.Before(*a.DueOn) {
					t.Fatalf("%s: %v before %v", role, a.DueOn, b.DueOn)
				}
			}
		}
	})
}

// Each office deadline escalates once: received past VerifyDays, then
// assigned past FollowUpDays; the head of office lists escalated ones first.
func TestSweepEscalatesEachDeadlineOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		monday := time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC)
		s := testserver.Start(t, db, testserver.At(monday))
		svc := s.Services.Complaints
		ctx := context.Background()
		file := func() complaints.Complaint {
			c, err := svc.File(ctx, complaints.Filing{Category: domain.CategoryWrongData,
				Text: "Nama ahli waris salah ketik di klaim.", Identity: domain.IdentityAnonymous})
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		late, fresh := file(), file()
		sweep := func(want int) {
			t.Helper()
			if e, _, err := svc.Sweep(ctx); err != nil || e != want {
				t.Fatalf("escalated %d (%v), want %d", e, err, want)
			}
		}
		s.Clock.Set(time.Date(2026, 12, 4, 2, 0, 0, 0, time.UTC)) // past 3 December
		officer := actor(s, domain.RoleComplaintOfficer)
		// Both are late; fresh is verified before the sweep.
		if _, err := svc.Act(ctx, officer, fresh.ID, domain.ComplaintActionVerify, complaints.ActInput{}); err != nil {
			t.Fatal(err)
		}
		sweep(1) // late only: verified complaints wait on no escalation
		sweep(0)
		if _, err := svc.Act(ctx, officer, late.ID, domain.ComplaintActionVerify, complaints.ActInput{}); err != nil {
			t.Fatal(err)
		}
		c, err := svc.Act(ctx, officer, late.ID, domain.ComplaintActionAssign, complaints.ActInput{Unit: domain.UnitFinance})
		if err != nil || c.DueOn == nil || c.DueOn.String() != "2026-12-11" {
			t.Fatalf("assigned %v %+v", err, c)
		}
		s.Clock.Set(time.Date(2026, 12, 14, 2, 0, 0, 0, time.UTC))
		sweep(1) // the follow-up deadline is a new one
		sweep(0)
		page, err := svc.List(ctx, actor(s, domain.RoleOfficeHead), complaints.ListQuery{})
		if err != nil || len(page.Items) != 2 || page.Items[0].ID != late.ID || !page.Items[0].Escalated() {
			t.Fatalf("the head's list %v %+v", err, page.Items)
		}
		overdue, err := svc.List(ctx, officer, complaints.ListQuery{Overdue: true})
		if err != nil || len(overdue.Items) != 2 {
			t.Fatalf("overdue %v %d", err, len(overdue.Items))
		}
		rep, err := svc.VerifyAudit(ctx)
		if err != nil || !rep.OK() {
			t.Fatalf("audit %v %+v", err, rep)
		}
	})
}
