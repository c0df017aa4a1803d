package reports_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"santunan/config"
	"santunan/database"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/reports"
	"santunan/survey"
	"santunan/workdays"
)

// fakeSurvey answers a fixed index and records the period it was asked.
type fakeSurvey struct {
	from, to time.Time
	answer   reports.Survey
	err      error
}

func (f *fakeSurvey) Index(_ context.Context, from, to time.Time) (reports.Survey, error) {
	f.from, f.to = from, to
	return f.answer, f.err
}

// The SKM section is the survey's index of the report's period [from, to)
// in Asia/Jakarta; its failure is the report's; without a survey there is
// no section.
func TestReportCarriesTheSurveyIndexOfItsPeriod(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		answer := reports.Survey{Count: 12, Index: 82.5, Band: "B",
			Elements: []reports.SurveyElement{{Element: "persyaratan", Mean: 3.25}, {Element: "waktu", Mean: 3.5}}}
		fake := &fakeSurvey{answer: answer}
		svc := newService(t, db, fake)
		head := domain.Actor{Role: domain.RoleOfficeHead}
		r, err := svc.Monthly(context.Background(), head, reports.Query{Year: 2026, Month: 3})
		if err != nil {
			t.Fatal(err)
		}
		jkt := domain.Jakarta()
		if !fake.from.Equal(time.Date(2026, 3, 1, 0, 0, 0, 0, jkt)) || !fake.to.Equal(time.Date(2026, 4, 1, 0, 0, 0, 0, jkt)) {
			t.Errorf("asked the survey for %s..%s", fake.from, fake.to)
		}
		if r.Survey == nil || r.Survey.Index != 82.5 || r.Survey.Band != "B" || r.Survey.Count != 12 || len(r.Survey.Elements) != 2 {
			t.Errorf("survey section %+v", r.Survey)
		}
		if _, err := svc.Yearly(context.Background(), head, reports.Query{Year: 2026}); err != nil ||
			!fake.from.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, jkt)) || !fake.to.Equal(time.Date(2027, 1, 1, 0, 0, 0, 0, jkt)) {
			t.Errorf("year: %v, asked %s..%s", err, fake.from, fake.to)
		}

		// The workbook's SKM sheet.
		data, err := reports.XLSX(r, i18n.Indonesian)
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("SKM")
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		wantRow(t, "SKM header", rows[0], "Unsur", "Nilai rata-rata")
		wantRow(t, "SKM index", rowOf(t, rows, "Indeks SKM"), "Indeks SKM", "82.5")
		wantRow(t, "SKM band", rowOf(t, rows, "Mutu pelayanan"), "Mutu pelayanan", "B")
		wantRow(t, "SKM count", rowOf(t, rows, "Jumlah responden"), "Jumlah responden", "12")

		fake.err = errors.New("survey store down")
		if _, err := svc.Monthly(context.Background(), head, reports.Query{Year: 2026, Month: 3}); err == nil {
			t.Error("a failing survey gave a report")
		}
		if r, err := newService(t, db, nil).Monthly(context.Background(), head, reports.Query{Year: 2026, Month: 3}); err != nil || r.Survey != nil {
			t.Errorf("without a survey: %v, %+v", err, r.Survey)
		}
		// The service asks the policy too, whoever calls it.
		for _, role := range domain.AllRoles {
			_, err := svc.Monthly(context.Background(), domain.Actor{Role: role}, reports.Query{Year: 2026, Month: 3})
			if errors.Is(err, domain.ErrForbidden) == reports.CanRead(role) {
				t.Errorf("%s: %v", role, err)
			}
		}
	})
}

func newService(t testing.TB, db *database.DB, survey reports.SurveyIndex) *reports.Service {
	std := config.DefaultStandard()
	opts := reports.Options{
		Calendar: workdays.New(db, workdays.Options{Standard: std, Location: domain.Jakarta()}),
		Standard: std, Areas: fixture.Areas(t), RegencyCode: "3324", Overdue: true, Complaints: true,
		Now: func() time.Time { return time.Date(2026, 3, 31, 3, 0, 0, 0, time.UTC) },
	}
	if survey != nil {
		opts.Survey = survey
	}
	return reports.New(db, opts)
}

// Every SKM element the survey measures has its Indonesian name in the
// report (page and XLSX).
func TestEverySurveyElementHasAName(t *testing.T) {
	for _, el := range survey.Elements {
		if !i18n.HasText("report.survey.element." + string(el)) {
			t.Errorf("element %s has no name", el)
		}
	}
}
