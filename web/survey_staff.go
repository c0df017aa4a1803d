package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/survey"
)

// The survey's index for staff (survey.CanRead): per month and per
// element, the year's comments (paged) and the XLSX of it all.

const (
	surveyStaffPath    = "/staf/survei"
	surveyCommentsPath = surveyStaffPath + "/komentar"
	surveyXLSXPath     = surveyStaffPath + "/ikm.xlsx"
	surveyCommentsPage = 50
	// surveyCommentsShown on the index page, the newest.
	surveyCommentsShown = 5
)

type surveyStaffPage struct {
	Year     int
	Filter   formView
	Months   []surveyIndexRow
	Whole    surveyIndexRow
	Elements []surveyElementRow
	Comments []survey.Comment
	More     string // the comments' own page
	XLSX     string
	Next     string // comments page: the next one
	// Heads are the element columns' short heads (U1-U9, in Href) with
	// their names (Text) as titles.
	Heads []link
}

type surveyIndexRow struct {
	Label string
	Count int
	Means []string
	Value string
	Band  string
}

type surveyElementRow struct {
	Label string
	Mean  string
}

// decimal2 is a figure as Indonesians write it: two decimals after a comma.
func decimal2(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 2, 64), ".", ",", 1)
}

func surveyRow(label string, x survey.Index) surveyIndexRow {
	r := surveyIndexRow{Label: label, Count: x.Count}
	if x.Count == 0 {
		r.Means = slices.Repeat([]string{"–"}, len(x.Means))
		r.Value, r.Band = "–", "–"
		return r
	}
	for _, m := range x.Means {
		r.Means = append(r.Means, decimal2(m))
	}
	r.Value, r.Band = decimal2(x.Value), text("survey.band."+string(x.Band))
	return r
}

// surveyYear is the year asked for (tahun), this year by default; a year
// that is not one (a hand-edited address) is a field error.
func (s *Server) surveyYear(c *gin.Context) (int, error) {
	raw := c.Query("tahun")
	if raw == "" {
		return s.opts.Now().In(domain.Jakarta()).Year(), nil
	}
	y, err := strconv.Atoi(raw)
	if err != nil || y < 2000 || y > 2100 {
		return 0, domain.FieldError("tahun", domain.ViolationInvalidValue)
	}
	return y, nil
}

func (s *Server) surveyFilter(year string) formView {
	f := textField("tahun", year, true)
	f.Label, f.InputMode, f.MaxLength = text("survey.year"), "numeric", 4
	return formView{Method: http.MethodGet, Action: surveyStaffPath, Sections: []formSection{{Fields: []formField{f}}},
		Submit: text("survey.show")}
}

func yearQuery(year int) string { return "?" + url.Values{"tahun": {strconv.Itoa(year)}}.Encode() }

func (s *Server) pageSurveyIndex(c *gin.Context) {
	year, err := s.surveyYear(c)
	if errs := fieldErrors(err); errs != nil {
		f := s.surveyFilter(c.Query("tahun"))
		f.applyErrors(errs)
		s.render(c, http.StatusUnprocessableEntity, "survey_staff", view{Data: surveyStaffPage{Filter: f}})
		return
	}
	y, err := s.Survey.YearOf(c.Request.Context(), year)
	if err != nil {
		s.renderError(c, err)
		return
	}
	comments, err := s.Survey.Comments(c.Request.Context(), year, "", surveyCommentsShown)
	if err != nil {
		s.renderError(c, err)
		return
	}
	data := surveyStaffPage{Year: year, Filter: s.surveyFilter(strconv.Itoa(year)), Comments: comments.Comments,
		XLSX: surveyXLSXPath + yearQuery(year), More: surveyCommentsPath + yearQuery(year), Heads: surveyElementHeads()}
	for _, m := range y.Months {
		data.Months = append(data.Months, surveyRow(strings.TrimPrefix(formatDate(domain.DateOf(m.From)), "1 "), m))
	}
	data.Whole = surveyRow(text("survey.whole_year"), y.Whole)
	if y.Whole.Count > 0 {
		for i, e := range survey.Elements {
			data.Elements = append(data.Elements, surveyElementRow{Label: fieldLabel(string(e)), Mean: decimal2(y.Whole.Means[i])})
		}
	}
	s.render(c, http.StatusOK, "survey_staff", view{Data: data})
}

func (s *Server) pageSurveyComments(c *gin.Context) {
	year, err := s.surveyYear(c)
	var page survey.CommentsPage
	if err == nil {
		page, err = s.Survey.Comments(c.Request.Context(), year, c.Query("kursor"), surveyCommentsPage)
	}
	if err != nil {
		s.renderError(c, err)
		return
	}
	data := surveyStaffPage{Year: year, Comments: page.Comments}
	if page.Next != "" {
		data.Next = surveyCommentsPath + "?" + url.Values{"tahun": {strconv.Itoa(year)}, "kursor": {page.Next}}.Encode()
	}
	data.More = surveyStaffPath + yearQuery(year)
	s.render(c, http.StatusOK, "survey_comments", view{Data: data})
}

func (s *Server) pageSurveyXLSX(c *gin.Context) {
	year, err := s.surveyYear(c)
	var data []byte
	if err == nil {
		data, err = s.Survey.XLSX(c.Request.Context(), year)
	}
	if err != nil {
		s.renderError(c, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypeXLSX, "ikm-"+strconv.Itoa(year)+".xlsx", data)
}

// surveyElementHeads are the element columns' short heads (U1-U9) with
// their names as titles.
func surveyElementHeads() []link {
	out := make([]link, len(survey.Elements))
	for i, e := range survey.Elements {
		out[i] = link{Href: "U" + strconv.Itoa(i+1), Text: i18n.Text(i18n.Indonesian, "field."+string(e))}
	}
	return out
}
