package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// SP4N-LAPOR!'s integration, configured: the officer's send posts the report with the bearer token
// and answers LAPOR!'s id, with the fields LAPOR! carries and nothing
// personal. The export is CSV or JSON of the same fields.
func TestLaporAdapterAndExport(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		var mu sync.Mutex
		var got []map[string]any
		var auth string
		fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			raw, _ := io.ReadAll(r.Body)
			var rec map[string]any
			_ = json.Unmarshal(raw, &rec)
			mu.Lock()
			got, auth = append(got, rec), r.Header.Get("Authorization")
			mu.Unlock()
			_, _ = io.WriteString(w, `{"id":"LAPOR-2026-0042"}`)
		}))
		t.Cleanup(fake.Close)

		s := testserver.Start(t, db, testserver.At(monday),
			testserver.Env("SANTUNAN_LAPOR_URL", fake.URL, "SANTUNAN_LAPOR_TOKEN", "rahasia-lapor"))
		phone := testserver.Phone(77)
		body := map[string]any{"category": domain.CategorySlowService, "identity": domain.IdentityNamed, "name": "Dewi Lestari",
			"text": "Sudah tiga minggu klaim tidak diproses."}
		c := s.FileComplaint(body, s.ComplaintPhoneToken(phone))
		s.ExpectError(s.Do(http.MethodPost, testserver.ComplaintPath(c.ID)+"/lapor", domain.RoleOfficeHead, nil),
			http.StatusForbidden, "forbidden")
		var sent struct {
			LaporID string `json:"lapor_id"`
		}
		s.Expect(s.Do(http.MethodPost, testserver.ComplaintPath(c.ID)+"/lapor", domain.RoleComplaintOfficer, nil), http.StatusOK, &sent)
		mu.Lock()
		defer mu.Unlock()
		if sent.LaporID != "LAPOR-2026-0042" || auth != "Bearer rahasia-lapor" || len(got) != 1 {
			t.Fatalf("sent %+v, auth %q, records %d", sent, auth, len(got))
		}
		rec := got[0]
		if rec["tracking_id"] != c.Code || rec["channel"] != "web" || rec["content"] != body["text"] || rec["anonymous"] != false ||
			rec["status"] != "received" || rec["category"] != "pelayanan_lambat" {
			t.Fatalf("record %v", rec)
		}
		raw, _ := json.Marshal(rec)
		if strings.Contains(string(raw), "Dewi") || strings.Contains(string(raw), phone) {
			t.Fatalf("the record names the complainant: %s", raw)
		}

		var export []map[string]any
		s.Expect(s.Do(http.MethodGet, testserver.ComplaintsPath+"/export?format=json&from=2026-11-30&to=2026-11-30",
			domain.RoleComplaintOfficer, nil), http.StatusOK, &export)
		if len(export) != 1 || export[0]["tracking_id"] != c.Code {
			t.Fatalf("export %v", export)
		}
		s.Expect(s.Do(http.MethodGet, testserver.ComplaintsPath+"/export?format=json&from=2026-12-01&to=2026-12-31",
			domain.RoleComplaintOfficer, nil), http.StatusOK, &export)
		if len(export) != 0 {
			t.Fatalf("export of another range %v", export)
		}
		csv := string(s.Expect(s.Do(http.MethodGet, testserver.ComplaintsPath+"/export?from=2026-11-30&to=2026-11-30",
			domain.RoleComplaintOfficer, nil), http.StatusOK, nil))
		if lines := strings.Split(strings.TrimSpace(csv), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "tracking_id,category,content,channel") {
			t.Fatalf("csv %q", csv)
		}
		for _, q := range []string{"?from=2026-11-30", "?from=2026-12-30&to=2026-11-30", "?from=kemarin&to=2026-11-30",
			"?format=xlsx&from=2026-11-30&to=2026-11-30", "?from=2025-01-01&to=2026-11-30"} {
			s.ExpectError(s.Do(http.MethodGet, testserver.ComplaintsPath+"/export"+q, domain.RoleComplaintOfficer, nil),
				http.StatusUnprocessableEntity, "validation_failed")
		}
	})
}

// Without SANTUNAN_LAPOR_URL nothing is sent anywhere.
func TestLaporOffByDefault(t *testing.T) {
	s := testserver.Start(t, testdb.SQLite(t), testserver.At(monday))
	c := s.FileComplaint(testserver.ComplaintBody(domain.CategoryExtortion), "")
	s.ExpectError(s.Do(http.MethodPost, testserver.ComplaintPath(c.ID)+"/lapor", domain.RoleComplaintOfficer, nil),
		http.StatusConflict, "lapor_not_configured")
}
