package survey

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"santunan/i18n"
)

// Year is a year's survey: each month's index and the year's.
type Year struct {
	Year   int
	Months []Index
	Whole  Index
}

// YearOf is year's monthly and whole-year index.
func (s *Service) YearOf(ctx context.Context, year int) (Year, error) {
	months, err := s.Monthly(ctx, year)
	if err != nil {
		return Year{}, err
	}
	loc := s.opts.Location
	whole, err := s.Index(ctx, time.Date(year, 1, 1, 0, 0, 0, 0, loc), time.Date(year+1, 1, 1, 0, 0, 0, 0, loc))
	if err != nil {
		return Year{}, err
	}
	return Year{Year: year, Months: months, Whole: whole}, nil
}

// maxExportComments bounds the comments in an export (a year's of a
// regency is far fewer).
const maxExportComments = 100000

// XLSX is year's survey as a workbook in Indonesian: the index per month
// (respondents, the nine element means, the index, its band) and the year's,
// the element means of the year, and the comments with their month. No
// answer carries more than its month, so neither does the file.
func (s *Service) XLSX(ctx context.Context, year int) ([]byte, error) {
	y, err := s.YearOf(ctx, year)
	if err != nil {
		return nil, err
	}
	t := func(key string) string { return i18n.Text(i18n.Indonesian, key) }
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	sheet := t("survey.sheet_index")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, fmt.Errorf("survey: xlsx: %w", err)
	}
	w := &sheetWriter{f: f, sheet: sheet}
	head := []any{t("survey.col.month"), t("survey.col.count")}
	for _, e := range Elements {
		head = append(head, t("field."+string(e)))
	}
	head = append(head, t("survey.col.index"), t("survey.col.band"))
	w.row(head...)
	line := func(label string, x Index) {
		r := []any{label, x.Count}
		if x.Count == 0 {
			// No answers: no figures, rather than zeros.
			w.row(r...)
			return
		}
		for _, m := range x.Means {
			r = append(r, round2(m))
		}
		band := ""
		if x.Band != "" {
			band = t("survey.band." + string(x.Band))
		}
		w.row(append(r, x.Value, band)...)
	}
	for _, m := range y.Months {
		line(monthLabel(m.From), m)
	}
	line(t("survey.whole_year")+" "+fmt.Sprint(year), y.Whole)

	w.next, w.sheet = 0, t("survey.sheet_elements")
	if _, err := f.NewSheet(w.sheet); err != nil {
		return nil, fmt.Errorf("survey: xlsx: %w", err)
	}
	w.row(t("survey.col.element"), t("survey.col.mean"))
	for i, e := range Elements {
		w.row(t("field."+string(e)), round2(y.Whole.Means[i]))
	}
	w.row(t("survey.col.index"), y.Whole.Value)

	w.next, w.sheet = 0, t("survey.sheet_comments")
	if _, err := f.NewSheet(w.sheet); err != nil {
		return nil, fmt.Errorf("survey: xlsx: %w", err)
	}
	w.row(t("survey.col.month"), t("survey.col.comment"))
	for cursor, n := "", 0; n < maxExportComments; {
		page, err := s.Comments(ctx, year, cursor, MaxCommentsPage)
		if err != nil {
			return nil, err
		}
		for _, c := range page.Comments {
			w.row(c.Period, c.Text)
			n++
		}
		if page.Next == "" {
			break
		}
		cursor = page.Next
	}
	if w.err != nil {
		return nil, fmt.Errorf("survey: xlsx: %w", w.err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, fmt.Errorf("survey: xlsx: %w", err)
	}
	return buf.Bytes(), nil
}

// monthLabel is a month as the sheet names it: "Maret 2026".
func monthLabel(first time.Time) string {
	return strings.TrimPrefix(i18n.FormatDate(i18n.Indonesian, first), "1 ")
}

// round2 is a mean to two decimals, as the sheet shows it.
func round2(v float64) float64 {
	return float64(int64(v*100+0.5)) / 100
}

// sheetWriter appends rows to a sheet; strings are text cells, never
// formulas, so a comment starting with "=" stays a comment.
type sheetWriter struct {
	f     *excelize.File
	sheet string
	next  int
	err   error
}

func (w *sheetWriter) row(values ...any) {
	if w.err != nil {
		return
	}
	w.next++
	cell, _ := excelize.CoordinatesToCellName(1, w.next)
	w.err = w.f.SetSheetRow(w.sheet, cell, &values)
}
