package complaints_test

import (
	"context"
	"errors"
	"testing"

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
