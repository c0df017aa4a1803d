package api_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// dueClaim is a claim's stage fields as the API answers them.
type dueClaim struct {
	ID                 int64   `json:"id"`
	Status             string  `json:"status"`
	Stage              *string `json:"stage"`
	StageDueOn         *string `json:"stage_due_on"`
	OverdueWorkingDays int     `json:"overdue_working_days"`
}

type duePage struct {
	Items      []dueClaim `json:"items"`
	NextCursor string     `json:"next_cursor"`
}

type calendarChangeOut struct {
	Date     string `json:"date"`
	Change   string `json:"change"`
	Actor    string `json:"actor"`
	Reason   string `json:"reason"`
	Restaged *int   `json:"restaged_claims"`
}

func wibAt(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, domain.Jakarta())
}

func dueOf(s *testserver.Server, id int64) dueClaim {
	s.T.Helper()
	var c dueClaim
	s.Expect(s.Do(http.MethodGet, testserver.ClaimPath(id), domain.RoleAuditor, nil), http.StatusOK, &c)
	return c
}

func wantDueDay(t *testing.T, what string, c dueClaim, stage, due string, overdue int) {
	t.Helper()
	gotStage, gotDue := "", ""
	if c.Stage != nil {
		gotStage = *c.Stage
	}
	if c.StageDueOn != nil {
		gotDue = *c.StageDueOn
	}
	if gotStage != stage || gotDue != due || c.OverdueWorkingDays != overdue {
		t.Errorf("%s: stage %q due %q overdue %d, want %q %q %d", what, gotStage, gotDue, c.OverdueWorkingDays, stage, due, overdue)
	}
}

func idsOf(p duePage) []int64 {
	out := []int64{}
	for _, c := range p.Items {
		out = append(out, c.ID)
	}
	return out
}

func sameIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Each claim carries its stage's due day through HTTP; the queue lists its
// overdue claims with the working days overdue and pages by due day; an
// admin's holiday moves the due days of the live claims it touches, and
// removing it moves them back.
func TestDueDaysAndOverdueQueuesOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		// Tokens outlive the fortnight the clock moves through (a setting).
		s := testserver.Start(t, db, testserver.At(wibAt(2026, 11, 30, 9)), testserver.Env("SANTUNAN_TOKEN_TTL", "720h")) // Monday
		one, two := s.File(1), s.File(2)
		wantDueDay(t, "filed Monday", dueOf(s, one.ID), "verify", "2026-12-02", 0)

		s.Clock.Set(wibAt(2026, 12, 1, 10)) // Tuesday
		four := s.File(4)
		three := s.Verify(s.File(3), 3)
		wantDueDay(t, "filed Tuesday", dueOf(s, four.ID), "verify", "2026-12-03", 0)
		wantDueDay(t, "verified Tuesday", dueOf(s, three.ID), "approve", "2026-12-04", 0)
		returned := s.Act(s.File(5), domain.RoleDukcapilClerk, "return", map[string]any{"reason": "KK buram"})
		wantDueDay(t, "returned", dueOf(s, returned.ID), "", "", 0)

		s.Clock.Set(wibAt(2026, 12, 3, 10)) // Thursday
		var page duePage
		s.Expect(s.Do(http.MethodGet, "/api/v1/claims?overdue=true", domain.RoleDukcapilClerk, nil), http.StatusOK, &page)
		if !sameIDs(idsOf(page), []int64{one.ID, two.ID}) || page.Items[0].OverdueWorkingDays != 1 {
			t.Errorf("clerk's overdue list %+v, want claims %d and %d one working day late", page.Items, one.ID, two.ID)
		}
		s.Expect(s.Do(http.MethodGet, "/api/v1/claims?overdue=true", domain.RoleDinsosOfficer, nil), http.StatusOK, &page)
		if len(page.Items) != 0 {
			t.Errorf("officer's overdue list %+v, want none", page.Items)
		}
		// The clerk's queue by due day, a claim per page.
		var got []int64
		cursor := ""
		for i := 0; i < 5; i++ {
			s.Expect(s.Do(http.MethodGet, "/api/v1/claims?sort=due&status=submitted&limit=1&cursor="+url.QueryEscape(cursor),
				domain.RoleDukcapilClerk, nil), http.StatusOK, &page)
			got = append(got, idsOf(page)...)
			if cursor = page.NextCursor; cursor == "" {
				break
			}
		}
		if !sameIDs(got, []int64{one.ID, two.ID, four.ID}) {
			t.Errorf("queue by due day %v, want %d %d %d", got, one.ID, two.ID, four.ID)
		}

		// Wednesday 2 December becomes a holiday: every live claim due then or later moves.
		var ch calendarChangeOut
		s.Expect(s.Do(http.MethodPost, "/api/v1/calendar/days", domain.RoleAdmin,
			map[string]string{"date": "2026-12-02", "kind": "libur_daerah", "name": "Hari Jadi Kabupaten Kendal", "reason": "Perbup"}),
			http.StatusCreated, &ch)
		if ch.Restaged == nil || *ch.Restaged != 4 || ch.Actor != "admin" || ch.Change != "add" {
			t.Errorf("change %+v, want 4 claims restaged by admin", ch)
		}
		wantDueDay(t, "filed Monday, after the holiday", dueOf(s, one.ID), "verify", "2026-12-03", 0)
		wantDueDay(t, "filed Tuesday, after the holiday", dueOf(s, four.ID), "verify", "2026-12-04", 0)
		wantDueDay(t, "verified Tuesday, after the holiday", dueOf(s, three.ID), "approve", "2026-12-07", 0)
		s.Expect(s.Do(http.MethodGet, "/api/v1/claims?overdue=true", domain.RoleDukcapilClerk, nil), http.StatusOK, &page)
		if len(page.Items) != 0 {
			t.Errorf("overdue after the holiday %+v, want none", page.Items)
		}

		s.Expect(s.Do(http.MethodDelete, "/api/v1/calendar/days/2026-12-02", domain.RoleAdmin,
			map[string]string{"reason": "Dibatalkan"}), http.StatusOK, &ch)
		if ch.Restaged == nil || *ch.Restaged != 4 || ch.Change != "remove" || ch.Reason != "Dibatalkan" {
			t.Errorf("removal %+v", ch)
		}
		wantDueDay(t, "filed Monday, holiday removed", dueOf(s, one.ID), "verify", "2026-12-02", 1)

		// Friday of the next week: claim one is 6 working days late.
		s.Clock.Set(wibAt(2026, 12, 10, 10))
		wantDueDay(t, "a week later", dueOf(s, one.ID), "verify", "2026-12-02", 6)
	})
}

// The calendar's changes are the admin's, with clear refusals of bad input.
func TestCalendarChangesAreCheckedOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(wibAt(2026, 12, 1, 10)))
		add := func(body map[string]string) *http.Response {
			return s.Do(http.MethodPost, "/api/v1/calendar/days", domain.RoleAdmin, body)
		}
		good := map[string]string{"date": "2027-01-01", "kind": "libur_nasional", "name": "Tahun Baru 2027 Masehi"}
		with := func(k, v string) map[string]string {
			out := map[string]string{}
			for a, b := range good {
				out[a] = b
			}
			out[k] = v
			return out
		}
		for _, tc := range []struct {
			name        string
			body        map[string]string
			field, code string
		}{
			{"no date", with("date", ""), "date", domain.ViolationRequired},
			{"not a date", with("date", "2027-13-01"), "date", domain.ViolationDateInvalid},
			{"Indonesian order", with("date", "01-01-2027"), "date", domain.ViolationDateInvalid},
			{"NUL in the date", with("date", "2027-01-01\x00"), "date", domain.ViolationInvalidCharacters},
			{"far future", with("date", "2201-01-01"), "date", domain.ViolationYearOutOfRange},
			{"unknown kind", with("kind", "hari_raya"), "kind", domain.ViolationInvalidValue},
			{"bidi in the name", with("name", "Tahun Baru \u202e2027"), "name", domain.ViolationInvalidCharacters},
			{"no name", with("name", "  "), "name", domain.ViolationRequired},
		} {
			t.Run(tc.name, func(t *testing.T) {
				e := s.With(t).ExpectError(add(tc.body), http.StatusUnprocessableEntity, "validation_failed")
				if e.Error.Fields[tc.field] == "" {
					t.Errorf("fields %v, want %s", e.Error.Fields, tc.field)
				}
			})
		}
		var year struct {
			Covered      bool  `json:"covered"`
			MissingYears []int `json:"missing_years"`
			Days         []struct {
				Date string `json:"date"`
			} `json:"days"`
		}
		s.Expect(s.Do(http.MethodGet, "/api/v1/calendar/years/2027", domain.RoleTreasurer, nil), http.StatusOK, &year)
		if year.Covered || len(year.MissingYears) != 1 || year.MissingYears[0] != 2027 {
			t.Errorf("2027 before any entry: %+v", year)
		}
		s.Expect(add(good), http.StatusCreated, nil)
		e := s.ExpectError(add(good), http.StatusUnprocessableEntity, "validation_failed")
		if e.Error.Fields["date"] == "" {
			t.Errorf("a day entered twice: %v", e.Error.Fields)
		}
		s.Expect(s.Do(http.MethodGet, "/api/v1/calendar/years/2027", domain.RoleDukcapilClerk, nil), http.StatusOK, &year)
		if !year.Covered || len(year.MissingYears) != 0 || len(year.Days) != 1 || year.Days[0].Date != "2027-01-01" {
			t.Errorf("2027 after an entry: %+v", year)
		}
		s.ExpectError(s.Do(http.MethodPost, "/api/v1/calendar/days", domain.RoleDukcapilClerk, with("date", "2027-01-02")), http.StatusForbidden, "forbidden")
		s.ExpectError(s.Do(http.MethodDelete, "/api/v1/calendar/days/2027-01-01", domain.RoleAdmin, map[string]string{"reason": ""}),
			http.StatusUnprocessableEntity, "validation_failed")
		s.ExpectError(s.Do(http.MethodDelete, "/api/v1/calendar/days/2027-01-05", domain.RoleAdmin, map[string]string{"reason": "x"}),
			http.StatusNotFound, "not_found")
		s.ExpectError(s.Do(http.MethodGet, "/api/v1/calendar/years/1999", domain.RoleAdmin, nil), http.StatusNotFound, "not_found")

		for _, q := range []string{"sort=bogus", "overdue=maybe", "sort=due&q=Ahmad", "sort=due&status=paid", "overdue=true&sort=id", "sort=due&cursor=xyz"} {
			s.ExpectError(s.Do(http.MethodGet, "/api/v1/claims?"+q, domain.RoleAuditor, nil), http.StatusUnprocessableEntity, "validation_failed")
		}
	})
}

// The heir's tracking answer says when the stage should be done and, once
// it is late, apologises and names the office and its phone.
func TestTrackingEstimate(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(wibAt(2026, 11, 30, 9)), testserver.Env("SANTUNAN_TOKEN_TTL", "720h"))
		c := s.File(1)
		track := func() (out struct {
			Estimate *struct {
				DueOn              string `json:"due_on"`
				Text               string `json:"text"`
				OverdueWorkingDays int    `json:"overdue_working_days"`
				OverdueText        string `json:"overdue_text"`
			} `json:"estimate"`
		}) {
			s.Expect(s.Send(http.MethodPost, "/api/v1/public/track", "", map[string]string{"code": c.Code, "heir_nik": c.Heir.NIK}), http.StatusOK, &out)
			return out
		}
		got := track()
		if e := got.Estimate; e == nil || e.DueOn != "2026-12-02" || e.Text != "Perkiraan selesai tahap ini: 2 Desember 2026" || e.OverdueText != "" {
			t.Errorf("on time: %+v", got.Estimate)
		}
		s.Clock.Set(wibAt(2026, 12, 4, 9))
		got = track()
		if e := got.Estimate; e == nil || e.OverdueWorkingDays != 2 ||
			!strings.Contains(e.OverdueText, "sudah lewat 2 hari kerja") || !strings.Contains(e.OverdueText, "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal di telepon") {
			t.Errorf("late: %+v", got.Estimate)
		}
		s.Act(c, domain.RoleDukcapilClerk, "reject", map[string]any{"reason": "Bukan warga Kendal"})
		if got = track(); got.Estimate != nil {
			t.Errorf("rejected claim has an estimate %+v", got.Estimate)
		}
	})
}

// A calendar change racing with claims entering a stage: whichever commits
// first, every claim ends with the due day the final calendar gives, never
// one computed from the calendar the change replaced; nobody gets a 5xx.
func TestCalendarChangeRacesFilings(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(wibAt(2026, 11, 30, 9))) // Monday: verify due Wednesday 2 Dec
		var reqs []testserver.Request
		for n := 1; n <= 12; n++ {
			reqs = append(reqs, testserver.Request{Method: http.MethodPost, Path: "/api/v1/claims", Role: domain.RoleDukcapilClerk,
				Body: testserver.ClaimBody(n)})
		}
		reqs = append(reqs, testserver.Request{Method: http.MethodPost, Path: "/api/v1/calendar/days", Role: domain.RoleAdmin,
			Body: map[string]string{"date": "2026-12-01", "kind": "libur_daerah", "name": "Hari Jadi"}})
		for i, r := range s.Race(reqs...) {
			if r.Err != nil || r.Status >= 500 || (r.Status != http.StatusCreated) {
				t.Errorf("request %d: %s %s", i, r, r.Body)
			}
		}
		var page duePage
		s.Expect(s.Do(http.MethodGet, "/api/v1/claims?sort=due&limit=200", domain.RoleAuditor, nil), http.StatusOK, &page)
		if len(page.Items) != 12 {
			t.Fatalf("%d claims in stages, want 12", len(page.Items))
		}
		for _, c := range page.Items {
			// Filed Monday 30 Nov; Tuesday 1 Dec is now off: Wed 2, Thu 3.
			wantDueDay(t, "claim filed during the change", c, "verify", "2026-12-03", 0)
		}
	})
}
