package web

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"santunan/auth"
	"santunan/domain"
	"santunan/httpkit"
)

// The login form is protected against CSRF (a forged login would sign a
// clerk into an attacker's account) by a double submit: a random value in
// an HttpOnly cookie, and its HMAC in the form.

type loginPage struct {
	Form formView
}

func loginForm(csrf, next, username string) formView {
	user := textField("username", username, true)
	user.Autocomplete = "username"
	pass := textField("password", "", true)
	pass.Type, pass.Autocomplete = "password", "current-password"
	return formView{Action: "/masuk", CSRF: csrf, Hidden: []hiddenField{{Name: "lanjut", Value: next}},
		Sections: []formSection{{Fields: []formField{user, pass}}}, Submit: text("login.submit")}
}

// loginCSRF returns the login form's token, first setting a new
// pre-session cookie if the browser has none (or fresh is asked for).
func (s *Server) loginCSRF(c *gin.Context, fresh bool) string {
	pre := s.cookie(c, cookiePreSession)
	if pre == "" || fresh {
		pre = newPreSession()
		s.setCookie(c, cookiePreSession, pre, preSessionMaxAge)
	}
	return csrfToken(pre, csrfForLogin)
}

func (s *Server) pageLoginForm(c *gin.Context) {
	next := safeNext(c.Query("lanjut"))
	if token := s.cookie(c, cookieSession); token != "" {
		if _, err := s.Auth.AuthenticateWeb(c.Request.Context(), token); err == nil {
			c.Redirect(http.StatusSeeOther, next)
			return
		}
	}
	v := view{Data: loginPage{Form: loginForm(s.loginCSRF(c, false), next, "")}}
	switch c.Query("sesi") {
	case "expired":
		v.Alert = text("login.expired")
	case "ended":
		v.Notice = text("login.logged_out")
	}
	s.render(c, http.StatusOK, "login", v)
}

func (s *Server) pageLogin(c *gin.Context) {
	next := safeNext(c.PostForm("lanjut"))
	username := c.PostForm("username")
	if !csrfValid(s.cookie(c, cookiePreSession), csrfForLogin, c.PostForm(csrfField)) {
		// The cookie expired or was never set: a fresh form fixes it.
		s.render(c, http.StatusForbidden, "login", view{Alert: text("login.form_expired"),
			Data: loginPage{Form: loginForm(s.loginCSRF(c, true), next, username)}})
		return
	}
	err := checkLimits(c.PostForm, loginLimits...)
	if err == nil {
		var sess auth.Session
		sess, err = s.Auth.LoginWeb(c.Request.Context(), username, c.PostForm("password"), c.ClientIP())
		if err == nil {
			s.setCookie(c, cookieSession, sess.Token, 0)
			s.setCookie(c, cookiePreSession, "", -1)
			if sess.User.PasswordChangeRequired {
				// A one-time password: replace it first, then go on.
				next = passwordPath + "?" + url.Values{"lanjut": {next}}.Encode()
			}
			c.Redirect(http.StatusSeeOther, next)
			return
		}
	}
	form := loginForm(s.loginCSRF(c, false), next, username)
	status, msg := http.StatusUnprocessableEntity, text("login.missing")
	if fieldErrors(err) == nil {
		status, msg = pageProblem(c, err)
		if errors.Is(err, domain.ErrUnauthenticated) {
			msg = text("login.wrong")
		}
	}
	s.render(c, status, "login", view{Alert: msg, Data: loginPage{Form: form}})
}

// pageLogout ends the session in the database, not only in the browser.
func (s *Server) pageLogout(c *gin.Context) {
	err := s.Auth.Logout(c.Request.Context(), httpkit.SessionToken(c), c.ClientIP())
	if err != nil && !errors.Is(err, domain.ErrUnauthenticated) {
		s.renderError(c, err)
		return
	}
	s.setCookie(c, cookieSession, "", -1)
	c.Redirect(http.StatusSeeOther, "/masuk?sesi=ended")
}
