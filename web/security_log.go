package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/auth"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
)

// The auditor's page of the security log: every login (and failed or
// refused one), logout, account created, disabled or enabled, and password
// reset or changed, with who did it, when and from where. An admin acting
// alone (creating an auditor, resetting a clerk's password) is always in
// it. The same auth call and role rule as GET /api/v1/security-events.

const securityLogPath = "/staf/log-keamanan"

type securityLogPage struct {
	Filter   formView
	Username string // the account filtered on, "" for all
	Rows     []securityRow
	Pager    pager
}

type securityRow struct {
	At      time.Time
	Event   string
	Account string
	Actor   string
	IP      string
	Note    string
}

// securityLogPageSize is the page size of the security log page.
const securityLogPageSize = 50

func securityFilter(username string) formView {
	f := textField("username", username, false)
	f.Type, f.Autocomplete = "search", "off"
	return formView{Method: http.MethodGet, Action: securityLogPath,
		Sections: []formSection{{Fields: []formField{f}}}, Submit: text("security.filter")}
}

func (s *Server) pageSecurityLog(c *gin.Context) {
	username := c.Query("username")
	data := securityLogPage{Filter: securityFilter(username), Username: username}
	events, next, err := s.Auth.SecurityEvents(c.Request.Context(), httpkit.MustUser(c).Actor(),
		auth.EventQuery{Username: username, Limit: securityLogPageSize, Cursor: c.Query("kursor")})
	if errs := fieldErrors(err); errs != nil {
		data.Filter.applyErrors(errs)
		s.render(c, http.StatusUnprocessableEntity, "security_log", view{}.with(data))
		return
	}
	if err != nil {
		s.renderError(c, err)
		return
	}
	for _, ev := range events {
		data.Rows = append(data.Rows, securityRow{At: ev.At, Event: text("security.kind." + string(ev.Kind)),
			Account: orDash(ev.Username), Actor: orDash(ev.ActorUsername), IP: orDash(ev.IP), Note: securityNote(ev)})
	}
	q := url.Values{}
	if username != "" {
		q.Set("username", username)
	}
	if next != "" {
		q.Set("kursor", next)
		data.Pager.NextHref = securityLogPath + "?" + q.Encode()
	}
	if c.Query("kursor") != "" {
		q.Del("kursor")
		data.Pager.FirstHref = securityLogPath
		if len(q) > 0 {
			data.Pager.FirstHref += "?" + q.Encode()
		}
	}
	s.render(c, http.StatusOK, "security_log", view{}.with(data))
}

// securityNote says in Indonesian what the event's reason code means: why
// a login failed, which kind of session opened, the role of a new user.
func securityNote(ev auth.SecurityEvent) string {
	switch {
	case ev.Reason == "":
		return ""
	case ev.Kind == auth.EventUserCreated:
		return textf("security.reason.role", "role", i18n.RoleLabel(i18n.Indonesian, domain.Role(ev.Reason)))
	case i18n.HasText("security.reason." + ev.Reason):
		return text("security.reason." + ev.Reason)
	}
	return ev.Reason
}
