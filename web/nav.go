package web

import (
	"strings"

	"santunan/applications"
	"santunan/auth"
	"santunan/complaints"
	"santunan/deathregister"
	"santunan/domain"
	"santunan/payments"
	"santunan/reports"
	"santunan/survey"
	"santunan/workdays"
)

// navLink is one entry of the menu at the top of every page.
type navLink struct {
	Path    string
	Text    string // page text key
	Current bool
}

// navItem is a menu entry and who sees it: the capability's policy for
// the page (nil: everyone signed in). A capability's page adds its entry
// to staffNav.
type navItem struct {
	Path string
	Text string
	Show func(r domain.Role) bool
}

var publicNav = []navItem{
	{Path: "/", Text: "nav.landing"},
	{Path: "/ajukan", Text: "nav.apply"},
	{Path: "/lacak", Text: "nav.track"},
	{Path: "/aduan", Text: "nav.complaint"},
	{Path: "/masuk", Text: "nav.login"},
}

// staffNav is the menu of signed-in staff.
func (s *Server) staffNav() []navItem {
	return []navItem{
		{Path: "/staf", Text: "nav.queue", Show: domain.Role.ReadsClaims},
		{Path: "/staf/klaim/baru", Text: "nav.new_claim", Show: s.Engine.Table().MaySubmit},
		{Path: intakePath, Text: "nav.intake", Show: applications.CanReadIntake},
		{Path: unclaimedPath, Text: "nav.unclaimed", Show: deathregister.CanRead},
		{Path: deathRegisterPath, Text: "nav.death_register", Show: deathregister.CanImport},
		{Path: decreesPath, Text: "nav.decrees", Show: payments.CanReadPayments},
		{Path: batchesPath, Text: "nav.batches", Show: payments.CanReadPayments},
		{Path: budgetPath, Text: "nav.budget", Show: payments.CanReadBudgets},
		{Path: complaintsStaffPath, Text: "nav.complaints", Show: complaints.CanRead},
		{Path: surveyStaffPath, Text: "nav.survey", Show: survey.CanRead},
		{Path: reportsPath, Text: "nav.reports", Show: reports.CanRead},
		{Path: usersPath, Text: "nav.users", Show: auth.CanManageUsers},
		{Path: calendarPath, Text: "nav.calendar", Show: workdays.CanRead},
		{Path: securityLogPath, Text: "nav.security_log", Show: domain.Role.ReadsAudit},
		{Path: passwordPath, Text: "nav.password"},
	}
}

// navFor builds the menu for a user (nil on public pages) on path. The
// entry whose path is the longest prefix of path is the current one.
func (s *Server) navFor(u *domain.User, path string) []navLink {
	items := publicNav
	if u != nil {
		items = nil
		for _, it := range s.staffNav() {
			if it.Show == nil || it.Show(u.Role) {
				items = append(items, it)
			}
		}
	}
	out := make([]navLink, len(items))
	best := -1
	for i, it := range items {
		out[i] = navLink{Path: it.Path, Text: it.Text}
		if (path == it.Path || strings.HasPrefix(path, strings.TrimSuffix(it.Path, "/")+"/")) &&
			(best < 0 || len(it.Path) > len(items[best].Path)) {
			best = i
		}
	}
	if best >= 0 {
		out[best].Current = true
	}
	return out
}
