package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/auth"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
)

// The administrator's users page: create staff accounts, disable or enable
// them, reset passwords. The same auth calls and limits as the
// /api/v1/users endpoints.

type usersPage struct {
	Users  []userView
	Create formView
	// CalendarWarning: the working-day calendar lacks a year it needs (the
	// admin keeps it; web/calendar.go).
	CalendarWarning string
	CalendarYear    int // the first year it lacks
}

type userView struct {
	User   domain.User
	Self   bool
	Toggle formView
	Reset  formView
	Open   bool // the reset form is unfolded (it has an error)
}

const usersPath = "/staf/pengguna"

func userHref(id int64) string { return usersPath + "/" + strconv.FormatInt(id, 10) }

func createUserForm(username, fullName, role string) formView {
	name := textField("username", username, true)
	name.Autocomplete, name.Hint = "off", text("hint.new_username")
	roles := textField("role", role, true)
	roles.Type, roles.Placeholder = "select", text("form.choose")
	for _, r := range domain.AllRoles {
		roles.Options = append(roles.Options, option{Value: string(r), Label: i18n.RoleLabel(i18n.Indonesian, r), Selected: string(r) == role})
	}
	pass := textField("password", "", true)
	pass.Type, pass.Autocomplete, pass.Hint = "password", "new-password", text("hint.new_password")
	fv := formView{Action: usersPath, Sections: []formSection{{Fields: []formField{
		name, textField("full_name", fullName, true), roles, pass}}}, Submit: text("users.create")}
	fv.prefixIDs("new-")
	return fv
}

func userForms(u domain.User, self bool) userView {
	uv := userView{User: u, Self: self}
	uv.Toggle = formView{Action: userHref(u.ID) + "/aktif", Submit: text("users.disable"), SubmitClass: "danger",
		Hidden: []hiddenField{{Name: "active", Value: "false"}}}
	if !u.Active {
		uv.Toggle.Submit, uv.Toggle.SubmitClass, uv.Toggle.Hidden[0].Value = text("users.enable"), "", "true"
	}
	pass := textField("password", "", true)
	pass.Type, pass.Autocomplete, pass.Label, pass.Hint = "password", "new-password", text("users.new_password"), text("hint.new_password")
	uv.Reset = formView{Action: userHref(u.ID) + "/sandi", Submit: text("users.reset"),
		Sections: []formSection{{Fields: []formField{pass}}}}
	uv.Reset.prefixIDs("u" + strconv.FormatInt(u.ID, 10) + "-")
	return uv
}

// showUsers renders the page; create and failed (by user id) carry a form
// that came back with errors.
func (s *Server) showUsers(c *gin.Context, status int, v view, create *formView, failed int64, resetErr error) {
	users, err := s.Auth.ListUsers(c.Request.Context())
	if err != nil {
		s.renderError(c, err)
		return
	}
	me := httpkit.MustUser(c)
	data := usersPage{Create: createUserForm("", "", "")}
	data.CalendarWarning, data.CalendarYear = s.calendarWarning(c)
	if create != nil {
		data.Create = *create
	}
	for _, u := range users {
		uv := userForms(u, u.ID == me.ID)
		if u.ID == failed && resetErr != nil {
			uv.Open = true
			uv.Reset.applyErrors(fieldErrors(resetErr))
		}
		data.Users = append(data.Users, uv)
		if id, _ := parseID(c.Query("id")); id == u.ID && c.Query("berhasil") != "" {
			v.Notice = textf("users.done."+c.Query("berhasil"), "user", u.Username)
		}
	}
	s.render(c, status, "users", v.with(data))
}

func (s *Server) pageUsers(c *gin.Context) {
	s.showUsers(c, http.StatusOK, view{}, nil, 0, nil)
}

func (s *Server) pageCreateUser(c *gin.Context) {
	in := auth.NewUser{Username: c.PostForm("username"), FullName: c.PostForm("full_name"),
		Role: domain.Role(c.PostForm("role")), Password: c.PostForm("password")}
	err := checkLimits(c.PostForm, userLimits...)
	var u domain.User
	if err == nil {
		u, err = s.Auth.CreateUser(c.Request.Context(), httpkit.MustUser(c).Actor(), in, c.ClientIP())
	}
	if err == nil {
		c.Redirect(http.StatusSeeOther, usersPath+"?berhasil=created&id="+strconv.FormatInt(u.ID, 10))
		return
	}
	form := createUserForm(in.Username, in.FullName, string(in.Role))
	v := view{}
	status := http.StatusUnprocessableEntity
	if errs := fieldErrors(err); errs != nil {
		form.applyErrors(errs)
	} else {
		status, v.Alert = pageProblem(c, err)
	}
	s.showUsers(c, status, v, &form, 0, nil)
}

func (s *Server) pageSetUserActive(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	active, err := strconv.ParseBool(c.PostForm("active"))
	if err != nil {
		s.showUsers(c, http.StatusUnprocessableEntity, view{Alert: text("error.bad_request")}, nil, 0, nil)
		return
	}
	if _, err := s.Auth.SetActive(c.Request.Context(), httpkit.MustUser(c).Actor(), id, active, c.ClientIP()); err != nil {
		status, msg := pageProblem(c, err)
		if errs := fieldErrors(err); errs != nil {
			msg = i18n.Violation(i18n.Indonesian, errs["active"])
		}
		s.showUsers(c, status, view{Alert: msg}, nil, 0, nil)
		return
	}
	done := "disabled"
	if active {
		done = "enabled"
	}
	c.Redirect(http.StatusSeeOther, usersPath+"?berhasil="+done+"&id="+strconv.FormatInt(id, 10))
}

func (s *Server) pageResetPassword(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	pw := c.PostForm("password")
	err := checkLimits(c.PostForm, resetLimit)
	if err == nil {
		err = s.Auth.ResetPassword(c.Request.Context(), httpkit.MustUser(c).Actor(), id, pw, c.ClientIP())
	}
	if err == nil {
		c.Redirect(http.StatusSeeOther, usersPath+"?berhasil=reset&id="+strconv.FormatInt(id, 10))
		return
	}
	if fieldErrors(err) != nil {
		s.showUsers(c, http.StatusUnprocessableEntity, view{}, nil, id, err)
		return
	}
	status, msg := pageProblem(c, err)
	s.showUsers(c, status, view{Alert: msg}, nil, 0, nil)
}
