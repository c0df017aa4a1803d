package api_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

const registerHeader = "nik,full_name,sex,date_of_death,death_certificate_no,village_code,registered_on\n"

// registerLine is the register's record of fixture claim n's deceased.
func registerLine(n int, died string) string {
	return fmt.Sprintf("%s,Ahmad Fauzi,L,%s,3324-KM-%04d,3324151001,2026-11-27\n", fixture.ClaimInput(n).Deceased.NIK, died, n)
}

type importReport struct {
	Lines     int `json:"lines"`
	Inserted  int `json:"inserted"`
	Unchanged int `json:"unchanged"`
	Refused   int `json:"refused"`
	Problems  []struct {
		Line  int    `json:"line"`
		Field string `json:"field"`
		Code  string `json:"code"`
	} `json:"problems"`
}

func TestDeathRegisterImportOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		file := registerHeader + registerLine(1, "2026-11-20") + "3324150101500002,Ahmad,L,2026-11-20,A-2,3324159999,2026-11-27\n" +
			"bukan,baris,yang,benar\n" + registerLine(3, "2026-11-01")
		importPath := "/api/v1/death-records/import"
		var rep importReport
		h.expect(h.raw(http.MethodPost, importPath, domain.RoleDukcapilClerk, "text/csv", strings.NewReader(file)), http.StatusOK, &rep)
		if rep.Lines != 4 || rep.Inserted != 2 || rep.Refused != 2 || len(rep.Problems) != 2 ||
			rep.Problems[0].Line != 3 || rep.Problems[0].Code != "village_unknown" || rep.Problems[1].Code != "column_count" {
			t.Fatalf("first import %+v", rep)
		}
		// The same file again, as the page's form sends it: nothing changes.
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		part, _ := w.CreateFormFile("file", "siak.csv")
		_, _ = part.Write([]byte(file))
		_ = w.Close()
		h.expect(h.raw(http.MethodPost, importPath, domain.RoleDukcapilClerk, w.FormDataContentType(), &buf), http.StatusOK, &rep)
		if rep.Inserted != 0 || rep.Unchanged != 2 || rep.Refused != 2 {
			t.Fatalf("second import %+v", rep)
		}

		h.expectError(h.raw(http.MethodPost, importPath, domain.RoleDinsosOfficer, "text/csv", strings.NewReader(file)), 403, "forbidden")
		h.expectError(h.raw(http.MethodPost, importPath, domain.RoleAdmin, "text/csv", strings.NewReader(file)), 403, "forbidden")
		h.expectError(h.raw(http.MethodPost, importPath, domain.RoleDukcapilClerk, "application/json", strings.NewReader("{}")), 415, "unsupported_media_type")
		e := h.expectError(h.raw(http.MethodPost, importPath, domain.RoleDukcapilClerk, "text/csv", strings.NewReader("a,b\n1,2\n")), 422, "validation_failed")
		if e.Error.Fields["file"] == "" {
			t.Fatalf("bad header error %+v", e.Error)
		}
		// Bigger than the API's 1 MiB JSON limit: the import has its own.
		var big strings.Builder
		big.WriteString(registerHeader)
		for i := 0; big.Len() < 3<<20; i++ {
			big.WriteString(registerLine(1, "2026-11-20"))
		}
		h.expect(h.raw(http.MethodPost, importPath, domain.RoleDukcapilClerk, "text/csv", strings.NewReader(big.String())), http.StatusOK, &rep)
		if rep.Unchanged != rep.Lines || rep.Lines < 20000 {
			t.Fatalf("large import %+v", rep)
		}
	})
}

type matchOut struct {
	Outcome      string `json:"outcome"`
	OutcomeLabel string `json:"outcome_label"`
	Differences  []struct {
		Field    string `json:"field"`
		Claim    string `json:"claim"`
		Register string `json:"register"`
	} `json:"differences"`
	Prefill *struct {
		DeathCertificateNo string `json:"death_certificate_no"`
		DateOfDeath        string `json:"date_of_death"`
	} `json:"prefill"`
}

func TestDeathRecordMatchAndVerifyOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		h.expect(h.raw(http.MethodPost, "/api/v1/death-records/import", domain.RoleDukcapilClerk, "text/csv",
			strings.NewReader(registerHeader+registerLine(1, "2026-11-20")+registerLine(2, "2026-11-18"))), http.StatusOK, nil)
		matchPath := func(c claimOut) string { return "/api/v1/claims/" + itoa(c.ID) + "/death-record-match" }

		agrees, differs, unknown := h.file(1), h.file(2), h.file(3)
		var m matchOut
		h.expect(h.do(http.MethodGet, matchPath(agrees), domain.RoleDukcapilClerk, nil), http.StatusOK, &m)
		if m.Outcome != "match" || m.OutcomeLabel != "Cocok dengan data kematian Dukcapil" || m.Prefill == nil ||
			m.Prefill.DeathCertificateNo != "3324-KM-0001" || m.Prefill.DateOfDeath != "2026-11-20" {
			t.Fatalf("match %+v", m)
		}
		h.expect(h.do(http.MethodGet, matchPath(differs), domain.RoleDinsosOfficer, nil), http.StatusOK, &m)
		if m.Outcome != "mismatch" || len(m.Differences) != 1 || m.Differences[0].Field != "date_of_death" || m.Differences[0].Register != "2026-11-18" {
			t.Fatalf("mismatch %+v", m)
		}
		h.expect(h.do(http.MethodGet, matchPath(unknown), domain.RoleAuditor, nil), http.StatusOK, &m)
		if m.Outcome != "not_in_register" || m.Prefill != nil {
			t.Fatalf("not found %+v", m)
		}
		h.expectError(h.do(http.MethodGet, matchPath(agrees), domain.RoleTreasurer, nil), 403, "forbidden")
		h.expectError(h.do(http.MethodPost, matchPath(agrees)+"/online", domain.RoleDukcapilClerk, nil), 501, "registry_not_configured")

		for _, c := range []claimOut{agrees, differs} {
			h.attach(c, "akta_kematian", testserver.SamplePDF)
		}
		verify := map[string]any{"death_certificate_no": "3324-KM-0002"}
		var e struct {
			Error struct {
				Code                string   `json:"code"`
				RegisterDifferences []string `json:"register_differences"`
			} `json:"error"`
		}
		h.expect(h.do(http.MethodPost, actionPath(differs.ID, "verify_death"), domain.RoleDukcapilClerk, verify), 422, &e)
		if e.Error.Code != "register_mismatch_unconfirmed" || !slices.Equal(e.Error.RegisterDifferences, []string{"date_of_death"}) {
			t.Fatalf("unconfirmed mismatch %+v", e.Error)
		}
		verify["confirm_register_mismatch"] = true
		h.act(differs, domain.RoleDukcapilClerk, "verify_death", verify)
		h.act(agrees, domain.RoleDukcapilClerk, "verify_death", map[string]any{"death_certificate_no": "3324-KM-0001"})

		var events struct {
			Events []struct {
				Action  string                       `json:"action"`
				Changes map[string]map[string]string `json:"changes"`
			} `json:"events"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/claims/"+itoa(differs.ID)+"/events", domain.RoleAuditor, nil), http.StatusOK, &events)
		last := events.Events[len(events.Events)-1]
		if last.Action != "verify_death" || last.Changes["death_register.match"]["new"] != "mismatch_confirmed: date_of_death" {
			t.Fatalf("verify event %+v", last)
		}
	})
}

func TestOnlineRegistryCheckOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		nik := fixture.ClaimInput(1).Deceased.NIK
		dukcapil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var body struct{ NIK string }
			_ = json.NewDecoder(r.Body).Decode(&body)
			if r.Header.Get("X-API-Key") != "k" || body.NIK != nik {
				w.WriteHeader(http.StatusNotFound)
				return
			}
			_ = json.NewEncoder(w).Encode(map[string]string{"nik": nik, "full_name": "Ahmad Fauzi", "sex": "L",
				"date_of_death": "2026-11-20", "death_certificate_no": "3324-KM-0001", "village_code": "3324151001", "registered_on": "2026-11-21"})
		}))
		t.Cleanup(dukcapil.Close)
		// Configured as an operator would: the service's URL and key.
		h := start(t, db, testserver.Env("SANTUNAN_DUKCAPIL_URL", dukcapil.URL, "SANTUNAN_DUKCAPIL_KEY", "k"))
		c, other := h.file(1), h.file(2)
		var out struct {
			Found bool     `json:"found"`
			Match matchOut `json:"match"`
		}
		path := func(c claimOut) string { return "/api/v1/claims/" + itoa(c.ID) + "/death-record-match/online" }
		h.expect(h.do(http.MethodPost, path(c), domain.RoleDukcapilClerk, nil), http.StatusOK, &out)
		if !out.Found || out.Match.Outcome != "match" {
			t.Fatalf("online check %+v", out)
		}
		h.expect(h.do(http.MethodPost, path(other), domain.RoleDukcapilClerk, nil), http.StatusOK, &out)
		if out.Found || out.Match.Outcome != "not_in_register" {
			t.Fatalf("online check of an unknown NIK %+v", out)
		}
		h.expectError(h.do(http.MethodPost, path(c), domain.RoleDinsosOfficer, nil), 403, "forbidden")
	})
}

func TestUnclaimedDeathsOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		lines := registerHeader + registerLine(1, "2026-11-01") + registerLine(2, "2026-11-02") +
			strings.Replace(registerLine(3, "2026-10-01"), "3324151001", "3324151002", 1) + registerLine(4, "2026-11-25")
		h.expect(h.raw(http.MethodPost, "/api/v1/death-records/import", domain.RoleDukcapilClerk, "text/csv", strings.NewReader(lines)), http.StatusOK, nil)
		in := claimBody(2)
		in["deceased"].(map[string]string)["date_of_death"] = "2026-11-02"
		h.expect(h.do(http.MethodPost, "/api/v1/claims", domain.RoleDukcapilClerk, in), http.StatusCreated, nil)

		var page struct {
			Items []struct {
				NIK            string `json:"nik"`
				VillageName    string `json:"village_name"`
				DaysSinceDeath int    `json:"days_since_death"`
				ClaimDeadline  string `json:"claim_deadline"`
			} `json:"items"`
			NextCursor string `json:"next_cursor"`
			AfterDays  int    `json:"after_days"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/death-records/unclaimed?limit=1", domain.RoleDinsosOfficer, nil), http.StatusOK, &page)
		if len(page.Items) != 1 || page.NextCursor == "" || page.AfterDays != 14 || page.Items[0].NIK != fixture.ClaimInput(1).Deceased.NIK {
			t.Fatalf("first page %+v", page)
		}
		h.expect(h.do(http.MethodGet, "/api/v1/death-records/unclaimed?limit=1&cursor="+page.NextCursor, domain.RoleDinsosOfficer, nil), http.StatusOK, &page)
		if len(page.Items) != 1 || page.NextCursor != "" || page.Items[0].VillageName != "Sukodono" || page.Items[0].DaysSinceDeath != 58 {
			t.Fatalf("second page %+v", page)
		}
		h.expectError(h.do(http.MethodGet, "/api/v1/death-records/unclaimed?village_code=123", domain.RoleDinsosOfficer, nil), 422, "validation_failed")
		h.expectError(h.do(http.MethodGet, "/api/v1/death-records/unclaimed", domain.RoleTreasurer, nil), 403, "forbidden")

		var counts struct {
			Villages []struct {
				VillageCode string `json:"village_code"`
				Count       int    `json:"count"`
			} `json:"villages"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/death-records/unclaimed/by-village", domain.RoleAuditor, nil), http.StatusOK, &counts)
		if len(counts.Villages) != 2 || counts.Villages[0].Count != 1 || counts.Villages[1].VillageCode != "3324151002" {
			t.Fatalf("counts %+v", counts)
		}

		resp := h.do(http.MethodGet, "/api/v1/death-records/unclaimed.csv", domain.RoleDukcapilClerk, nil)
		body := h.expect(resp, http.StatusOK, nil)
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" ||
			resp.Header.Get("Content-Disposition") != "attachment; filename=kematian-belum-diklaim-2026-11-28.csv" ||
			len(rows) != 3 || rows[0][0] != "village_code" || rows[2][1] != "Sukodono" {
			t.Fatalf("export %v %q", resp.Header, body)
		}
		h.expectError(h.do(http.MethodGet, "/api/v1/death-records/unclaimed.csv?village_code=x", domain.RoleDukcapilClerk, nil), 422, "validation_failed")
	})
}
