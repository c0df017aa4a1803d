package api_test

import (
	"net/http"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

func TestErrorResponses(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		clerk, officer := domain.RoleDukcapilClerk, domain.RoleDinsosOfficer
		cases := []struct {
			name   string
			method string
			path   string
			role   domain.Role
			body   any
			status int
			code   string
		}{
			{"malformed JSON", "POST", "/api/v1/claims", clerk, `{"deceased": {`, 400, "bad_request"},
			{"not an object", "POST", "/api/v1/claims", clerk, `[1,2]`, 400, "bad_request"},
			{"unknown field", "POST", "/api/v1/claims", clerk, `{"deceased":{},"heir":{},"bank_account":{},"amount":5000000}`, 400, "bad_request"},
			{"wrong type", "POST", "/api/v1/claims", clerk, `{"deceased":{"nik":3324}}`, 400, "bad_request"},
			{"trailing data", "POST", actionPath(c.ID, "return"), clerk, `{"reason":"x"} {"reason":"y"}`, 400, "bad_request"},
			{"empty body where one is needed", "POST", "/api/v1/claims", clerk, "", 400, "bad_request"},
			{"body too large", "POST", "/api/v1/claims", clerk, `{"deceased":{"address":"` + strings.Repeat("a", 1<<20) + `"}}`, 413, "payload_too_large"},
			{"no token", "GET", "/api/v1/claims", "", nil, 401, "unauthenticated"},
			{"treasurer files a claim", "POST", "/api/v1/claims", domain.RoleTreasurer, claimBody(2), 403, "forbidden"},
			{"admin reads claims", "GET", "/api/v1/claims", domain.RoleAdmin, nil, 403, "forbidden"},
			{"clerk approves", "POST", actionPath(c.ID, "approve"), clerk, nil, 403, "forbidden"},
			{"clerk lists users", "GET", "/api/v1/users", clerk, nil, 403, "forbidden"},
			{"auditor verifies a death", "POST", actionPath(c.ID, "verify_death"), domain.RoleAuditor, map[string]string{"death_certificate_no": "A1"}, 403, "forbidden"},
			{"unknown claim", "GET", "/api/v1/claims/987654", clerk, nil, 404, "not_found"},
			{"non-numeric id", "GET", "/api/v1/claims/abc", clerk, nil, 404, "not_found"},
			{"unknown action", "POST", actionPath(c.ID, "pay_twice"), officer, nil, 404, "not_found"},
			{"unknown route", "GET", "/api/v1/nothing", clerk, nil, 404, "not_found"},
			{"wrong method", "DELETE", "/api/v1/claims", clerk, nil, 405, "method_not_allowed"},
			{"stale version", "POST", actionPath(c.ID, "cancel"), officer, map[string]any{"reason": "x", "version": 99}, 409, "version_conflict"},
			{"bad status filter", "GET", "/api/v1/claims?status=lost", clerk, nil, 422, "validation_failed"},
			{"bad limit", "GET", "/api/v1/claims?limit=ten", clerk, nil, 422, "validation_failed"},
			{"bad cursor", "GET", "/api/v1/claims?cursor=bm9wZQ", clerk, nil, 422, "validation_failed"},
			{"missing reason", "POST", actionPath(c.ID, "return"), clerk, map[string]any{}, 422, "validation_failed"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				h.expectError(h.do(tc.method, tc.path, tc.role, tc.body), tc.status, tc.code)
			})
		}
	})
}

func TestInvalidTransitionNamesTheStatus(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		e := h.expectError(h.do(http.MethodPost, actionPath(c.ID, "approve"), domain.RoleDinsosOfficer, nil), http.StatusConflict, "invalid_transition")
		if e.Error.Status != "submitted" {
			t.Fatalf("error names status %q, want submitted", e.Error.Status)
		}
	})
}

func TestVersionConflictNamesTheCurrentVersion(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.withAkta(h.file(1))
		seen := c.Version
		c = h.act(c, domain.RoleDukcapilClerk, "verify_death", map[string]any{"death_certificate_no": "A1", "version": seen})
		e := h.expectError(h.do(http.MethodPost, actionPath(c.ID, "approve"), domain.RoleDinsosOfficer, map[string]any{"version": seen}),
			http.StatusConflict, "version_conflict")
		if e.Error.Version != seen+1 || c.Version != seen+1 {
			t.Fatalf("error names version %d, want %d", e.Error.Version, seen+1)
		}
	})
}

func TestValidationNamesEveryField(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		body := claimBody(1)
		body["deceased"].(map[string]string)["nik"] = "1234"
		body["deceased"].(map[string]string)["village_code"] = "3374011001"
		body["heir"].(map[string]string)["phone"] = "021555"
		body["bank_account"].(map[string]string)["bank_code"] = "999"
		e := h.expectError(h.do(http.MethodPost, "/api/v1/claims", domain.RoleDukcapilClerk, body), http.StatusUnprocessableEntity, "validation_failed")
		for _, f := range []string{"deceased.nik", "deceased.village_code", "heir.phone", "bank_account.bank_code"} {
			if e.Error.Fields[f] == "" {
				t.Errorf("no message for %s in %v", f, e.Error.Fields)
			}
		}
		if len(e.Error.Fields) != 4 {
			t.Errorf("fields %v, want exactly the 4 bad ones", e.Error.Fields)
		}
	})
}

func TestDuplicateClaimNamesTheExistingCode(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		e := h.expectError(h.do(http.MethodPost, "/api/v1/claims", domain.RoleDukcapilClerk, claimBody(1)), http.StatusConflict, "duplicate_claim")
		if e.Error.ExistingCode != c.Code || !strings.Contains(e.Error.Message, c.Code) {
			t.Fatalf("error %+v, want it to name %s", e.Error, c.Code)
		}
	})
}

func TestOutsideRegencyNIKIsAWarning(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		body := claimBody(1)
		body["deceased"].(map[string]string)["nik"] = "3374010101500001" // issued in Kota Semarang
		var c claimOut
		h.expect(h.do(http.MethodPost, "/api/v1/claims", domain.RoleDukcapilClerk, body), http.StatusCreated, &c)
		if len(c.Warnings) != 1 || c.Warnings[0] != "nik_outside_regency" {
			t.Fatalf("warnings %v, want nik_outside_regency", c.Warnings)
		}
	})
}

func TestReadyzReportsAnUnreachableDatabase(t *testing.T) {
	h := start(t, testdb.SQLite(t))
	h.expect(h.send(http.MethodGet, "/readyz", "", nil), http.StatusOK, nil)
	if err := h.db.Close(); err != nil {
		t.Fatal(err)
	}
	h.expectError(h.send(http.MethodGet, "/readyz", "", nil), http.StatusServiceUnavailable, "service_unavailable")
	h.expect(h.send(http.MethodGet, "/healthz", "", nil), http.StatusOK, nil)
}
