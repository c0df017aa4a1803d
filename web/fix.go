package web

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/domain"
)

// The heir fixes a returned claim online (/perbaiki?kode=...): the code and
// their NIK prove the claim, a code goes to the heir's phone on file
// (shown masked), then the correction form (web/fix_form.go).

func fixStartForm(code, nik string) formView {
	form := trackForm(code, nik)
	form.Action, form.Submit = fixFlow.Start, text("phone_check.send")
	return form
}

func (s *Server) pageFixStart(c *gin.Context) {
	s.renderPhoneCheck(c, http.StatusOK, fixFlow, text("fix.intro"), fixStartForm(c.Query("kode"), ""), "")
}

// pageFixCode proves the claim and sends the code to its heir's phone.
func (s *Server) pageFixCode(c *gin.Context) {
	code, nik := c.PostForm("code"), c.PostForm("heir_nik")
	form := fixStartForm(code, nik)
	if err := checkLimits(c.PostForm, trackLimits...); err != nil {
		form.applyErrors(fieldErrors(err))
		s.renderPhoneCheck(c, http.StatusUnprocessableEntity, fixFlow, text("fix.intro"), form, "")
		return
	}
	ch, err := s.Applications.StartFix(c.Request.Context(), code, nik)
	if err == nil {
		s.renderCodeForm(c, fixFlow, ch)
		return
	}
	if errs := fieldErrors(err); errs != nil {
		form.applyErrors(errs)
		s.renderPhoneCheck(c, http.StatusUnprocessableEntity, fixFlow, text("fix.intro"), form, "")
		return
	}
	status, msg := pageProblem(c, err)
	var transition *domain.TransitionError
	switch {
	case status == http.StatusNotFound:
		msg = text("track.not_found")
	case errors.As(err, &transition):
		msg = text("fix.not_returned")
	}
	s.renderPhoneCheck(c, status, fixFlow, text("fix.intro"), form, msg)
}
