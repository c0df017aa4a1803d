package api

import (
	"strings"

	"santunan/domain"
)

// navLink is one entry of the menu at the top of every page.
type navLink struct {
	Path    string
	Text    string // page text key
	Current bool
}

// navItem is a menu entry and who sees it. A capability's page adds its
// entry to staffNav (e.g. the treasurer's budget page).
type navItem struct {
	Path string
	Text string
	Show func(s *Server, r domain.Role) bool
}

var (
	publicNav = []navItem{
		{Path: "/", Text: "nav.landing"},
		{Path: "/lacak", Text: "nav.track"},
		{Path: "/masuk", Text: "nav.login"},
	}
	staffNav = []navItem{
		{Path: "/staf", Text: "nav.queue", Show: func(_ *Server, r domain.Role) bool { return r.ReadsClaims() }},
		{Path: "/staf/klaim/baru", Text: "nav.new_claim", Show: (*Server).maySubmit},
		{Path: "/staf/kematian-belum-diklaim", Text: "nav.unclaimed", Show: (*Server).mayReadDeaths},
		{Path: "/staf/register-kematian", Text: "nav.death_register", Show: (*Server).mayImportDeaths},
		{Path: decreesPath, Text: "nav.decrees", Show: (*Server).showsPayments},
		{Path: batchesPath, Text: "nav.batches", Show: (*Server).showsPayments},
		{Path: budgetPath, Text: "nav.budget", Show: (*Server).showsBudgets},
		{Path: "/staf/pengguna", Text: "nav.users", Show: func(_ *Server, r domain.Role) bool { return isAdmin(r) }},
		{Path: securityLogPath, Text: "nav.security_log", Show: func(_ *Server, r domain.Role) bool { return r.ReadsAudit() }},
		{Path: passwordPath, Text: "nav.password"},
	}
)

// maySubmit reads the transition table: whoever may take "submit" files claims.
func (s *Server) maySubmit(r domain.Role) bool {
	return s.engine.Table().Check(r, domain.ActionSubmit, "") == nil
}

// navFor builds the menu for a user (nil on public pages) on path. The
// entry whose path is the longest prefix of path is the current one.
func (s *Server) navFor(u *domain.User, path string) []navLink {
	items := publicNav
	if u != nil {
		items = nil
		for _, it := range staffNav {
			if it.Show == nil || it.Show(s, u.Role) {
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
