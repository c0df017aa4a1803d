package api

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/survey"
)

// The satisfaction survey (SKM): the heir's form by the token of the paid
// message's link, and the index for survey.CanRead.

type surveyLevelJSON struct {
	Score int    `json:"score"`
	Label string `json:"label"`
}

type surveyElementJSON struct {
	Element  survey.Element    `json:"element"`
	Label    string            `json:"label"`
	Question string            `json:"question"`
	Levels   []surveyLevelJSON `json:"levels"`
}

type surveyFormJSON struct {
	Elements   []surveyElementJSON `json:"elements"`
	MaxComment int                 `json:"max_comment"`
}

// publicSurvey says whether the token may answer, and what it asks.
func (s *Server) publicSurvey(c *gin.Context) {
	if err := s.Survey.Check(c.Request.Context(), c.Param("token")); err != nil {
		writeError(c, err)
		return
	}
	id := i18n.Indonesian
	out := surveyFormJSON{MaxComment: survey.MaxComment}
	for _, e := range survey.Elements {
		el := surveyElementJSON{Element: e, Label: i18n.Text(id, "field."+string(e)), Question: i18n.Text(id, "survey.q."+string(e))}
		for level := survey.MinScore; level <= survey.MaxScore; level++ {
			el.Levels = append(el.Levels, surveyLevelJSON{Score: level,
				Label: i18n.Text(id, "survey.level."+string(e)+"."+strconv.Itoa(level))})
		}
		out.Elements = append(out.Elements, el)
	}
	c.JSON(http.StatusOK, out)
}

type surveyAnswerRequest struct {
	Scores  map[string]int `json:"scores"`
	Comment string         `json:"comment"`
}

// answerPublicSurvey records the answer of the token's claim, once.
func (s *Server) answerPublicSurvey(c *gin.Context) {
	var req surveyAnswerRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	errs := domain.FieldErrors{}
	known := map[string]bool{}
	for _, e := range survey.Elements {
		known[string(e)] = true
	}
	for k := range req.Scores {
		if !known[k] {
			errs.Add("scores."+k, domain.ViolationInvalidValue)
		}
	}
	a, err := survey.ParseAnswer(func(field string) string {
		if field == "comment" {
			return req.Comment
		}
		if v, ok := req.Scores[field]; ok {
			return strconv.Itoa(v)
		}
		return ""
	})
	var invalid *domain.ValidationError
	if errors.As(err, &invalid) {
		for k, v := range invalid.Fields {
			if k != "comment" {
				k = "scores." + k
			}
			errs.Add(k, v)
		}
	}
	if err := errs.Err(); err != nil {
		writeError(c, err)
		return
	}
	if err := s.Survey.Answer(c.Request.Context(), c.Param("token"), a); err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"recorded": true})
}

type surveyIndexJSON struct {
	From  time.Time                  `json:"from"`
	To    time.Time                  `json:"to"`
	Count int                        `json:"count"`
	Means map[survey.Element]float64 `json:"means"`
	Index *float64                   `json:"index"`
	Band  *survey.Band               `json:"band"`
}

func surveyIndexOf(x survey.Index) surveyIndexJSON {
	out := surveyIndexJSON{From: x.From, To: x.To, Count: x.Count, Means: map[survey.Element]float64{}}
	if x.Count == 0 {
		return out
	}
	for i, e := range survey.Elements {
		out.Means[e] = x.Means[i]
	}
	v, b := x.Value, x.Band
	out.Index, out.Band = &v, &b
	return out
}

// surveyYear reads ?year=, this year (in Jakarta) by default.
func (s *Server) surveyYear(c *gin.Context) (int, bool) {
	year, ok := queryInt(c, "year")
	if !ok {
		return 0, false
	}
	if c.Query("year") == "" {
		return s.opts.Now().In(domain.Jakarta()).Year(), true
	}
	if year < 2000 || year > 2100 {
		writeError(c, domain.FieldError("year", domain.ViolationInvalidValue))
		return 0, false
	}
	return year, true
}

// surveyIndex is the year's index per month and for the whole year.
func (s *Server) surveyIndex(c *gin.Context) {
	year, ok := s.surveyYear(c)
	if !ok {
		return
	}
	y, err := s.Survey.YearOf(c.Request.Context(), year)
	if err != nil {
		writeError(c, err)
		return
	}
	months := make([]surveyIndexJSON, 0, len(y.Months))
	for _, m := range y.Months {
		months = append(months, surveyIndexOf(m))
	}
	c.JSON(http.StatusOK, gin.H{"year": year, "year_index": surveyIndexOf(y.Whole), "months": months})
}

// surveyComments pages through the year's comments, newest month first.
func (s *Server) surveyComments(c *gin.Context) {
	year, ok := s.surveyYear(c)
	if !ok {
		return
	}
	limit, ok := queryInt(c, "limit")
	if !ok {
		return
	}
	page, err := s.Survey.Comments(c.Request.Context(), year, c.Query("cursor"), limit)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, page)
}

// surveyXLSX is the year's index and comments as a workbook.
func (s *Server) surveyXLSX(c *gin.Context) {
	year, ok := s.surveyYear(c)
	if !ok {
		return
	}
	data, err := s.Survey.XLSX(c.Request.Context(), year)
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypeXLSX, "ikm-"+strconv.Itoa(year)+".xlsx", data)
}
