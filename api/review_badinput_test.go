package api_test

import (
	"net/http"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Hostile input on the new routes: always a 4xx, never a 500.
func TestReviewNewRoutesRefuseBadInput(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(monday))
		c := s.FileComplaint(map[string]any{"category": domain.CategoryWrongData, "identity": domain.IdentityAnonymous,
			"text": "Nama ahli waris salah ketik di klaim."}, "")
		cases := []struct {
			method, path string
			role         domain.Role
			body         any
		}{
			{"GET", "/api/v1/complaints?limit=-1", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints?limit=99999999999999999999", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints?cursor=%00%ff", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints?cursor=eyJpZCI6LTF9", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints?status=%00", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints?category=x%ff", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints?from=2026-02-30", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints?from=99999-01-01", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints/export?from=2026-02-30", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints/export?from=99999-01-01&to=1-01-01", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints/export?format=%00", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints/99999999999999999999", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints/-1/events", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/complaints/1/evidence/%00/content", domain.RoleComplaintOfficer, nil},
			{"GET", "/api/v1/public/complaints/%00", "", nil},
			{"GET", "/api/v1/public/complaints/" + strings.Repeat("A", 5000), "", nil},
			{"POST", "/api/v1/public/complaints/" + c.Code + "/dispute", "", map[string]any{"reason": "a\u202eb"}},
			{"POST", "/api/v1/public/complaints/" + c.Code + "/dispute", "", map[string]any{"reason": 5}},
			{"POST", testserver.ComplaintPath(c.ID) + "/assign", domain.RoleComplaintOfficer, map[string]any{"unit": "dinsos\x00"}},
			{"POST", testserver.ComplaintPath(c.ID) + "/verify", domain.RoleComplaintOfficer, map[string]any{"version": -5}},
			{"POST", testserver.ComplaintPath(c.ID) + "/verify", domain.RoleComplaintOfficer, map[string]any{"version": 1e30}},
			{"POST", testserver.ComplaintPath(c.ID) + "/nope", domain.RoleComplaintOfficer, map[string]any{}},
			{"POST", "/api/v1/public/complaints", "", map[string]any{"category": "pungli", "identity": "anonim", "text": "x", "claim_code": "\x00", "nik": "1"}},
			{"POST", "/api/v1/public/complaints", "", map[string]any{"category": "pungli", "identity": "anonim", "text": strings.Repeat("é", 100000)}},
			{"POST", "/api/v1/public/complaints", "", map[string]any{"category": "pungli", "identity": "anonim", "text": "ok teks", "village_code": "\xff", "named_unit": "x"}},
			{"GET", "/api/v1/surveys/index?year=99999", domain.RoleDinsosOfficer, nil},
			{"GET", "/api/v1/surveys/index?year=-1&month=13", domain.RoleDinsosOfficer, nil},
			{"GET", "/api/v1/surveys/index?from=2026-02-30&to=99999-01-01", domain.RoleDinsosOfficer, nil},
			{"GET", "/api/v1/surveys/index.xlsx?year=%00", domain.RoleDinsosOfficer, nil},
			{"GET", "/api/v1/surveys/comments?cursor=%00%ff&limit=-1", domain.RoleDinsosOfficer, nil},
			{"GET", "/api/v1/surveys/comments?cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&limit=99999999999999999999", domain.RoleDinsosOfficer, nil},
			{"GET", "/api/v1/public/surveys/%00", "", nil},
			{"POST", "/api/v1/public/surveys/AAAAAAAAAAAAAAAAAAAAAA", "", map[string]any{"requirements": 9}},
			{"POST", "/api/v1/public/surveys/AAAAAAAAAAAAAAAAAAAAAA", "", "not an object"},
			{"GET", "/api/v1/calendar/years/99999", domain.RoleAdmin, nil},
			{"GET", "/api/v1/calendar/years/-1", domain.RoleAdmin, nil},
			{"POST", "/api/v1/calendar/days", domain.RoleAdmin, map[string]any{"date": "2026-02-30", "kind": "holiday", "name": "x"}},
			{"POST", "/api/v1/calendar/days", domain.RoleAdmin, map[string]any{"date": "99999-01-01", "kind": "holiday", "name": "x"}},
			{"POST", "/api/v1/calendar/days", domain.RoleAdmin, map[string]any{"date": "2026-12-31", "kind": "\u202e", "name": "\u0000"}},
			{"DELETE", "/api/v1/calendar/days/2026-02-30", domain.RoleAdmin, nil},
			{"DELETE", "/api/v1/calendar/days/99999-01-01", domain.RoleAdmin, nil},
		}
		for _, tc := range cases {
			var resp *http.Response
			if tc.role == "" {
				resp = s.Send(tc.method, tc.path, "", tc.body)
			} else {
				resp = s.Do(tc.method, tc.path, tc.role, tc.body)
			}
			body := s.Expect(resp, resp.StatusCode, nil)
			if resp.StatusCode >= 500 || resp.StatusCode == http.StatusNotFound && strings.Contains(string(body), "no such endpoint") {
				t.Errorf("%s %s: %d %s", tc.method, tc.path, resp.StatusCode, body)
			} else {
				t.Logf("%s %.80s: %d %.200s", tc.method, tc.path, resp.StatusCode, body)
			}
		}
	})
}
