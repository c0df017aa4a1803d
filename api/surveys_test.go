package api_test

import (
	"bytes"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

var surveyLink = regexp.MustCompile(`https?://[^ ]+/survei/([A-Za-z0-9_-]{22})`)

func scores(v ...int) map[string]int {
	names := []string{"requirements", "procedure", "service_time", "cost", "product", "competence", "behaviour",
		"complaint_handling", "facilities"}
	out := map[string]int{}
	for i, n := range v {
		out[names[i]] = n
	}
	return out
}

// A paid claim's message carries the survey's link (and no NIK or
// account); the link answers once; the answer shows in the year's index
// and its spreadsheet, without the claim.
func TestPaidMessageLinksTheSurveyAnsweredOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.Consenting())
		c := s.Paid(1)
		in := fixture.ClaimInput(1)
		var paid string
		for _, m := range s.Gateway.WaitFor(t, 4) {
			if strings.Contains(m.Text, "sudah dibayar") {
				paid = m.Text
			}
		}
		match := surveyLink.FindStringSubmatch(paid)
		if match == nil {
			t.Fatalf("paid message without the survey's link: %q", paid)
		}
		for _, secret := range []string{in.Heir.NIK, in.Deceased.NIK, in.BankAccount.AccountNumber} {
			if strings.Contains(paid, secret) {
				t.Fatalf("paid message %q carries %q", paid, secret)
			}
		}
		if !strings.Contains(paid, c.Code) {
			t.Fatalf("paid message %q lacks the code", paid)
		}
		token := match[1]
		path := "/api/v1/public/surveys/" + token

		var form struct {
			Elements []struct {
				Element string `json:"element"`
				Levels  []struct {
					Score int    `json:"score"`
					Label string `json:"label"`
				} `json:"levels"`
			} `json:"elements"`
		}
		s.Expect(s.Send(http.MethodGet, path, "", nil), http.StatusOK, &form)
		if len(form.Elements) != 9 || form.Elements[3].Element != "cost" || form.Elements[3].Levels[3].Label != "Gratis" {
			t.Fatalf("form %+v", form)
		}

		// Bad input: 4xx with the field, never a 500.
		for _, tc := range []struct {
			body   any
			status int
			field  string
		}{
			{`{"scores":`, http.StatusBadRequest, ""},
			{map[string]any{"scores": scores(4, 4, 4, 4, 4, 4, 4, 4)}, http.StatusUnprocessableEntity, "scores.facilities"},
			{map[string]any{"scores": scores(4, 4, 4, 4, 5, 4, 4, 4, 4)}, http.StatusUnprocessableEntity, "scores.product"},
			{map[string]any{"scores": scores(4, 4, 4, 0, 4, 4, 4, 4, 4)}, http.StatusUnprocessableEntity, "scores.cost"},
			{map[string]any{"scores": map[string]int{"speed": 4}}, http.StatusUnprocessableEntity, "scores.speed"},
			{map[string]any{"scores": scores(4, 4, 4, 4, 4, 4, 4, 4, 4), "comment": "a\u202eb"}, http.StatusUnprocessableEntity, "comment"},
			{map[string]any{"scores": scores(4, 4, 4, 4, 4, 4, 4, 4, 4), "comment": strings.Repeat("x", 1001)}, http.StatusUnprocessableEntity, "comment"},
			{map[string]any{"scores": scores(4, 4, 4, 4, 4, 4, 4, 4, 4), "extra": 1}, http.StatusBadRequest, ""},
		} {
			code := "validation_failed"
			if tc.status == http.StatusBadRequest {
				code = "bad_request"
			}
			e := s.ExpectError(s.Send(http.MethodPost, path, "", tc.body), tc.status, code)
			if tc.field != "" && e.Error.Fields[tc.field] == "" {
				t.Errorf("%v: fields %v lack %s", tc.body, e.Error.Fields, tc.field)
			}
		}
		s.ExpectError(s.Send(http.MethodGet, "/api/v1/public/surveys/AAAAAAAAAAAAAAAAAAAAAA", "", nil), http.StatusNotFound, "survey_not_found")
		s.ExpectError(s.Send(http.MethodGet, "/api/v1/public/surveys/pendek", "", nil), http.StatusNotFound, "survey_not_found")

		answer := map[string]any{"scores": scores(4, 3, 4, 4, 3, 4, 4, 2, 3), "comment": "=Petugas ramah"}
		s.Expect(s.Send(http.MethodPost, path, "", answer), http.StatusCreated, nil)
		s.ExpectError(s.Send(http.MethodPost, path, "", answer), http.StatusConflict, "survey_answered")
		s.ExpectError(s.Send(http.MethodGet, path, "", nil), http.StatusConflict, "survey_answered")

		var year struct {
			Year      int `json:"year"`
			YearIndex struct {
				Count int                `json:"count"`
				Means map[string]float64 `json:"means"`
				Index *float64           `json:"index"`
				Band  *string            `json:"band"`
			} `json:"year_index"`
			Months []struct {
				Count int      `json:"count"`
				Index *float64 `json:"index"`
			} `json:"months"`
		}
		s.Expect(s.Do(http.MethodGet, "/api/v1/surveys/index?year=2026", domain.RoleOfficeHead, nil), http.StatusOK, &year)
		// 31 points of 36: 31/9 × 25 = 86.11 → B.
		y := year.YearIndex
		if y.Count != 1 || y.Index == nil || *y.Index != 86.11 || *y.Band != "B" || y.Means["complaint_handling"] != 2 {
			t.Fatalf("year index %+v", y)
		}
		if len(year.Months) != 12 || year.Months[10].Count != 1 || year.Months[9].Count != 0 || year.Months[9].Index != nil {
			t.Fatalf("months %+v", year.Months)
		}
		s.ExpectError(s.Do(http.MethodGet, "/api/v1/surveys/index?year=20x6", domain.RoleOfficeHead, nil), http.StatusUnprocessableEntity, "validation_failed")
		s.ExpectError(s.Do(http.MethodGet, "/api/v1/surveys/index?year=1999", domain.RoleOfficeHead, nil), http.StatusUnprocessableEntity, "validation_failed")
		s.ExpectError(s.Do(http.MethodGet, "/api/v1/surveys/comments?year=2026&cursor=bad", domain.RoleAuditor, nil), http.StatusUnprocessableEntity, "validation_failed")
		var comments struct {
			Comments []struct{ Period, Text string } `json:"comments"`
		}
		s.Expect(s.Do(http.MethodGet, "/api/v1/surveys/comments?year=2026", domain.RoleAuditor, nil), http.StatusOK, &comments)
		if len(comments.Comments) != 1 || comments.Comments[0].Text != "=Petugas ramah" || comments.Comments[0].Period != "2026-11" {
			t.Fatalf("comments %+v", comments)
		}

		// The spreadsheet read back: the month's row, the year's, the comment
		// as text (not a formula), nothing of the claim.
		resp := s.Do(http.MethodGet, "/api/v1/surveys/index.xlsx?year=2026", domain.RoleDinsosOfficer, nil)
		raw := s.Expect(resp, http.StatusOK, nil)
		f, err := excelize.OpenReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("IKM per bulan")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 14 || rows[0][0] != "Bulan" || rows[0][11] != "IKM" {
			t.Fatalf("index sheet %v", rows)
		}
		nov := rows[11]
		if nov[0] != "November 2026" || nov[1] != "1" || nov[2] != "4" || nov[9] != "2" || nov[11] != "86.11" || nov[12] != "B (Baik)" {
			t.Fatalf("November row %v", nov)
		}
		if oct := rows[10]; len(oct) != 2 || oct[1] != "0" {
			t.Fatalf("October row %v", oct)
		}
		if whole := rows[13]; whole[0] != "Setahun 2026" || whole[11] != "86.11" {
			t.Fatalf("year row %v", whole)
		}
		cm, err := f.GetRows("Saran dan masukan")
		if err != nil || len(cm) != 2 || cm[1][0] != "2026-11" || cm[1][1] != "=Petugas ramah" {
			t.Fatalf("comments sheet %v, %v", cm, err)
		}
		if formula, _ := f.GetCellFormula("Saran dan masukan", "B2"); formula != "" {
			t.Fatalf("comment became a formula %q", formula)
		}
		for _, sheet := range f.GetSheetList() {
			all, _ := f.GetRows(sheet)
			for _, r := range all {
				for _, cell := range r {
					if strings.Contains(cell, c.Code) || strings.Contains(cell, in.Heir.FullName) {
						t.Fatalf("sheet %s names the claim: %q", sheet, cell)
					}
				}
			}
		}
		s.AuditOK()
	})
}

// Posts of one survey link at once: one answer, 409 survey_answered for
// the rest, never a 5xx.
func TestSurveyAnswersRace(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.Consenting())
		s.Paid(1)
		var token string
		for _, m := range s.Gateway.WaitFor(t, 4) {
			if match := surveyLink.FindStringSubmatch(m.Text); match != nil {
				token = match[1]
			}
		}
		if token == "" {
			t.Fatal("no survey link")
		}
		req := testserver.Request{Method: http.MethodPost, Path: "/api/v1/public/surveys/" + token,
			Body: map[string]any{"scores": scores(4, 4, 3, 4, 4, 4, 4, 3, 3)}}
		results := s.Race(req, req, req, req, req, req)
		won := 0
		for _, r := range results {
			switch {
			case r.Status == http.StatusCreated:
				won++
			case r.Status == http.StatusConflict && r.Code == "survey_answered":
			default:
				t.Errorf("unexpected %s", r)
			}
		}
		var year struct {
			YearIndex struct {
				Count int `json:"count"`
			} `json:"year_index"`
		}
		s.Expect(s.Do(http.MethodGet, "/api/v1/surveys/index?year=2026", domain.RoleAuditor, nil), http.StatusOK, &year)
		if won != 1 || year.YearIndex.Count != 1 {
			t.Fatalf("%d answers won, %d counted", won, year.YearIndex.Count)
		}
	})
}
