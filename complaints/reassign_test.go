package complaints_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"santunan/complaints"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Passing an assigned complaint to another office keeps the follow-up
// deadline (reassigning cannot reset the clock and dodge escalation), and
// the complainant hears of it. A role that may not act gets 403 before any
// version check tells it the complaint's version.
func TestReassignKeepsTheDeadlineAndTellsTheComplainant(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		svc := s.Services.Complaints
		ctx := context.Background()
		s.Clock.Set(time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)) // Tuesday
		token := s.ComplaintPhoneToken(testserver.Phone(8))
		c, err := svc.File(ctx, complaints.Filing{Category: domain.CategorySlowService,
			Text: "Klaim saya belum diproses sejak bulan lalu.", Identity: domain.IdentityNamed,
			Name: "Siti Aminah", PhoneToken: token})
		if err != nil {
			t.Fatal(err)
		}
		officer := actor(s, domain.RoleComplaintOfficer)
		if _, err := svc.Act(ctx, officer, c.ID, domain.ComplaintActionVerify, complaints.ActInput{}); err != nil {
			t.Fatal(err)
		}
		first, err := svc.Act(ctx, officer, c.ID, domain.ComplaintActionAssign, complaints.ActInput{Unit: domain.UnitDukcapil})
		if err != nil || first.DueOn == nil || first.DueOn.String() != "2026-12-08" {
			t.Fatalf("assigned %v %+v", err, first.DueOn)
		}
		s.Clock.Set(time.Date(2026, 12, 7, 2, 0, 0, 0, time.UTC))
		stale := first.Version - 1
		if _, err := svc.Act(ctx, actor(s, domain.RoleAuditor), c.ID, domain.ComplaintActionAssign,
			complaints.ActInput{Unit: domain.UnitDinsos, Version: &stale}); !errors.Is(err, domain.ErrForbidden) {
			t.Fatalf("auditor with a stale version: %v, want forbidden", err)
		}
		again, err := svc.Act(ctx, officer, c.ID, domain.ComplaintActionAssign, complaints.ActInput{Unit: domain.UnitDinsos})
		if err != nil || again.Unit != domain.UnitDinsos {
			t.Fatalf("reassigned %v %+v", err, again)
		}
		if again.DueOn == nil || *again.DueOn != *first.DueOn {
			t.Fatalf("reassignment moved the deadline from %v to %v", first.DueOn, again.DueOn)
		}
		s.Gateway.WaitFor(t, 5) // the phone's code, then received, verified, assigned, reassigned
		n := 0
		for _, m := range s.Gateway.To(testserver.Phone(8)) {
			if strings.Contains(m.Text, c.Code) {
				n++
			}
		}
		if n != 4 {
			t.Fatalf("%d messages name the complaint, want 4 (the reassignment's too)", n)
		}
	})
}
