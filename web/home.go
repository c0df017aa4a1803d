package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/reports"
	"santunan/workflow"
)

// openStatuses are those a claim still moves on from.
var openStatuses = func() []domain.Status {
	var out []domain.Status
	for _, s := range domain.AllStatuses {
		if !s.Final() {
			out = append(out, s)
		}
	}
	return out
}()

// homePageSize is small: offices are on slow connections.
const homePageSize = 25

// statusAll in the query selects every status.
const statusAll = "semua"

type homePage struct {
	Counts    []statusCount
	Status    domain.Status // the status listed; empty for all
	Q         string
	Search    formView
	Rows      []queueRow
	NextHref  string
	FirstHref string // set when past the first page
	Links     []link // shortcuts to the role's work beyond the queue
	// ByDue: the rows are a stage's queue, soonest due first.
	ByDue bool
	// Overdue is the role's claims past their due day, at the top of the
	// page: the first few, how many in all and where to see them all.
	Overdue      []queueRow
	OverdueCount string
	OverdueHref  string
	OverdueMore  bool // more than the rows shown
	// OverdueOnly: the page lists the overdue claims alone (?terlambat=1).
	OverdueOnly bool
}

type statusCount struct {
	Status  domain.Status
	N       int64
	Href    string
	Current bool
	Mine    bool // in the role's queue
}

type queueRow struct {
	ID       int64
	Code     string
	Deceased string
	Heir     string
	Status   domain.Status
	FiledAt  time.Time
	Age      string
	Due      *domain.Date
	Overdue  int // working days past Due
}

func (s *Server) pageHome(c *gin.Context) {
	user := httpkit.MustUser(c)
	if user.Role == domain.RoleComplaintOfficer {
		// The complaint officer's home is the complaints' queue.
		c.Redirect(http.StatusSeeOther, complaintsStaffPath)
		return
	}
	if !user.Role.ReadsClaims() && reports.CanRead(user.Role) {
		// The head of office reads no claims: the home is this month's
		// report (web/reports.go).
		s.pageHeadHome(c)
		return
	}
	if !user.Role.ReadsClaims() {
		// The administrator manages users and sees no claims.
		c.Redirect(http.StatusSeeOther, "/staf/pengguna")
		return
	}
	ctx := c.Request.Context()
	q := c.Query("q")
	status := domain.Status(c.Query("status"))
	switch {
	case status == statusAll:
		status = ""
	case status == "" && q == "" && len(user.Role.Queue()) > 0:
		status = user.Role.Queue()[0]
	}
	cal, err := s.Calendar.Calendar(ctx)
	if err != nil {
		s.renderError(c, err)
		return
	}
	today := s.Calendar.Today()
	cutoff := cal.OverdueCutoff(today)
	overdueOnly := c.Query("terlambat") == "1" && q == ""
	_, staged := domain.StageOf(status)
	byDue := q == "" && (staged || overdueOnly)
	var page workflow.Page
	switch {
	case overdueOnly:
		statuses := queueStatuses(user.Role, domain.Status(c.Query("status")))
		page, err = s.Engine.ListByDue(ctx, workflow.DueQuery{Statuses: statuses, Before: &cutoff, Limit: homePageSize, Cursor: c.Query("kursor")})
	case byDue:
		page, err = s.Engine.ListByDue(ctx, workflow.DueQuery{Statuses: []domain.Status{status}, Limit: homePageSize, Cursor: c.Query("kursor")})
	default:
		page, err = s.Engine.List(ctx, workflow.ListQuery{Status: status, Q: q, Limit: homePageSize, Cursor: c.Query("kursor")})
	}
	if err != nil {
		s.renderError(c, err)
		return
	}
	// Staff who work a queue see the open statuses counted; the auditor
	// sees every status. Counting the paid claims (most of them, ever more)
	// on every home page would cost the most and help the least.
	shown := domain.AllStatuses
	if user.Role != domain.RoleAuditor {
		shown = openStatuses
	}
	counts, err := s.Engine.CountByStatus(ctx, shown...)
	if err != nil {
		s.renderError(c, err)
		return
	}
	data := homePage{Status: status, Q: q, Search: s.searchForm(q, status), Links: s.homeLinks(user.Role),
		ByDue: byDue, OverdueOnly: overdueOnly}
	// The role's overdue claims, prominently above everything else.
	if mineQueue := user.Role.Queue(); len(mineQueue) > 0 && !overdueOnly {
		n, more, err := s.Engine.CountDueBefore(ctx, mineQueue, cutoff, overdueCounted)
		if err != nil {
			s.renderError(c, err)
			return
		}
		if n > 0 {
			top, err := s.Engine.ListByDue(ctx, workflow.DueQuery{Statuses: mineQueue, Before: &cutoff, Limit: overdueShown})
			if err != nil {
				s.renderError(c, err)
				return
			}
			data.OverdueHref = "/staf?terlambat=1"
			for _, cl := range top.Items {
				data.Overdue = append(data.Overdue, rowOf(cl, cal, today))
			}
			data.OverdueMore = n > int64(len(data.Overdue))
			data.OverdueCount = strconv.FormatInt(n, 10)
			if more {
				data.OverdueCount = textf("home.overdue_over", "n", strconv.FormatInt(n, 10))
			}
		}
	}
	mine := map[domain.Status]bool{}
	for _, st := range user.Role.Queue() {
		mine[st] = true
	}
	for _, st := range shown {
		data.Counts = append(data.Counts, statusCount{Status: st, N: counts[st], Href: homeHref(st, "", ""),
			Current: st == status, Mine: mine[st]})
	}
	for _, cl := range page.Items {
		data.Rows = append(data.Rows, rowOf(cl, cal, today))
	}
	if page.NextCursor != "" {
		data.NextHref = homeHref(status, q, page.NextCursor)
		if overdueOnly {
			data.NextHref = "/staf?terlambat=1&kursor=" + url.QueryEscape(page.NextCursor)
		}
	}
	if c.Query("kursor") != "" {
		data.FirstHref = homeHref(status, q, "")
		if overdueOnly {
			data.FirstHref = "/staf?terlambat=1"
		}
	}
	s.render(c, http.StatusOK, "home", view{Data: data})
}

// overdueShown is how many overdue claims the top of the home page lists;
// overdueCounted how many it counts per status before saying "more than".
const (
	overdueShown   = 10
	overdueCounted = 1000
)

// queueStatuses are the statuses an overdue list covers: status when it
// has a stage, else the role's queue, else (the auditor) every staged one.
func queueStatuses(r domain.Role, status domain.Status) []domain.Status {
	if _, ok := domain.StageOf(status); ok {
		return []domain.Status{status}
	}
	if q := r.Queue(); len(q) > 0 {
		return q
	}
	var out []domain.Status
	for _, st := range domain.AllStatuses {
		if _, ok := domain.StageOf(st); ok {
			out = append(out, st)
		}
	}
	return out
}

// rowOf is a claim's row in a queue, with its due day and how late it is.
func rowOf(cl domain.Claim, cal domain.Calendar, today domain.Date) queueRow {
	filed := domain.DateOf(cl.CreatedAt.In(domain.Jakarta()))
	r := queueRow{ID: cl.ID, Code: cl.Code, Deceased: cl.Deceased.FullName, Heir: cl.Heir.FullName,
		Status: cl.Status, FiledAt: cl.CreatedAt, Age: ageText(int(today.Time().Sub(filed.Time()).Hours() / 24)),
		Due: cl.StageDue}
	if cl.StageDue != nil {
		r.Overdue = cal.WorkingDaysOverdue(*cl.StageDue, today)
	}
	return r
}

// homeHref is the home page listing status (all when empty) for q from cursor.
func homeHref(status domain.Status, q, cursor string) string {
	v := url.Values{}
	if status == "" {
		v.Set("status", statusAll)
	} else {
		v.Set("status", string(status))
	}
	if q != "" {
		v.Set("q", q)
	}
	if cursor != "" {
		v.Set("kursor", cursor)
	}
	return "/staf?" + v.Encode()
}

// searchForm is a GET form: searching changes nothing, and its result can be
// bookmarked and paged.
func (s *Server) searchForm(q string, status domain.Status) formView {
	qf := textField("q", q, false)
	qf.Type = "search"
	st := textField("status", string(status), false)
	st.Type = "select"
	st.Options = []option{{Value: statusAll, Label: text("home.all_statuses"), Selected: status == ""}}
	for _, s := range domain.AllStatuses {
		st.Options = append(st.Options, option{Value: string(s), Label: i18n.StatusLabel(i18n.Indonesian, s), Selected: s == status})
	}
	return formView{Method: http.MethodGet, Action: "/staf", Sections: []formSection{{Fields: []formField{qf, st}}}, Submit: text("home.search")}
}

// ageText says how long ago a claim was filed, in days.
func ageText(days int) string {
	if days <= 0 {
		return text("home.age_today")
	}
	return textf("home.age_days", "n", strconv.Itoa(days))
}
