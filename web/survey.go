package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/httpkit"
	"santunan/survey"
)

// The heir's satisfaction survey (SKM): the paid message's link
// /survei/<token>, or the tracking page's button, which posts a
// short-lived token to /survei (so no secret of it is in an address that
// history or a proxy keeps). One answer per claim; the form keeps what was
// chosen when something is missing.

const (
	surveyPath = "/survei"
	// surveyOpen marks the tracking page's post, which opens the form.
	surveyOpen = "buka"
)

type surveyPage struct {
	Form formView
}

// surveyForm is the nine elements, each four levels as radio buttons, and
// the comment; action posts it (with the token hidden when it is not in
// the path).
func surveyForm(action, token string, get formValues) formView {
	var fields []formField
	for _, e := range survey.Elements {
		name := string(e)
		f := formField{Name: name, Label: fieldLabel(name), Hint: text("survey.q." + name), Type: "radio", Required: true}
		chosen := get(name)
		for level := survey.MaxScore; level >= survey.MinScore; level-- {
			v := strconv.Itoa(level)
			f.Options = append(f.Options, option{Value: v, Label: text("survey.level." + name + "." + v), Selected: chosen == v})
		}
		fields = append(fields, f)
	}
	comment := formField{Name: "comment", Label: text("survey.comment"), Hint: text("survey.comment_hint"),
		Type: "textarea", Value: get("comment"), MaxLength: survey.MaxComment}
	fields = append(fields, comment)
	fv := formView{Action: action, Sections: []formSection{{Fields: fields}}, Submit: text("survey.submit")}
	if token != "" {
		fv.Hidden = []hiddenField{{Name: "token", Value: token}}
	}
	return fv
}

func noValues(string) string { return "" }

// pageSurvey shows the form of a message's link.
func (s *Server) pageSurvey(c *gin.Context) {
	tok := c.Param("token")
	if err := s.Survey.Check(c.Request.Context(), tok); err != nil {
		s.surveyRefused(c, err)
		return
	}
	s.render(c, http.StatusOK, "survey", view{Data: surveyPage{Form: surveyForm(surveyPath+"/"+tok, "", noValues)}})
}

// pageAnswerSurvey takes the answer of a message's link.
func (s *Server) pageAnswerSurvey(c *gin.Context) {
	tok := c.Param("token")
	s.answerSurvey(c, tok, surveyPath+"/"+tok, "")
}

// pagePostedSurvey is the tracking page's way in: its button opens the
// form (step buka), whose answer comes back here, the token in the body.
func (s *Server) pagePostedSurvey(c *gin.Context) {
	tok := c.PostForm("token")
	if c.PostForm("step") == surveyOpen {
		if err := s.Survey.Check(c.Request.Context(), tok); err != nil {
			s.surveyRefused(c, err)
			return
		}
		s.render(c, http.StatusOK, "survey", view{Data: surveyPage{Form: surveyForm(surveyPath, tok, noValues)}})
		return
	}
	s.answerSurvey(c, tok, surveyPath, tok)
}

func (s *Server) answerSurvey(c *gin.Context, tok, action, hidden string) {
	a, err := survey.ParseAnswer(c.PostForm)
	if err == nil {
		err = s.Survey.Answer(c.Request.Context(), tok, a)
	}
	if errs := fieldErrors(err); errs != nil {
		form := surveyForm(action, hidden, c.PostForm)
		form.applyErrors(errs)
		s.render(c, http.StatusUnprocessableEntity, "survey", view{Data: surveyPage{Form: form}})
		return
	}
	if err != nil {
		s.surveyRefused(c, err)
		return
	}
	s.render(c, http.StatusOK, "survey_done", view{})
}

// surveyRefused is the page of a link that cannot answer: unknown or
// expired, or answered already (each in plain words), or another problem.
func (s *Server) surveyRefused(c *gin.Context, err error) {
	title := "survey.gone_title"
	if errors.Is(err, survey.ErrAnswered) {
		title = "survey.answered_title"
	}
	status, msg := pageProblem(c, err)
	if errors.Is(err, survey.ErrAnswered) || errors.Is(err, survey.ErrUnknownToken) {
		s.render(c, status, "message", view{Alert: msg, AlertLink: &link{Href: "/lacak", Text: text("nav.track")},
			Data: messagePage{Title: text(title)}})
		return
	}
	s.renderPlain(c, status, msg, &link{Href: "/", Text: text("error.back_public")})
}

// trackSurveyForm is the tracking page's button of a paid claim whose
// survey is not answered: a form that posts a new short-lived token.
func (s *Server) trackSurveyForm(c *gin.Context, code string) *formView {
	tok, ok, err := s.Survey.Offer(c.Request.Context(), code)
	if err != nil {
		// The tracking result matters more than the offer: shown without it.
		httpkit.Logger(c).Warn("survey offer", "error", err.Error())
		return nil
	}
	if !ok {
		return nil
	}
	return &formView{Action: surveyPath, Hidden: []hiddenField{{Name: "token", Value: tok}, {Name: "step", Value: surveyOpen}},
		Submit: text("survey.track_start")}
}
