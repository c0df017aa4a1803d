package api_test

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

func answeredComplaint(t *testing.T, s *testserver.Server) testserver.Complaint {
	t.Helper()
	c := s.FileComplaint(map[string]any{"category": domain.CategoryWrongData, "identity": domain.IdentityAnonymous,
		"text": "Nama ahli waris salah ketik di klaim."}, "")
	s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionVerify, nil)
	s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionAssign, map[string]any{"unit": domain.UnitDinsos})
	return s.ComplaintAct(c.ID, domain.RoleDinsosOfficer, domain.ComplaintActionAnswer, map[string]any{"answer": "Sudah."})
}

func auditOK(t *testing.T, s *testserver.Server) {
	t.Helper()
	rep, err := s.Services.Complaints.VerifyAudit(context.Background())
	if err != nil || !rep.OK() {
		t.Fatalf("audit %v %+v", err, rep)
	}
}

// Races on one complaint: exactly one winner, the rest a clear 409, the
// trail intact.
func TestReviewComplaintRaces(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(monday))
		// Two staff (the office and the officer) answering at once.
		c := s.FileComplaint(map[string]any{"category": domain.CategoryWrongData, "identity": domain.IdentityAnonymous,
			"text": "Nama ahli waris salah ketik di klaim."}, "")
		s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionVerify, nil)
		s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionAssign, map[string]any{"unit": domain.UnitDinsos})
		var reqs []testserver.Request
		for i := 0; i < 6; i++ {
			role := domain.RoleDinsosOfficer
			if i%2 == 1 {
				role = domain.RoleComplaintOfficer
			}
			reqs = append(reqs, testserver.Request{Method: http.MethodPost, Path: testserver.ComplaintPath(c.ID) + "/answer",
				Role: role, Body: map[string]any{"answer": "Jawaban."}})
		}
		wins := 0
		for _, r := range s.Race(reqs...) {
			switch {
			case r.Status == http.StatusOK:
				wins++
			case r.Status == http.StatusConflict:
			default:
				t.Errorf("answer race: %v %s", r, r.Body)
			}
		}
		if wins != 1 {
			t.Errorf("%d answers won", wins)
		}

		// The complainant disputing while the sweep closes it.
		c = answeredComplaint(t, s)
		day(s, 2026, 12, 15) // past the automatic closing day (14 December)
		var wg sync.WaitGroup
		var closed int
		var sweepErr error
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, closed, sweepErr = s.Services.Complaints.Sweep(context.Background())
		}()
		res := s.Race(testserver.Request{Method: http.MethodPost, Path: "/api/v1/public/complaints/" + c.Code + "/dispute",
			Body: map[string]any{"reason": "Belum beres."}})
		wg.Wait()
		if sweepErr != nil {
			t.Fatalf("sweep: %v", sweepErr)
		}
		got := s.GetComplaint(c.ID, domain.RoleComplaintOfficer)
		switch {
		// (the first complaint, answered, is closed by the same sweep)
		case res[0].Status == http.StatusOK && closed == 1 && got.Status == "assigned":
		case res[0].Status == http.StatusConflict && closed == 2 && got.Status == "closed":
		default:
			t.Errorf("dispute %v, sweep closed %d, status %s", res[0], closed, got.Status)
		}

		// Confirm racing reopen (and itself).
		c = answeredComplaint(t, s)
		var rr []testserver.Request
		for i := 0; i < 3; i++ {
			rr = append(rr, testserver.Request{Method: http.MethodPost, Path: "/api/v1/public/complaints/" + c.Code + "/confirm", Body: map[string]any{}},
				testserver.Request{Method: http.MethodPost, Path: "/api/v1/public/complaints/" + c.Code + "/reopen", Body: map[string]any{"reason": "Lagi."}})
		}
		confirms := 0
		for i, r := range s.Race(rr...) {
			if r.Status >= 500 || r.Err != nil {
				t.Errorf("request %d: %v", i, r)
			}
			if i%2 == 0 && r.Status == http.StatusOK {
				confirms++
			}
		}
		if confirms != 1 {
			t.Errorf("%d confirms won", confirms)
		}
		auditOK(t, s)
	})
}
