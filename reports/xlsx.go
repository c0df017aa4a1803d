package reports

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"santunan/domain"
	"santunan/i18n"
)

// XLSX writes a report as a workbook, one sheet per section, each with a
// header row in the language's words: the summary (period, standard, flow,
// filing to payment), the stages, the claims now, the kecamatan, the months
// of a year report, the complaints and the SKM when the report has them.
// Counts are numbers, shares are fractions with a percent format, days
// without a value (no claim) are empty cells. Strings are written as text,
// never formulas.
func XLSX(r Report, lang i18n.Lang) ([]byte, error) {
	t := func(key string) string { return i18n.Text(lang, key) }
	f := excelize.NewFile()
	defer f.Close()
	w := &book{f: f}
	w.styles()

	w.sheet(t("report.sheet.summary"), true)
	w.row(true, t("report.title"))
	w.row(false, t("report.xlsx.period"), PeriodLabel(r, lang))
	w.row(false, t("report.xlsx.area"), AreaLabel(r, lang))
	w.row(false, t("report.xlsx.today"), r.Today.String())
	w.skip()
	w.row(true, t("report.xlsx.standard"), t("report.col.days"))
	for _, st := range domain.AllStages {
		w.row(false, t("report.stage."+string(st)), r.Standard.StageDays[st])
	}
	w.row(false, t("report.end_to_end"), r.Standard.EndToEndDays)
	w.row(false, t("report.target"), r.Standard.TargetDays)
	w.skip()
	w.row(true, t("report.flow.title"), t("report.col.count"))
	for _, fr := range flowRows(r.Flow) {
		w.row(false, t(fr.key), fr.n)
	}
	w.skip()
	w.row(true, t("report.end_to_end"), "")
	e := r.EndToEnd
	w.row(false, t("report.col.completed"), e.Count)
	w.row(false, t("report.col.median"), days(e.MedianDays))
	w.row(false, t("report.col.p90"), days(e.P90Days))
	w.row(false, t("report.col.within"), e.Within)
	w.row(false, t("report.col.share"), share(e.Share))
	w.row(false, t("report.col.within_target"), e.WithinTarget)
	w.row(false, t("report.col.target_share"), share(e.TargetShare))
	w.widths(34, 22)

	w.sheet(t("report.sheet.stages"), false)
	w.row(true, t("report.col.stage"), t("report.col.standard"), t("report.col.completed"), t("report.col.median"),
		t("report.col.p90"), t("report.col.within"), t("report.col.share"), t("report.col.in_stage_now"), t("report.col.overdue_now"))
	for _, s := range r.Stages {
		w.row(false, t("report.stage."+string(s.Stage)), s.LimitDays, s.Count, days(s.MedianDays), days(s.P90Days),
			s.Within, share(s.Share), s.InStageNow, s.OverdueNow)
	}
	w.row(false, t("report.end_to_end"), e.LimitDays, e.Count, days(e.MedianDays), days(e.P90Days), e.Within, share(e.Share), "", "")
	w.widths(28, 12, 12, 10, 10, 12, 12, 14, 14)

	w.sheet(t("report.sheet.now"), false)
	w.row(true, t("report.col.status"), t("report.col.stage"), t("report.col.count"), t("report.col.overdue_now"))
	for _, s := range r.ClaimsNow {
		stage := t("report.stage.none")
		if s.Stage != "" {
			stage = t("report.stage." + string(s.Stage))
		}
		w.row(false, i18n.StatusLabel(lang, s.Status), stage, s.Count, s.Overdue)
	}
	w.widths(28, 28, 12, 14)

	w.sheet(t("report.sheet.kecamatan"), false)
	w.row(true, t("report.col.code"), t("report.col.kecamatan"), t("report.flow.filed"), t("report.flow.paid"),
		t("report.flow.returned"), t("report.flow.rejected"), t("report.col.median"), t("report.col.p90"),
		t("report.col.share"), t("report.col.target_share"), t("report.col.in_stage_now"), t("report.col.overdue_now"))
	for _, k := range r.Kecamatans {
		w.row(false, k.Code, k.Name, k.Flow.Filed, k.Flow.Paid, k.Flow.Returned, k.Flow.Rejected,
			days(k.EndToEnd.MedianDays), days(k.EndToEnd.P90Days), share(k.EndToEnd.Share), share(k.EndToEnd.TargetShare),
			k.InStageNow, k.OverdueNow)
	}
	w.widths(10, 22, 10, 10, 12, 10, 10, 10, 12, 12, 14, 14)

	if len(r.Months) > 0 {
		w.sheet(t("report.sheet.months"), false)
		head := []any{t("report.col.month"), t("report.flow.filed"), t("report.flow.paid"), t("report.flow.returned"),
			t("report.flow.rejected"), t("report.col.median"), t("report.col.p90"), t("report.col.share"), t("report.col.target_share")}
		for _, st := range domain.AllStages {
			head = append(head, i18n.Textf(lang, "report.col.stage_median", "stage", t("report.stage."+string(st))))
		}
		w.row(true, head...)
		for _, m := range r.Months {
			row := []any{t("report.month." + strconv.Itoa(m.Month)), m.Flow.Filed, m.Flow.Paid, m.Flow.Returned, m.Flow.Rejected,
				days(m.EndToEnd.MedianDays), days(m.EndToEnd.P90Days), share(m.EndToEnd.Share), share(m.EndToEnd.TargetShare)}
			for _, s := range m.Stages {
				row = append(row, days(s.MedianDays))
			}
			w.row(false, row...)
		}
		w.widths(14, 10, 10, 12, 10, 10, 10, 12, 12, 16, 16, 16, 16, 16)
	}

	if c := r.Complaints; c != nil {
		w.sheet(t("report.sheet.complaints"), false)
		head := []any{t("report.col.category"), t("report.col.total")}
		for _, st := range domain.AllComplaintStatuses {
			head = append(head, t("report.complaint_status."+string(st)))
		}
		w.row(true, head...)
		for _, cat := range c.ByCategory {
			row := []any{t("report.category." + string(cat.Category)), cat.Total}
			for _, st := range domain.AllComplaintStatuses {
				row = append(row, cat.ByStatus[st])
			}
			w.row(false, row...)
		}
		w.row(true, t("report.col.total"), c.Filed)
		w.skip()
		w.row(true, "", t("report.col.completed"), t("report.col.median"), t("report.col.p90"), t("report.col.within"), t("report.col.share"))
		for _, d := range []struct {
			key string
			d   Durations
		}{{"report.complaints.to_verify", c.ToVerify}, {"report.complaints.to_answer", c.ToAnswer}} {
			w.row(false, t(d.key), d.d.Count, days(d.d.MedianDays), days(d.d.P90Days), d.d.Within, share(d.d.Share))
		}
		w.skip()
		w.row(false, t("report.complaints.escalated"), c.Escalated)
		w.row(false, t("report.complaints.open_escalated"), c.OpenEscalated)
		w.widths(34, 10, 12, 12, 12, 12, 12, 12)
	}

	if sv := r.Survey; sv != nil {
		w.sheet(t("report.sheet.survey"), false)
		w.row(true, t("report.col.element"), t("report.col.mean"))
		for _, el := range sv.Elements {
			w.row(false, surveyElementLabel(el.Element, lang), el.Mean)
		}
		w.skip()
		w.row(false, t("report.survey.index"), sv.Index)
		w.row(false, t("report.survey.band"), sv.Band)
		w.row(false, t("report.survey.count"), sv.Count)
		w.widths(40, 14)
	}
	return w.bytes()
}

// surveyElementLabel names an SKM element; one without a text keeps its code.
func surveyElementLabel(code string, lang i18n.Lang) string {
	key := "report.survey.element." + code
	if s := i18n.Text(lang, key); s != key {
		return s
	}
	return code
}

type flowRow struct {
	key string
	n   int
}

func flowRows(f Flow) []flowRow {
	return []flowRow{{"report.flow.filed", f.Filed}, {"report.flow.paid", f.Paid}, {"report.flow.returned", f.Returned},
		{"report.flow.rejected", f.Rejected}, {"report.flow.cancelled", f.Cancelled}}
}

// PeriodLabel names a report's period: "Maret 2026", or "Tahun 2026".
func PeriodLabel(r Report, lang i18n.Lang) string {
	if r.Month == 0 {
		return i18n.Textf(lang, "report.period_year", "year", strconv.Itoa(r.Year))
	}
	return i18n.Textf(lang, "report.period_month", "month", i18n.Text(lang, "report.month."+strconv.Itoa(r.Month)),
		"year", strconv.Itoa(r.Year))
}

// AreaLabel names a report's area: the regency, or one kecamatan.
func AreaLabel(r Report, lang i18n.Lang) string {
	if r.Kecamatan == nil {
		return i18n.Text(lang, "report.area_all")
	}
	return i18n.Textf(lang, "report.area_kecamatan", "name", r.Kecamatan.Name)
}

// FileName is the export's file name: laporan-2026-03.xlsx, with the
// kecamatan's code when one is chosen.
func FileName(r Report) string {
	name := fmt.Sprintf("laporan-%04d", r.Year)
	if r.Month > 0 {
		name += fmt.Sprintf("-%02d", r.Month)
	}
	if r.Kecamatan != nil {
		name += "-" + r.Kecamatan.Code
	}
	return name + ".xlsx"
}

// days is a number of days, or an empty cell for none.
func days(d *int) any {
	if d == nil {
		return ""
	}
	return *d
}

// share is a fraction the percent style shows as "62,5%".
type share float64

// book appends rows to the sheets of a workbook.
type book struct {
	f         *excelize.File
	sheetName string
	next      int
	bold, pct int
	boldPct   int
	err       error
}

func (b *book) styles() {
	b.bold, b.err = b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if b.err == nil {
		// Number format 10 is "0.00%".
		b.pct, b.err = b.f.NewStyle(&excelize.Style{NumFmt: 10})
	}
	if b.err == nil {
		b.boldPct, b.err = b.f.NewStyle(&excelize.Style{NumFmt: 10, Font: &excelize.Font{Bold: true}})
	}
}

// sheet starts a sheet (the workbook's first one renamed).
func (b *book) sheet(name string, first bool) {
	if b.err != nil {
		return
	}
	b.sheetName, b.next = name, 0
	if first {
		b.err = b.f.SetSheetName("Sheet1", name)
		return
	}
	_, b.err = b.f.NewSheet(name)
}

func (b *book) skip() { b.next++ }

func (b *book) row(bold bool, values ...any) {
	if b.err != nil {
		return
	}
	b.next++
	cells := make([]any, len(values))
	for i, v := range values {
		if s, ok := v.(share); ok {
			v = float64(s)
		}
		cells[i] = v
	}
	first, _ := excelize.CoordinatesToCellName(1, b.next)
	if b.err = b.f.SetSheetRow(b.sheetName, first, &cells); b.err != nil {
		return
	}
	if bold {
		last, _ := excelize.CoordinatesToCellName(len(values), b.next)
		if b.err = b.f.SetCellStyle(b.sheetName, first, last, b.bold); b.err != nil {
			return
		}
	}
	for i, v := range values {
		if _, ok := v.(share); ok {
			cell, _ := excelize.CoordinatesToCellName(i+1, b.next)
			style := b.pct
			if bold {
				style = b.boldPct
			}
			if b.err = b.f.SetCellStyle(b.sheetName, cell, cell, style); b.err != nil {
				return
			}
		}
	}
}

func (b *book) widths(chars ...float64) {
	for i, w := range chars {
		if b.err != nil {
			return
		}
		name, _ := excelize.ColumnNumberToName(i + 1)
		b.err = b.f.SetColWidth(b.sheetName, name, name, w)
	}
}

func (b *book) bytes() ([]byte, error) {
	if b.err != nil {
		return nil, fmt.Errorf("reports: xlsx: %w", b.err)
	}
	var buf bytes.Buffer
	if err := b.f.Write(&buf); err != nil {
		return nil, fmt.Errorf("reports: xlsx: %w", err)
	}
	return buf.Bytes(), nil
}
