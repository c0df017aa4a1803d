package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/complaints"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/reports"
)

// The head of office's reports (/staf/laporan): a month's or a year's
// figures for the regency or one kecamatan, as tables with bars drawn in
// SVG on the server (no script), each section with a sentence saying what
// its figures mean, and the same report as XLSX. The head's home page
// shows the current month's (web/home.go).

const reportsPath = "/staf/laporan"

// The page's query: tahun, bulan (a number, or semua for the whole year),
// kecamatan (a code, or empty for the regency).
const (
	paramYear      = "tahun"
	paramMonth     = "bulan"
	paramKecamatan = "kecamatan"
	monthWholeYear = "semua"
)

type reportPage struct {
	Filter   formView
	Report   *reportView // nil when the query was refused
	XLSXHref string
	// Home is the head's home page: the current month, with a link to the
	// full report.
	Home     bool
	FullHref string
	// Escalated are the complaints escalated to the head and not yet
	// closed (the head's home), with the link to all of them.
	Escalated     []escalatedView
	EscalatedHref string
}

type escalatedView struct {
	Href, Code, Category string
	Status               string
	Due                  string
	EscalatedAt          string
}

// headEscalatedShown bounds the escalated complaints on the head's home.
const headEscalatedShown = 10

// complaintsStaffList is the staff's complaint list (web/complaint_staff.go).
const complaintsStaffList = "/staf/aduan"

type reportView struct {
	Period, Area, Today string
	Yearly              bool
	Kecamatan           bool // one kecamatan is shown
	AllHref             string
	Flow                []flowCell
	Now                 []nowView
	NowTotal            int
	Stages              []stageView
	E2E                 e2eView
	Kecamatans          []kecamatanView
	Months              []monthView
	Complaints          *complaintsView
	Survey              *surveyView
}

// bar is a horizontal bar of 0-100 (an SVG rect's width), with its text
// for those who cannot see it.
type bar struct {
	Width int
	Label string
}

type flowCell struct {
	Label string
	N     int
}

type nowView struct {
	Status  domain.Status
	Stage   string
	Count   int
	Overdue int
	Bar     bar
}

type stageView struct {
	Label                  string
	Standard               int
	Count, Within          int
	Median, P90, Share     string
	Bar                    bar
	InStageNow, OverdueNow int
}

type e2eView struct {
	Count, Within, WithinTarget int
	Standard, Target            int
	Median, P90                 string
	Share, TargetShare          string
	Bar, TargetBar              bar
}

type kecamatanView struct {
	Name, Href             string
	Flow                   reports.Flow
	Median, Share          string
	Bar                    bar
	InStageNow, OverdueNow int
}

type monthView struct {
	Label       string
	Flow        reports.Flow
	Median, P90 string
	Share       string
	Bar         bar
}

type complaintsView struct {
	Filed         int
	Statuses      []string
	Rows          []reportComplaintRow
	Times         []stageView
	Escalated     int
	OpenEscalated int
}

type reportComplaintRow struct {
	Label    string
	Total    int
	ByStatus []int
}

type surveyView struct {
	Count    int
	Index    string
	Band     string
	Elements []surveyElementView
}

type surveyElementView struct {
	Label string
	Mean  string
	Bar   bar
}

// reportHref is the page (or its export) for a query.
func reportHref(path string, q reports.Query) string {
	v := url.Values{}
	v.Set(paramYear, strconv.Itoa(q.Year))
	if q.Month == 0 {
		v.Set(paramMonth, monthWholeYear)
	} else {
		v.Set(paramMonth, strconv.Itoa(q.Month))
	}
	if q.Kecamatan != "" {
		v.Set(paramKecamatan, q.Kecamatan)
	}
	return path + "?" + v.Encode()
}

// reportFilter is the GET form of the page, showing the values asked for.
func (s *Server) reportFilter(year, month, kecamatan string) formView {
	today := s.Reports.Today()
	y := textField(paramYear, year, false)
	y.Type = "select"
	for n := today.Year; n >= 2021; n-- {
		v := strconv.Itoa(n)
		y.Options = append(y.Options, option{Value: v, Label: v, Selected: v == year})
	}
	m := textField(paramMonth, month, false)
	m.Type = "select"
	m.Options = []option{{Value: monthWholeYear, Label: text("report.whole_year"), Selected: month == monthWholeYear}}
	for n := 1; n <= 12; n++ {
		v := strconv.Itoa(n)
		m.Options = append(m.Options, option{Value: v, Label: text("report.month." + v), Selected: v == month})
	}
	k := textField(paramKecamatan, kecamatan, false)
	k.Type = "select"
	k.Options = []option{{Value: "", Label: text("report.all_kecamatan"), Selected: kecamatan == ""}}
	for _, kc := range s.Reports.Kecamatans() {
		k.Options = append(k.Options, option{Value: kc.Code, Label: kc.Name, Selected: kc.Code == kecamatan})
	}
	return formView{Method: http.MethodGet, Action: reportsPath, Sections: []formSection{{Fields: []formField{y, m, k}}},
		Submit: text("report.show")}
}

// reportQuery reads the page's query: an absent year or month is the
// current one; bulan=semua is the whole year.
func (s *Server) reportQuery(c *gin.Context) (reports.Query, string, string, error) {
	today := s.Reports.Today()
	year, month := c.Query(paramYear), c.Query(paramMonth)
	if year == "" {
		year = strconv.Itoa(today.Year)
	}
	if month == "" {
		month = strconv.Itoa(int(today.Month))
	}
	m := month
	if m == monthWholeYear {
		m = "0"
	}
	q, err := reports.ParseQuery(year, m, c.Query(paramKecamatan), today)
	if month == monthWholeYear {
		// ParseQuery refuses month 0, which here is the whole year.
		if errs := fieldErrors(err); errs != nil {
			delete(errs, reports.FieldMonth)
			err = errs.Err()
		}
		q.Month = 0
	}
	return q, year, month, err
}

// pageFields are the page's names of a report query's fields.
var pageFields = map[string]string{reports.FieldYear: paramYear, reports.FieldMonth: paramMonth, reports.FieldKecamatan: paramKecamatan}

// loadReport answers the report of the page's query, or renders the
// refusal (the form with the error beside its field) and returns false.
func (s *Server) loadReport(c *gin.Context) (reports.Report, reports.Query, formView, bool) {
	q, year, month, err := s.reportQuery(c)
	filter := s.reportFilter(year, month, q.Kecamatan)
	var r reports.Report
	if err == nil {
		actor := httpkit.MustUser(c).Actor()
		if q.Month == 0 {
			r, err = s.Reports.Yearly(c.Request.Context(), actor, q)
		} else {
			r, err = s.Reports.Monthly(c.Request.Context(), actor, q)
		}
	}
	if errs := fieldErrors(err); errs != nil {
		page := domain.FieldErrors{}
		for k, v := range errs {
			if name, ok := pageFields[k]; ok {
				k = name
			}
			page[k] = v
		}
		filter.applyErrors(page)
		s.render(c, http.StatusUnprocessableEntity, "reports", view{Data: reportPage{Filter: filter}})
		return r, q, filter, false
	}
	if err != nil {
		s.renderError(c, err)
		return r, q, filter, false
	}
	return r, q, filter, true
}

func (s *Server) pageReports(c *gin.Context) {
	r, q, filter, ok := s.loadReport(c)
	if !ok {
		return
	}
	rv := reportViewOf(r, q)
	s.render(c, http.StatusOK, "reports", view{Data: reportPage{Filter: filter, Report: &rv,
		XLSXHref: reportHref(reportsPath+"/unduh.xlsx", q)}})
}

func (s *Server) pageReportsXLSX(c *gin.Context) {
	r, _, _, ok := s.loadReport(c)
	if !ok {
		return
	}
	data, err := reports.XLSX(r, i18n.Indonesian)
	if err != nil {
		s.renderError(c, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypeXLSX, reports.FileName(r), data)
}

// pageHeadHome is the head of office's home: this month's report.
func (s *Server) pageHeadHome(c *gin.Context) {
	today := s.Reports.Today()
	q := reports.Query{Year: today.Year, Month: int(today.Month)}
	r, err := s.Reports.Monthly(c.Request.Context(), httpkit.MustUser(c).Actor(), q)
	if err != nil {
		s.renderError(c, err)
		return
	}
	rv := reportViewOf(r, q)
	data := reportPage{Report: &rv, Home: true, FullHref: reportHref(reportsPath, q),
		XLSXHref: reportHref(reportsPath+"/unduh.xlsx", q), EscalatedHref: complaintsStaffList + "?eskalasi=true"}
	// Escalated first, then by deadline: the first page holds the open
	// ones the head must see (closed and declined ones carry no deadline).
	page, err := s.Complaints.List(c.Request.Context(), httpkit.MustUser(c).Actor(),
		complaints.ListQuery{Escalated: true, Limit: headEscalatedShown})
	if err != nil {
		s.renderError(c, err)
		return
	}
	for _, cp := range page.Items {
		if cp.Status == domain.ComplaintClosed || cp.Status == domain.ComplaintDeclined {
			continue
		}
		e := escalatedView{Href: complaintsStaffList + "/" + strconv.FormatInt(cp.ID, 10), Code: cp.Code,
			Category: text("report.category." + string(cp.Category)), Status: text("report.complaint_status." + string(cp.Status))}
		if cp.DueOn != nil {
			e.Due = formatDate(*cp.DueOn)
		}
		if cp.EscalatedAt != nil {
			e.EscalatedAt = formatDate(domain.DateOf(cp.EscalatedAt.In(domain.Jakarta())))
		}
		data.Escalated = append(data.Escalated, e)
	}
	s.render(c, http.StatusOK, "home_head", view{Data: data})
}

// reportViewOf puts a report in the page's words.
func reportViewOf(r reports.Report, q reports.Query) reportView {
	v := reportView{Period: reports.PeriodLabel(r, i18n.Indonesian), Area: reports.AreaLabel(r, i18n.Indonesian),
		Today: formatDate(r.Today), Yearly: r.Month == 0, Kecamatan: r.Kecamatan != nil}
	all := q
	all.Kecamatan = ""
	v.AllHref = reportHref(reportsPath, all)
	for _, f := range []struct {
		key string
		n   int
	}{{"report.flow.filed", r.Flow.Filed}, {"report.flow.paid", r.Flow.Paid}, {"report.flow.returned", r.Flow.Returned},
		{"report.flow.rejected", r.Flow.Rejected}, {"report.flow.cancelled", r.Flow.Cancelled}} {
		v.Flow = append(v.Flow, flowCell{Label: text(f.key), N: f.n})
	}
	most := 0
	for _, n := range r.ClaimsNow {
		most = max(most, n.Count)
		v.NowTotal += n.Count
	}
	for _, n := range r.ClaimsNow {
		stage := text("report.stage.none")
		if n.Stage != "" {
			stage = text("report.stage." + string(n.Stage))
		}
		v.Now = append(v.Now, nowView{Status: n.Status, Stage: stage, Count: n.Count, Overdue: n.Overdue,
			Bar: countBar(n.Count, most)})
	}
	for _, st := range r.Stages {
		sv := durationsView(text("report.stage."+string(st.Stage)), st.Durations)
		sv.InStageNow, sv.OverdueNow = st.InStageNow, st.OverdueNow
		v.Stages = append(v.Stages, sv)
	}
	e := r.EndToEnd
	v.E2E = e2eView{Count: e.Count, Within: e.Within, WithinTarget: e.WithinTarget, Standard: e.LimitDays, Target: e.TargetDays,
		Median: daysText(e.MedianDays), P90: daysText(e.P90Days), Share: pct(e.Share, e.Count), TargetShare: pct(e.TargetShare, e.Count),
		Bar: shareBar(e.Share, e.Count), TargetBar: shareBar(e.TargetShare, e.Count)}
	for _, k := range r.Kecamatans {
		kq := q
		kq.Kecamatan = k.Code
		v.Kecamatans = append(v.Kecamatans, kecamatanView{Name: k.Name, Href: reportHref(reportsPath, kq), Flow: k.Flow,
			Median: daysText(k.EndToEnd.MedianDays), Share: pct(k.EndToEnd.Share, k.EndToEnd.Count),
			Bar: shareBar(k.EndToEnd.Share, k.EndToEnd.Count), InStageNow: k.InStageNow, OverdueNow: k.OverdueNow})
	}
	for _, m := range r.Months {
		v.Months = append(v.Months, monthView{Label: text("report.month." + strconv.Itoa(m.Month)), Flow: m.Flow,
			Median: daysText(m.EndToEnd.MedianDays), P90: daysText(m.EndToEnd.P90Days),
			Share: pct(m.EndToEnd.Share, m.EndToEnd.Count), Bar: shareBar(m.EndToEnd.Share, m.EndToEnd.Count)})
	}
	if c := r.Complaints; c != nil {
		cv := &complaintsView{Filed: c.Filed, Escalated: c.Escalated, OpenEscalated: c.OpenEscalated}
		for _, st := range domain.AllComplaintStatuses {
			cv.Statuses = append(cv.Statuses, text("report.complaint_status."+string(st)))
		}
		for _, cat := range c.ByCategory {
			row := reportComplaintRow{Label: text("report.category." + string(cat.Category)), Total: cat.Total}
			for _, st := range domain.AllComplaintStatuses {
				row.ByStatus = append(row.ByStatus, cat.ByStatus[st])
			}
			cv.Rows = append(cv.Rows, row)
		}
		cv.Times = []stageView{durationsView(text("report.complaints.to_verify"), c.ToVerify),
			durationsView(text("report.complaints.to_answer"), c.ToAnswer)}
		v.Complaints = cv
	}
	if sv := r.Survey; sv != nil {
		out := &surveyView{Count: sv.Count, Band: sv.Band, Index: decimalComma(sv.Index, 2)}
		for _, el := range sv.Elements {
			label := el.Element
			if key := "report.survey.element." + el.Element; i18n.HasText(key) {
				label = text(key)
			}
			out.Elements = append(out.Elements, surveyElementView{Label: label, Mean: decimalComma(el.Mean, 2),
				Bar: bar{Width: int(el.Mean * 25), Label: decimalComma(el.Mean, 2)}})
		}
		v.Survey = out
	}
	return v
}

func durationsView(label string, d reports.Durations) stageView {
	return stageView{Label: label, Standard: d.LimitDays, Count: d.Count, Within: d.Within,
		Median: daysText(d.MedianDays), P90: daysText(d.P90Days), Share: pct(d.Share, d.Count), Bar: shareBar(d.Share, d.Count)}
}

// daysText is a number of working days, or a dash when none was measured.
func daysText(d *int) string {
	if d == nil {
		return text("report.no_value")
	}
	return strconv.Itoa(*d)
}

// decimalComma writes x with n decimals and a decimal comma (Indonesian).
func decimalComma(x float64, n int) string {
	return strings.Replace(strconv.FormatFloat(x, 'f', n, 64), ".", ",", 1)
}

// pct writes a share as "62,5%" ("100%", "0%"); a dash when nothing was
// measured.
func pct(share float64, count int) string {
	if count == 0 {
		return text("report.no_value")
	}
	s := decimalComma(share*100, 1)
	return strings.TrimSuffix(s, ",0") + "%"
}

func shareBar(share float64, count int) bar {
	return bar{Width: int(share*100 + 0.5), Label: pct(share, count)}
}

// countBar is n against the largest of its table.
func countBar(n, most int) bar {
	if most == 0 {
		return bar{Label: strconv.Itoa(n)}
	}
	return bar{Width: (n*100 + most/2) / most, Label: strconv.Itoa(n)}
}
