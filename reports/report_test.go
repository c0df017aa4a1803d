package reports_test

import (
	"fmt"
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/reports"
)

// want is a Durations as expected: count, median, p90, within the limit.
type want struct {
	count, median, p90, within int
}

func checkDurations(t *testing.T, what string, got reports.Durations, w want, limit int) {
	t.Helper()
	med, p90 := -1, -1
	if got.MedianDays != nil {
		med = *got.MedianDays
	}
	if got.P90Days != nil {
		p90 = *got.P90Days
	}
	if w.count == 0 {
		w.median, w.p90 = -1, -1
	}
	share := 0.0
	if w.count > 0 {
		share = float64(w.within) / float64(w.count)
	}
	if got.Count != w.count || med != w.median || p90 != w.p90 || got.Within != w.within || got.LimitDays != limit || got.Share != share {
		t.Errorf("%s: count %d median %d p90 %d within %d/%d share %v, want %d %d %d %d/%d %v",
			what, got.Count, med, p90, got.Within, got.LimitDays, got.Share, w.count, w.median, w.p90, w.within, limit, share)
	}
}

// report is a report as the API answers it; its dates stay text.
type report struct {
	reports.Report
	From  string `json:"from"`
	To    string `json:"to"`
	Today string `json:"today"`
}

// monthly reads a report through the API as the role.
func monthly(s *testserver.Server, role domain.Role, query string) report {
	s.T.Helper()
	var r report
	s.Expect(s.Do(http.MethodGet, "/api/v1/reports/"+query, role, nil), http.StatusOK, &r)
	return r
}

// The seeded month (testserver.SeedReportMonth): claims moved through the
// stages on known days across weekends and the Lebaran week, so each
// working-day median, 90th percentile and share within the standard is
// known; and the same split per kecamatan, and for one kecamatan.
func TestMonthReportOnSeededClaims(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(testserver.ReportStart))
		s.SeedReportMonth()
		std := s.Config.Standard
		r := monthly(s, domain.RoleOfficeHead, "monthly?year=2026&month=3")

		if r.Year != 2026 || r.Month != 3 || r.Kecamatan != nil || r.From != "2026-03-01" || r.To != "2026-03-31" ||
			r.Today != "2026-03-31" {
			t.Errorf("period %d-%d %v %s..%s today %s", r.Year, r.Month, r.Kecamatan, r.From, r.To, r.Today)
		}
		if want := (reports.Flow{Filed: 5, Paid: 2, Returned: 1, Rejected: 1}); r.Flow != want {
			t.Errorf("flow %+v, want %+v", r.Flow, want)
		}
		stages := map[domain.Stage]want{
			domain.StageIntake:  {1, 1, 1, 1}, // G: Fri 6 → Mon 9
			domain.StageVerify:  {6, 2, 4, 5}, // F 1, A 2, D 4, B 2, C 1 and 2
			domain.StageApprove: {3, 2, 6, 2}, // A 2, F 6, B 1 (Lebaran)
			domain.StagePay:     {2, 2, 2, 2}, // A 2, B 2
			domain.StageRepay:   {},           // none
		}
		now := map[domain.Stage]int{domain.StageVerify: 1, domain.StageApprove: 1, domain.StagePay: 1}
		// Overdue on 31 March: G in verify since Mon 9 (due Wed 11), F in
		// pay since Tue 10 (due Tue 17); C entered approve on Mon 30 (due
		// Thu 2 April).
		overdue := map[domain.Stage]int{domain.StageVerify: 1, domain.StagePay: 1}
		if len(r.Stages) != len(domain.AllStages) {
			t.Fatalf("%d stages", len(r.Stages))
		}
		for i, st := range r.Stages {
			if st.Stage != domain.AllStages[i] {
				t.Errorf("stage %d is %s", i, st.Stage)
			}
			checkDurations(t, string(st.Stage), st.Durations, stages[st.Stage], std.StageDays[st.Stage])
			if st.InStageNow != now[st.Stage] || st.OverdueNow != overdue[st.Stage] {
				t.Errorf("%s: %d in the stage now, %d overdue; want %d, %d", st.Stage, st.InStageNow, st.OverdueNow,
					now[st.Stage], overdue[st.Stage])
			}
		}
		checkDurations(t, "end to end", r.EndToEnd.Durations, want{2, 5, 6, 2}, std.EndToEndDays)
		if e := r.EndToEnd; e.TargetDays != 3 || e.WithinTarget != 0 || e.TargetShare != 0 {
			t.Errorf("target %d: %d within (%v), want none within 3", e.TargetDays, e.WithinTarget, e.TargetShare)
		}
		counts, late := map[domain.Status]int{}, map[domain.Status]int{}
		for _, n := range r.ClaimsNow {
			counts[n.Status] = n.Count
			if n.Overdue > 0 {
				late[n.Status] = n.Overdue
			}
		}
		if want := map[domain.Status]int{domain.StatusSubmitted: 1, domain.StatusApproved: 1}; fmt.Sprint(late) != fmt.Sprint(want) {
			t.Errorf("overdue now %v, want %v", late, want)
		}
		if want := map[domain.Status]int{domain.StatusApplied: 0, domain.StatusSubmitted: 1, domain.StatusReturned: 0,
			domain.StatusDeathVerified: 1, domain.StatusApproved: 1, domain.StatusDisbursing: 0, domain.StatusPaymentFailed: 0}; fmt.Sprint(counts) != fmt.Sprint(want) {
			t.Errorf("claims now %v, want %v", counts, want)
		}

		// Per kecamatan: all of Kendal's twenty, the two with claims split.
		if len(r.Kecamatans) != 20 {
			t.Errorf("%d kecamatan, want Kendal's 20", len(r.Kecamatans))
		}
		byCode := map[string]reports.KecamatanFigures{}
		for _, k := range r.Kecamatans {
			byCode[k.Code] = k
		}
		kendal, plantungan := byCode[testserver.ReportKecamatanKendal], byCode[testserver.ReportKecamatanPlantungan]
		if kendal.Name != "Kendal" || plantungan.Name != "Plantungan" {
			t.Errorf("names %q, %q", kendal.Name, plantungan.Name)
		}
		if want := (reports.Flow{Filed: 3, Paid: 1, Returned: 1}); kendal.Flow != want || kendal.InStageNow != 3 || kendal.OverdueNow != 2 {
			t.Errorf("Kendal %+v, %d now, %d overdue; want %+v, 3, 2", kendal.Flow, kendal.InStageNow, kendal.OverdueNow, want)
		}
		checkDurations(t, "Kendal end to end", kendal.EndToEnd.Durations, want{1, 6, 6, 1}, std.EndToEndDays)
		if want := (reports.Flow{Filed: 2, Paid: 1, Rejected: 1}); plantungan.Flow != want || plantungan.InStageNow != 0 {
			t.Errorf("Plantungan %+v, %d now; want %+v, 0", plantungan.Flow, plantungan.InStageNow, want)
		}
		checkDurations(t, "Plantungan end to end", plantungan.EndToEnd.Durations, want{1, 5, 5, 1}, std.EndToEndDays)
		for code, k := range byCode {
			if code != testserver.ReportKecamatanKendal && code != testserver.ReportKecamatanPlantungan &&
				(k.Flow != reports.Flow{} || k.EndToEnd.Count != 0 || k.InStageNow != 0) {
				t.Errorf("kecamatan %s %s has figures: %+v", code, k.Name, k)
			}
		}

		// Complaints: filed in March by category and status as they stand;
		// filing to verification, and assignment to the first answer.
		c := r.Complaints
		if c == nil {
			t.Fatal("no complaints section for the head of office")
		}
		byCat := map[domain.ComplaintCategory]map[domain.ComplaintStatus]int{}
		for _, cat := range c.ByCategory {
			if cat.Total > 0 {
				byCat[cat.Category] = cat.ByStatus
			}
		}
		if want := map[domain.ComplaintCategory]map[domain.ComplaintStatus]int{
			domain.CategorySlowService: {domain.ComplaintClosed: 1, domain.ComplaintReceived: 1}, domain.CategoryExtortion: {domain.ComplaintAssigned: 1},
			domain.CategoryWrongData: {domain.ComplaintReceived: 1}}; c.Filed != 4 || fmt.Sprint(byCat) != fmt.Sprint(want) {
			t.Errorf("complaints %d: %v, want 4: %v", c.Filed, byCat, want)
		}
		if len(c.ByCategory) != len(domain.AllComplaintCategories) {
			t.Errorf("%d categories", len(c.ByCategory))
		}
		checkDurations(t, "complaints to verify", c.ToVerify, want{2, 2, 3, 2}, 3)       // K1 2, K2 3 (Lebaran)
		checkDurations(t, "complaints to first answer", c.ToAnswer, want{1, 2, 2, 1}, 5) // K1 Thu 5 → Mon 9
		if c.Escalated != 1 || c.OpenEscalated != 1 {                                    // K4
			t.Errorf("escalated %d, open %d; want K4", c.Escalated, c.OpenEscalated)
		}
		// SKM: A's heir gave 4 everywhere, B's 3.
		if sv := r.Survey; sv == nil || sv.Count != 2 || sv.Index != 87.5 || sv.Band != "B" || len(sv.Elements) != 9 ||
			sv.Elements[0].Element != "requirements" || sv.Elements[0].Mean != 3.5 {
			t.Errorf("survey %+v", r.Survey)
		}
		// The officer reads the report without the complaints (a count
		// could tell of a pungli complaint kept from the office it names).
		if o := monthly(s, domain.RoleDinsosOfficer, "monthly?year=2026&month=3"); o.Complaints != nil || o.Flow != r.Flow || o.Survey == nil {
			t.Errorf("the officer's report: complaints %+v, flow %+v", o.Complaints, o.Flow)
		}

		// One kecamatan: only its claims, everywhere in the report.
		p := monthly(s, domain.RoleOfficeHead, "monthly?year=2026&month=3&kecamatan="+testserver.ReportKecamatanPlantungan)
		if p.Kecamatan == nil || p.Kecamatan.Name != "Plantungan" || len(p.Kecamatans) != 1 || p.Kecamatans[0].Code != testserver.ReportKecamatanPlantungan {
			t.Errorf("kecamatan report on %+v with %d rows", p.Kecamatan, len(p.Kecamatans))
		}
		if want := (reports.Flow{Filed: 2, Paid: 1, Rejected: 1}); p.Flow != want {
			t.Errorf("Plantungan's flow %+v, want %+v", p.Flow, want)
		}
		pStages := map[domain.Stage]want{domain.StageVerify: {2, 2, 4, 1}, domain.StageApprove: {1, 1, 1, 1}, domain.StagePay: {1, 2, 2, 1}}
		for _, st := range p.Stages {
			checkDurations(t, "Plantungan "+string(st.Stage), st.Durations, pStages[st.Stage], std.StageDays[st.Stage])
			if st.InStageNow != 0 {
				t.Errorf("Plantungan %s: %d now", st.Stage, st.InStageNow)
			}
		}
		checkDurations(t, "Plantungan end to end", p.EndToEnd.Durations, want{1, 5, 5, 1}, std.EndToEndDays)
		if pc := p.Complaints; pc == nil || pc.Filed != 1 || pc.ToVerify.Count != 1 || pc.ToAnswer.Count != 0 {
			t.Errorf("Plantungan's complaints %+v", p.Complaints)
		}

		// February had only F's filing; its verify ended in March.
		feb := monthly(s, domain.RoleAuditor, "monthly?year=2026&month=2")
		if want := (reports.Flow{Filed: 1}); feb.Flow != want {
			t.Errorf("February %+v, want %+v", feb.Flow, want)
		}
		for _, st := range feb.Stages {
			checkDurations(t, "February "+string(st.Stage), st.Durations, want{}, std.StageDays[st.Stage])
		}

		// The year: the months split, the whole the sum of them.
		y := monthly(s, domain.RoleOfficeHead, "yearly?year=2026")
		if y.Month != 0 || len(y.Months) != 12 || y.From != "2026-01-01" || y.To != "2026-12-31" {
			t.Fatalf("year report month %d with %d months, %s..%s", y.Month, len(y.Months), y.From, y.To)
		}
		if want := (reports.Flow{Filed: 6, Paid: 2, Returned: 1, Rejected: 1}); y.Flow != want {
			t.Errorf("year %+v, want %+v", y.Flow, want)
		}
		if y.Months[1].Flow != feb.Flow || y.Months[2].Flow != r.Flow || y.Months[0].Flow != (reports.Flow{}) {
			t.Errorf("months %+v %+v %+v", y.Months[0].Flow, y.Months[1].Flow, y.Months[2].Flow)
		}
		for i, st := range y.Months[2].Stages {
			checkDurations(t, "year's March "+string(st.Stage), st.Durations, stages[st.Stage], std.StageDays[st.Stage])
			checkDurations(t, "year "+string(st.Stage), y.Stages[i].Durations, stages[st.Stage], std.StageDays[st.Stage])
		}
		checkDurations(t, "year end to end", y.EndToEnd.Durations, want{2, 5, 6, 2}, std.EndToEndDays)

		checkSeededXLSX(t, s)
	})
}

// Bad parameters are refused with the field they name; an empty year and
// month are the current ones; the yearly report takes no month.
func TestReportQueryRefusals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(testserver.ReportToday))
		for _, c := range []struct {
			query, field string
		}{
			{"monthly?year=abc&month=3", "year"},
			{"monthly?year=2026&month=13", "month"},
			{"monthly?year=2026&month=0", "month"},
			{"monthly?year=2026&month=-1", "month"},
			{"monthly?year=2026&month=3.5", "month"},
			{"monthly?year=1999&month=3", "year"},
			{"monthly?year=2028&month=3", "year"},
			{"monthly?year=20260&month=3", "year"},
			{"monthly?year=2026&month=3&kecamatan=33", "kecamatan"},
			{"monthly?year=2026&month=3&kecamatan=332201", "kecamatan"}, // a kecamatan of another regency
			{"monthly?year=2026&month=3&kecamatan=3324151001", "kecamatan"},
			{"yearly?year=2026&month=3", "month"},
			{"monthly.xlsx?year=2026&month=99", "month"},
			{"yearly.xlsx?year=x", "year"},
		} {
			e := s.ExpectError(s.Do(http.MethodGet, "/api/v1/reports/"+c.query, domain.RoleOfficeHead, nil),
				http.StatusUnprocessableEntity, "validation_failed")
			if _, ok := e.Error.Fields[c.field]; !ok || len(e.Error.Fields) != 1 {
				t.Errorf("%s: fields %v, want %s", c.query, e.Error.Fields, c.field)
			}
		}
		r := monthly(s, domain.RoleOfficeHead, "monthly")
		if r.Year != 2026 || r.Month != 3 {
			t.Errorf("the default report is %d-%d, want this month (2026-3)", r.Year, r.Month)
		}
		if y := monthly(s, domain.RoleOfficeHead, "yearly"); y.Year != 2026 || y.Month != 0 {
			t.Errorf("the default year report is %d-%d", y.Year, y.Month)
		}
		// Nobody outside the policy reads it, not even the admin.
		for _, role := range domain.AllRoles {
			resp := s.Do(http.MethodGet, "/api/v1/reports/monthly", role, nil)
			resp.Body.Close()
			if (resp.StatusCode == http.StatusOK) != reports.CanRead(role) {
				t.Errorf("%s: %d", role, resp.StatusCode)
			}
		}
	})
}
