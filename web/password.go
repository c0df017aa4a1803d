package web

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"santunan/auth"
	"santunan/domain"
	"santunan/httpkit"
)

// Every member of staff changes their own password here, with the same
// auth call and limits as POST /api/v1/me/password. A password set
// by the admin is one-time: requireSession sends its holder here from
// every other page until it is replaced, then on to where they were going.

const passwordPath = "/staf/ganti-sandi"

type passwordPage struct {
	Required bool // the password is one-time
	Done     bool
	Next     string
	Form     formView
}

func passwordForm(next string) formView {
	current := textField("current_password", "", true)
	current.Type, current.Autocomplete = "password", "current-password"
	fresh := textField("new_password", "", true)
	fresh.Type, fresh.Autocomplete, fresh.Hint = "password", "new-password", text("password.hint_new")
	again := textField("new_password_again", "", true)
	again.Type, again.Autocomplete = "password", "new-password"
	return formView{Action: passwordPath, Hidden: []hiddenField{{Name: "lanjut", Value: next}},
		Sections: []formSection{{Fields: []formField{current, fresh, again}}}, Submit: text("password.submit")}
}

func (s *Server) pagePasswordForm(c *gin.Context) {
	next := safeNext(c.Query("lanjut"))
	data := passwordPage{Required: httpkit.MustUser(c).PasswordChangeRequired, Next: next, Form: passwordForm(next)}
	v := view{}
	if c.Query("berhasil") != "" && !data.Required {
		data.Done, v.Notice = true, text("password.done")
	}
	s.render(c, http.StatusOK, "password", v.with(data))
}

func (s *Server) pageChangePassword(c *gin.Context) {
	next := safeNext(c.PostForm("lanjut"))
	current, fresh := c.PostForm("current_password"), c.PostForm("new_password")
	err := checkLimits(c.PostForm, passwordLimits...)
	if err == nil && fresh != c.PostForm("new_password_again") {
		err = domain.FieldError("new_password_again", domain.ViolationPasswordMismatch)
	}
	user := httpkit.MustUser(c)
	if err == nil {
		_, err = s.Auth.ChangePassword(c.Request.Context(), user.Actor(), auth.PasswordChange{
			Current: current, New: fresh, KeepToken: httpkit.SessionToken(c),
		}, c.ClientIP())
	}
	if err == nil {
		c.Redirect(http.StatusSeeOther, passwordPath+"?"+url.Values{"berhasil": {"1"}, "lanjut": {next}}.Encode())
		return
	}
	// What was typed is not shown again: every field here is a password.
	data := passwordPage{Required: user.PasswordChangeRequired, Next: next, Form: passwordForm(next)}
	status, v := http.StatusUnprocessableEntity, view{}
	if errs := fieldErrors(err); errs != nil {
		data.Form.applyErrors(errs)
	} else {
		status, v.Alert = pageProblem(c, err)
	}
	s.render(c, status, "password", v.with(data))
}
