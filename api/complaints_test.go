package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// monday is 09:00 in Kendal on Monday 30 November 2026: a complaint filed
// then is due for verification on Thursday 3 December (3 working days).
var monday = time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC)

// day sets the server's clock to 09:00 WIB of the date; staff log in again.
func day(s *testserver.Server, y int, m time.Month, d int) {
	s.Clock.Set(time.Date(y, m, d, 2, 0, 0, 0, time.UTC))
	s.LogInAgain()
}

// complaintMessages waits until n complaint messages reached phone.
func complaintMessages(t *testing.T, s *testserver.Server, phone string, n int) []string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var out []string
		for _, m := range s.Gateway.To(phone) {
			if strings.Contains(m.Text, "ADU-") {
				out = append(out, m.Text)
			}
		}
		if len(out) >= n {
			return out
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d complaint messages to the phone, want %d: %q", len(out), n, out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A named complaint through every state over HTTP, on the production
// wiring with the fake clock: filed, escalated past its verify deadline
// (once), verified, assigned, answered, disputed, answered, confirmed,
// reopened within the window, answered and closed by the sweep, then
// refused reopening after the window. The complainant hears of every step
// with the code and the tracking link and nothing personal; the trail holds.
func TestComplaintThroughEveryState(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(monday))
		phone := testserver.Phone(41)
		token := s.ComplaintPhoneToken(phone)
		body := map[string]any{"category": domain.CategorySlowService, "identity": domain.IdentityNamed,
			"name": "Siti Aminah", "text": "Klaim santunan ibu saya sudah dua minggu belum ada kabar."}
		c := s.FileComplaint(body, token)
		if c.Status != "received" || c.DueOn != "2026-12-03" || c.ComplainantName != "Siti Aminah" || c.ComplainantPhone != phone {
			t.Fatalf("filed %+v", c)
		}
		// The token is used up: a second complaint needs a new check.
		s.ExpectError(s.SendComplaint(body, token), http.StatusUnauthorized, "phone_check_required")

		// Thursday is still within the deadline; Friday is past it.
		day(s, 2026, 12, 3)
		if e, _ := s.Sweep(); e != 0 {
			t.Fatalf("escalated %d on the due day", e)
		}
		day(s, 2026, 12, 4)
		if e, _ := s.Sweep(); e != 1 {
			t.Fatalf("escalated %d past the due day", e)
		}
		if e, _ := s.Sweep(); e != 0 {
			t.Fatalf("escalated the same deadline twice (%d)", e)
		}
		head := s.GetComplaint(c.ID, domain.RoleOfficeHead)
		if !head.Escalated || !head.Overdue || head.ComplainantName != "Siti Aminah" {
			t.Fatalf("the head of office sees %+v", head)
		}

		c = s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionVerify, nil)
		if c.Status != "verified" || c.DueOn != "2026-12-11" {
			t.Fatalf("verified %+v", c)
		}
		c = s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionAssign,
			map[string]any{"unit": domain.UnitDinsos, "unit_name": "Bidang Perlindungan dan Jaminan Sosial"})
		if c.Status != "assigned" || c.Unit != "dinsos" {
			t.Fatalf("assigned %+v", c)
		}
		// Another office's staff neither see nor answer it.
		s.ExpectError(s.Do(http.MethodGet, testserver.ComplaintPath(c.ID), domain.RoleDukcapilClerk, nil), http.StatusNotFound, "not_found")
		s.ExpectError(s.Do(http.MethodPost, testserver.ComplaintPath(c.ID)+"/answer", domain.RoleDukcapilClerk,
			map[string]string{"answer": "x"}), http.StatusForbidden, "forbidden")
		c = s.ComplaintAct(c.ID, domain.RoleDinsosOfficer, domain.ComplaintActionAnswer,
			map[string]string{"answer": "Klaim sudah kami proses dan menunggu persetujuan."})
		if c.Status != "answered" || c.DueOn != "2026-12-18" {
			t.Fatalf("answered %+v", c)
		}
		tr := s.TrackComplaint(strings.ToLower(strings.ReplaceAll(c.Code, "-", " ")))
		if tr.Status != "answered" || tr.Answer == "" || len(tr.Actions) != 2 {
			t.Fatalf("tracked %+v", tr)
		}
		// A dispute needs a reason, and sends it back to the office.
		s.ExpectError(s.Complainant(c.Code, domain.ComplaintActionDispute, ""), http.StatusUnprocessableEntity, "validation_failed")
		s.Expect(s.Complainant(c.Code, domain.ComplaintActionDispute, "Belum ada kejelasan kapan dibayar."), http.StatusOK, nil)
		c = s.GetComplaint(c.ID, domain.RoleDinsosOfficer)
		if c.Status != "assigned" || c.DueOn != "2026-12-11" {
			t.Fatalf("disputed %+v", c)
		}
		s.ComplaintAct(c.ID, domain.RoleDinsosOfficer, domain.ComplaintActionAnswer,
			map[string]string{"answer": "Pembayaran dijadwalkan minggu depan."})
		s.Expect(s.Complainant(c.Code, domain.ComplaintActionConfirm, ""), http.StatusOK, nil)
		s.ExpectError(s.Complainant(c.Code, domain.ComplaintActionConfirm, ""), http.StatusConflict, "invalid_transition")

		// Reopened within the window; answered again; closed by the sweep
		// when the complainant says nothing for 10 working days.
		day(s, 2026, 12, 7)
		s.Expect(s.Complainant(c.Code, domain.ComplaintActionReopen, "Ternyata belum dibayar."), http.StatusOK, nil)
		c = s.GetComplaint(c.ID, domain.RoleComplaintOfficer)
		if c.Status != "assigned" || c.ReopenCount != 1 {
			t.Fatalf("reopened %+v", c)
		}
		s.ComplaintAct(c.ID, domain.RoleDinsosOfficer, domain.ComplaintActionAnswer,
			map[string]string{"answer": "Sudah ditransfer hari ini."})
		day(s, 2026, 12, 21) // the 10th working day after 7 December
		if _, closed := s.Sweep(); closed != 0 {
			t.Fatalf("closed %d on the last day", closed)
		}
		day(s, 2026, 12, 22)
		if _, closed := s.Sweep(); closed != 1 {
			t.Fatalf("closed %d after the last day", closed)
		}
		tr = s.TrackComplaint(c.Code)
		if tr.Status != "closed" || tr.ReopenUntil == "" || len(tr.Actions) != 1 {
			t.Fatalf("closed %+v", tr)
		}
		// After the window (10 working days after 22 December, with the
		// Christmas days off), reopening is refused.
		day(s, 2027, 1, 12)
		s.ExpectError(s.Complainant(c.Code, domain.ComplaintActionReopen, "Masih belum."), http.StatusConflict, "reopen_window_passed")

		var events struct {
			Events []struct {
				Action    string `json:"action"`
				ActorRole string `json:"actor_role"`
			} `json:"events"`
		}
		s.Expect(s.Do(http.MethodGet, testserver.ComplaintPath(c.ID)+"/events", domain.RoleAuditor, nil), http.StatusOK, &events)
		var actions []string
		for _, e := range events.Events {
			actions = append(actions, e.Action)
		}
		want := "file escalate verify assign answer dispute answer confirm reopen answer autoclose"
		if got := strings.Join(actions, " "); got != want {
			t.Fatalf("trail %s, want %s", got, want)
		}
		var audit struct {
			OK         bool `json:"ok"`
			Complaints struct {
				Checked  int   `json:"complaints_checked"`
				Problems []any `json:"problems"`
			} `json:"complaints"`
		}
		s.Expect(s.Do(http.MethodGet, "/api/v1/audit/verify", domain.RoleAuditor, nil), http.StatusOK, &audit)
		if !audit.OK || audit.Complaints.Checked != 1 {
			t.Fatalf("audit %+v", audit)
		}

		// Every step the complainant acts on reached the phone: received,
		// verified, assigned, answered, reopened (dispute), answered,
		// closed, reopened, answered, closed. Each names the code and the
		// tracking page, never the name, the phone or the complaint.
		msgs := complaintMessages(t, s, phone, 10)
		for _, m := range msgs {
			if !strings.Contains(m, c.Code) || !strings.Contains(m, "/aduan/lacak?kode=") {
				t.Errorf("message without the code or link: %q", m)
			}
			for _, secret := range []string{"Siti", "Aminah", phone, "812", "dua minggu", "ditransfer"} {
				if strings.Contains(m, secret) {
					t.Errorf("message %q gives away %q", m, secret)
				}
			}
		}
	})
}
