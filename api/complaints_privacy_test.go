package api_test

import (
	"net/http"
	"strings"
	"testing"

	"santunan/complaints"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// An anonymous complaint's identity is the complaint officer's alone, and a
// rahasia complaint's content is the officer's and the assigned office's:
// per role, over HTTP, in the list, one complaint, its trail and the export.
func TestComplaintPrivacyPerRole(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(monday))
		phone := testserver.Phone(52)
		body := map[string]any{"category": domain.CategoryStaffManner, "identity": domain.IdentityAnonymous,
			"name": "Budi Santoso", "confidential": true, "notify_consent": true,
			"text": "Petugas loket membentak saya ketika bertanya soal berkas."}
		c := s.FileComplaint(body, s.ComplaintPhoneToken(phone))
		if c.ComplainantName != "Budi Santoso" || c.ComplainantPhone != phone || c.Text != body["text"] {
			t.Fatalf("the complaint officer sees %+v", c)
		}
		s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionVerify, nil)
		s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionAssign, map[string]any{"unit": domain.UnitDukcapil})
		s.ComplaintAct(c.ID, domain.RoleDukcapilClerk, domain.ComplaintActionAnswer, map[string]string{"answer": "Petugas sudah kami tegur."})

		for _, tc := range []struct {
			role            domain.Role
			sees            bool // the complaint at all
			identity, reads bool
		}{
			{domain.RoleComplaintOfficer, true, true, true},
			{domain.RoleDukcapilClerk, true, false, true}, // the assigned office
			{domain.RoleOfficeHead, true, false, false},
			{domain.RoleAuditor, true, false, false},
			{domain.RoleDinsosOfficer, false, false, false}, // another office
			{domain.RoleTreasurer, false, false, false},
		} {
			resp := s.Do(http.MethodGet, testserver.ComplaintPath(c.ID), tc.role, nil)
			if !tc.sees {
				s.ExpectError(resp, http.StatusNotFound, "not_found")
				continue
			}
			var got testserver.Complaint
			s.Expect(resp, http.StatusOK, &got)
			if (got.ComplainantName != "") != tc.identity || (got.ComplainantPhone != "") != tc.identity {
				t.Errorf("%s: identity %q %q", tc.role, got.ComplainantName, got.ComplainantPhone)
			}
			if reads := got.Text == body["text"]; reads != tc.reads {
				t.Errorf("%s: text %q", tc.role, got.Text)
			}
			if !tc.reads && (got.Text != complaints.Withheld || got.Answer != complaints.Withheld) {
				t.Errorf("%s: withheld content shows %q / %q", tc.role, got.Text, got.Answer)
			}
			raw := string(s.Expect(s.Do(http.MethodGet, testserver.ComplaintPath(c.ID)+"/events", tc.role, nil), http.StatusOK, nil))
			if strings.Contains(raw, "Budi") || strings.Contains(raw, phone) {
				t.Errorf("%s: the trail names the complainant: %s", tc.role, raw)
			}
			if !tc.reads && strings.Contains(raw, "tegur") {
				t.Errorf("%s: the trail shows the rahasia answer: %s", tc.role, raw)
			}
			list := string(s.Expect(s.Do(http.MethodGet, testserver.ComplaintsPath, tc.role, nil), http.StatusOK, nil))
			if !tc.identity && strings.Contains(list, "Budi") {
				t.Errorf("%s: the list names the complainant", tc.role)
			}
			if !tc.reads && strings.Contains(list, "membentak") {
				t.Errorf("%s: the list shows the rahasia text", tc.role)
			}
		}
		// The admin reads no complaints.
		s.ExpectError(s.Do(http.MethodGet, testserver.ComplaintsPath, domain.RoleAdmin, nil), http.StatusForbidden, "forbidden")
		// The export is the officer's, and never carries an identity or rahasia content.
		s.ExpectError(s.Do(http.MethodGet, testserver.ComplaintsPath+"/export?from=2026-11-01&to=2026-12-31", domain.RoleOfficeHead, nil),
			http.StatusForbidden, "forbidden")
		csv := string(s.Expect(s.Do(http.MethodGet, testserver.ComplaintsPath+"/export?format=csv&from=2026-11-01&to=2026-12-31",
			domain.RoleComplaintOfficer, nil), http.StatusOK, nil))
		if !strings.Contains(csv, c.Code) || !strings.Contains(csv, complaints.Withheld) || strings.Contains(csv, "membentak") ||
			strings.Contains(csv, "Budi") || strings.Contains(csv, phone) || !strings.Contains(csv, ",web,true,true,") {
			t.Errorf("export %s", csv)
		}
		// An anonymous complainant who gave a phone but did not agree to
		// messages gets none: none is even queued.
		quiet := testserver.ComplaintBody(domain.CategoryOther)
		q := s.FileComplaint(quiet, s.ComplaintPhoneToken(testserver.Phone(53)))
		s.ComplaintAct(q.ID, domain.RoleComplaintOfficer, domain.ComplaintActionVerify, nil)
		var queued int64
		if err := db.Read.Raw("SELECT COUNT(*) FROM notifications WHERE ref LIKE ?", "complaint:"+itoa(q.ID)+":%").Scan(&queued).Error; err != nil || queued != 0 {
			t.Fatalf("messages queued without consent: %d %v", queued, err)
		}
		if err := db.Read.Raw("SELECT COUNT(*) FROM notifications WHERE ref LIKE ?", "complaint:"+itoa(c.ID)+":%").Scan(&queued).Error; err != nil || queued != 4 {
			t.Fatalf("messages queued with consent: %d %v", queued, err)
		}
		// The anonymous complainant agreed to messages: they arrive, with nothing personal.
		for _, m := range complaintMessages(t, s, phone, 4) {
			if strings.Contains(m, "Budi") || strings.Contains(m, "tegur") || strings.Contains(m, "membentak") {
				t.Errorf("message %q", m)
			}
		}
	})
}

// The pungli rule: a complaint about money asked for that names an office
// is not assigned there without the complaint officer's explicit decision,
// and until then that office's staff do not see it, not even among the
// complaints tied to their claim.
func TestPungliRouting(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(monday))
		claim := s.File(3)
		heirNIK := testserver.ClaimBody(3)["heir"].(map[string]string)["nik"]
		body := testserver.ComplaintBody(domain.CategoryExtortion)
		body["named_unit"], body["claim_code"], body["heir_nik"] = domain.UnitDukcapil, claim.Code, heirNIK
		c := s.FileComplaint(body, "")
		if c.ClaimID == nil || *c.ClaimID != claim.ID || c.NamedUnit != "dukcapil" {
			t.Fatalf("filed %+v", c)
		}
		// A wrong NIK ties nothing.
		bad := testserver.ComplaintBody(domain.CategoryExtortion)
		bad["claim_code"], bad["heir_nik"] = claim.Code, "3324155505800999"
		if e := s.ExpectError(s.SendComplaint(bad, ""), http.StatusUnprocessableEntity, "validation_failed"); e.Error.Fields["claim_code"] == "" {
			t.Fatalf("wrong NIK: %+v", e)
		}
		tied := func(role domain.Role) []testserver.Complaint {
			var out struct {
				Items []testserver.Complaint `json:"items"`
			}
			s.Expect(s.Do(http.MethodGet, testserver.ClaimPath(claim.ID)+"/complaints", role, nil), http.StatusOK, &out)
			return out.Items
		}
		if got := tied(domain.RoleDukcapilClerk); len(got) != 0 {
			t.Fatalf("the named office sees its pungli complaint on the claim: %+v", got)
		}
		if got := tied(domain.RoleDinsosOfficer); len(got) != 1 || got[0].ComplainantName != "" || got[0].Status != "received" {
			t.Fatalf("another office sees %+v", got)
		}
		s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionVerify, nil)
		s.ExpectError(s.Do(http.MethodPost, testserver.ComplaintPath(c.ID)+"/assign", domain.RoleComplaintOfficer,
			map[string]any{"unit": domain.UnitDukcapil}), http.StatusConflict, "named_unit_unconfirmed")
		// Elsewhere it goes without a decision; to the named office only with one.
		s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionAssign, map[string]any{"unit": domain.UnitDinsos})
		if got := tied(domain.RoleDukcapilClerk); len(got) != 0 {
			t.Fatalf("the named office sees it once assigned elsewhere: %+v", got)
		}
		s.ExpectError(s.Do(http.MethodGet, testserver.ComplaintPath(c.ID), domain.RoleDukcapilClerk, nil), http.StatusNotFound, "not_found")
		got := s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionAssign,
			map[string]any{"unit": domain.UnitDukcapil, "confirm_named_unit": true, "reason": "Kepala bidang Dukcapil sendiri yang menangani."})
		if !got.PungliConfirmed || got.Unit != "dukcapil" {
			t.Fatalf("assigned on decision %+v", got)
		}
		if list := tied(domain.RoleDukcapilClerk); len(list) != 1 {
			t.Fatalf("the named office, assigned on decision, sees %+v", list)
		}
		raw := string(s.Expect(s.Do(http.MethodGet, testserver.ComplaintPath(c.ID)+"/events", domain.RoleAuditor, nil), http.StatusOK, nil))
		if !strings.Contains(raw, `"pungli_confirmed":{"old":"false","new":"true"}`) {
			t.Fatalf("the decision is not in the trail: %s", raw)
		}
	})
}

// A complaint event altered in the database (with the append-only
// triggers dropped, as only someone with the database could) is reported
// by audit verify, with the complaint's code.
func TestComplaintTamperDetected(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(monday))
		c := s.FileComplaint(testserver.ComplaintBody(domain.CategoryOther), "")
		s.ComplaintAct(c.ID, domain.RoleComplaintOfficer, domain.ComplaintActionVerify, nil)
		drop := "DROP TRIGGER complaint_events_no_update"
		if db.IsPostgres() {
			drop = "DROP TRIGGER complaint_events_append_only ON complaint_events"
		}
		if err := db.Write.Exec(drop).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Write.Exec("UPDATE complaint_events SET actor_username = 'orang_lain' WHERE complaint_id = ? AND seq = 2", c.ID).Error; err != nil {
			t.Fatal(err)
		}
		var audit struct {
			OK         bool `json:"ok"`
			Complaints struct {
				Problems []struct {
					Code    string `json:"code"`
					Seq     int    `json:"seq"`
					Problem string `json:"problem"`
				} `json:"problems"`
			} `json:"complaints"`
		}
		s.Expect(s.Do(http.MethodGet, "/api/v1/audit/verify", domain.RoleAuditor, nil), http.StatusOK, &audit)
		if audit.OK || len(audit.Complaints.Problems) == 0 || audit.Complaints.Problems[0].Code != c.Code ||
			audit.Complaints.Problems[0].Seq != 2 {
			t.Fatalf("audit %+v", audit)
		}
	})
}
