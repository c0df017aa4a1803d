package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// The heir's online application (/ajukan), mobile first: 1. the phone and
// its code, 2. the claim with its documents and the privacy statement,
// 3. the tracking code. The JSON API's equivalents are /api/v1/public/...

func phoneForm(phone string) formView {
	f := textField("phone", phone, true)
	f.Type, f.InputMode, f.Autocomplete = "tel", "tel", "tel"
	f.Label, f.Hint = text("apply.phone"), text("apply.phone_hint")
	return formView{Action: applyFlow.Start, Sections: []formSection{{Fields: []formField{f}}}, Submit: text("phone_check.send")}
}

// pageApply is step 1 without a verified phone, step 2 with one.
func (s *Server) pageApply(c *gin.Context) {
	token := s.cookie(c, cookieApply)
	masked, err := s.Applications.ApplySession(c.Request.Context(), token)
	if token == "" || err != nil {
		s.renderPhoneCheck(c, http.StatusOK, applyFlow, text("apply.intro"), phoneForm(""), "")
		return
	}
	s.renderApplyForm(c, http.StatusOK, s.applyForm(c, applyValues{}, masked), "")
}

// pageApplyCode sends the code to the phone typed.
func (s *Server) pageApplyCode(c *gin.Context) {
	phone := c.PostForm("phone")
	ch, err := s.Applications.StartApply(c.Request.Context(), phone)
	if err == nil {
		s.renderCodeForm(c, applyFlow, ch)
		return
	}
	form := phoneForm(phone)
	if errs := fieldErrors(err); errs != nil {
		form.applyErrors(errs)
		s.renderPhoneCheck(c, http.StatusUnprocessableEntity, applyFlow, text("apply.intro"), form, "")
		return
	}
	status, msg := pageProblem(c, err)
	s.renderPhoneCheck(c, status, applyFlow, text("apply.intro"), form, msg)
}
