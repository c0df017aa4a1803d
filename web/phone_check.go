package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/applications"
	"santunan/domain"
)

// The phone check's pages, shared by the online application (/ajukan) and
// the correction of a returned claim (/perbaiki): first what starts a
// check, then the six-digit code. Each flow names its paths and texts.

type phoneFlow struct {
	Key    string // text prefix: "apply" or "fix"
	Start  string // where the first form posts
	Verify string // where the code posts
	Cookie string
	Next   string // where a verified heir goes
}

var (
	applyFlow = phoneFlow{Key: "apply", Start: "/ajukan/kode", Verify: "/ajukan/verifikasi", Cookie: cookieApply, Next: "/ajukan"}
	fixFlow   = phoneFlow{Key: "fix", Start: "/perbaiki/kode", Verify: "/perbaiki/verifikasi", Cookie: cookieFix, Next: "/perbaiki/formulir"}
)

type phoneCheckPage struct {
	Title   string
	Intro   string
	Step    string // "Langkah 1 dari 3"
	Form    formView
	Offices officesView
}

func (s *Server) renderPhoneCheck(c *gin.Context, status int, f phoneFlow, intro string, form formView, alert string) {
	s.render(c, status, "phone_check", view{Alert: alert, Data: phoneCheckPage{
		Title: text(f.Key + ".title"), Intro: intro, Step: text(f.Key + ".step_phone"), Form: form,
		Offices: s.officesFor(""),
	}})
}

// codeForm asks for the code of check id, sent to a masked phone.
func codeForm(f phoneFlow, checkID, code string) formView {
	field := textField("code", code, true)
	field.InputMode, field.Autocomplete, field.MaxLength = "numeric", "one-time-code", 6
	field.Label = text("phone_check.code_label")
	return formView{Action: f.Verify, Hidden: []hiddenField{{Name: "check_id", Value: checkID}},
		Sections: []formSection{{Fields: []formField{field}}}, Submit: text("phone_check.verify")}
}

// renderCodeForm shows the code form after a code was sent.
func (s *Server) renderCodeForm(c *gin.Context, f phoneFlow, ch applications.Check) {
	s.renderPhoneCheck(c, http.StatusOK, f, textf("phone_check.sent", "phone", ch.MaskedPhone, "minutes", "10"),
		codeForm(f, ch.ID, ""), "")
}

// pageVerifyCode checks a code; the right one opens the flow's session.
func (s *Server) pageVerifyCode(f phoneFlow) gin.HandlerFunc {
	return func(c *gin.Context) {
		checkID, code := c.PostForm("check_id"), c.PostForm("code")
		sess, err := s.Applications.Verify(c.Request.Context(), checkID, code)
		if err == nil {
			s.setPublicSession(c, f.Cookie, sess.Token)
			c.Redirect(http.StatusSeeOther, f.Next)
			return
		}
		form := codeForm(f, checkID, code)
		if errs := fieldErrors(err); errs != nil {
			form.applyErrors(errs)
			intro := text("phone_check.retry")
			if errs["code"] == domain.ViolationOTPExpired || errs["code"] == domain.ViolationOTPAttempts || errs["code"] == domain.ViolationOTPUsed {
				intro = text("phone_check.start_again")
			}
			s.renderPhoneCheck(c, http.StatusUnprocessableEntity, f, intro, form, "")
			return
		}
		status, msg := pageProblem(c, err)
		s.renderPhoneCheck(c, status, f, text("phone_check.retry"), form, msg)
	}
}
