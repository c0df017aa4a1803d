package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/complaints"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
)

// The staff's complaint pages (complaints.CanRead): the queue, overdue
// ones first in a list of their own; a complaint with its trail and the
// steps the role may take (complaints.Allowed). What each role sees of a
// complaint is the service's (complaints.View): a page shows what it gets.

const (
	complaintsStaffPath = "/staf/aduan"
	complaintsPageSize  = 25
	// complaintsOverdueShown bounds the overdue list on the queue.
	complaintsOverdueShown = 50
)

func complaintHref(id int64) string { return complaintsStaffPath + "/" + strconv.FormatInt(id, 10) }

type complaintsPage struct {
	Intro     string
	Filter    formView
	Overdue   []complaintRowView
	Rows      []complaintRowView
	NextHref  string
	FirstHref string
}

type complaintRowView struct {
	Href, Code, Category, Status, Unit, Due, Filed, Overdue string
	Escalated, Confidential                                 bool
}

func (s *Server) complaintRow(c complaints.Complaint, today domain.Date) complaintRowView {
	r := complaintRowView{Href: complaintHref(c.ID), Code: c.Code, Category: text("aduan.category." + string(c.Category)),
		Status: text("aduan.status." + string(c.Status)), Filed: formatDateTime(i18n.Indonesian, c.CreatedAt),
		Escalated: c.Escalated(), Confidential: c.Confidential}
	if c.Unit != "" {
		r.Unit = text("aduan.unit." + string(c.Unit))
		if c.UnitName != "" {
			r.Unit += " · " + c.UnitName
		}
	}
	if c.DueOn != nil {
		r.Due = formatDate(*c.DueOn)
		if c.Overdue(today) {
			days := int(today.Time().Sub(c.DueOn.Time()).Hours() / 24)
			r.Overdue = textf("aduan.overdue_days", "days", strconv.Itoa(days))
		}
	}
	return r
}

// complaintsFilter is the queue's filter form (GET).
func complaintsFilter(role domain.Role, q url.Values) formView {
	status := formField{Name: "status", Label: text("aduan.filter_status"), Type: "select", Placeholder: text("aduan.filter_all")}
	for _, st := range domain.AllComplaintStatuses {
		status.Options = append(status.Options, option{Value: string(st), Label: text("aduan.status." + string(st)),
			Selected: q.Get("status") == string(st)})
	}
	cat := formField{Name: "jenis", Label: text("aduan.filter_category"), Type: "select", Placeholder: text("aduan.filter_all")}
	for _, k := range domain.AllComplaintCategories {
		cat.Options = append(cat.Options, option{Value: string(k), Label: text("aduan.category." + string(k)),
			Selected: q.Get("jenis") == string(k)})
	}
	fields := []formField{status, cat}
	if _, unitStaff := domain.UnitOf(role); !unitStaff {
		unit := formField{Name: "kantor", Label: text("aduan.filter_unit"), Type: "select", Placeholder: text("aduan.filter_all")}
		for _, u := range domain.AllUnits {
			unit.Options = append(unit.Options, option{Value: string(u), Label: text("aduan.unit." + string(u)),
				Selected: q.Get("kantor") == string(u)})
		}
		fields = append(fields, unit)
	}
	fields = append(fields, formField{Name: "eskalasi", Label: text("aduan.filter_escalated"), Type: "checkbox",
		Value: q.Get("eskalasi")})
	return formView{Method: http.MethodGet, Action: complaintsStaffPath, Sections: []formSection{{Fields: fields}},
		Submit: text("aduan.filter_submit")}
}

func (s *Server) pageComplaints(c *gin.Context) {
	ctx := c.Request.Context()
	user := httpkit.MustUser(c)
	actor := user.Actor()
	q := c.Request.URL.Query()
	lq := complaints.ListQuery{Status: domain.ComplaintStatus(q.Get("status")), Category: domain.ComplaintCategory(q.Get("jenis")),
		Unit: domain.Unit(q.Get("kantor")), Escalated: q.Get("eskalasi") == "true", Limit: complaintsPageSize, Cursor: q.Get("kursor")}
	data := complaintsPage{Intro: text("aduan.staff_intro"), Filter: complaintsFilter(user.Role, q)}
	if _, unitStaff := domain.UnitOf(user.Role); unitStaff {
		data.Intro = text("aduan.staff_unit_intro")
	} else if user.Role == domain.RoleOfficeHead {
		data.Intro = text("aduan.staff_head_intro")
	}
	page, err := s.Complaints.List(ctx, actor, lq)
	if errs := fieldErrors(err); errs != nil {
		renamed := domain.FieldErrors{}
		names := map[string]string{"category": "jenis", "unit": "kantor", "cursor": "kursor"}
		for k, v := range errs {
			if n, ok := names[k]; ok {
				k = n
			}
			renamed[k] = v
		}
		data.Filter.applyErrors(renamed)
		s.render(c, http.StatusUnprocessableEntity, "complaints", view{Data: data})
		return
	}
	if err != nil {
		s.renderError(c, err)
		return
	}
	today := s.Complaints.Today()
	overdue, err := s.Complaints.List(ctx, actor, complaints.ListQuery{Overdue: true, Limit: complaintsOverdueShown})
	if err != nil {
		s.renderError(c, err)
		return
	}
	for _, o := range overdue.Items {
		data.Overdue = append(data.Overdue, s.complaintRow(o, today))
	}
	for _, it := range page.Items {
		data.Rows = append(data.Rows, s.complaintRow(it, today))
	}
	if page.Next != "" {
		next := url.Values{}
		for k, v := range q {
			next[k] = v
		}
		next.Set("kursor", page.Next)
		data.NextHref = complaintsStaffPath + "?" + next.Encode()
	}
	if lq.Cursor != "" {
		first := url.Values{}
		for k, v := range q {
			first[k] = v
		}
		first.Del("kursor")
		data.FirstHref = complaintsStaffPath + "?" + first.Encode()
	}
	s.render(c, http.StatusOK, "complaints", view{Data: data})
}

// The complaint page.

type complaintPage struct {
	C            complaints.Complaint
	Title        string
	Category     string
	Status       string
	Identity     string
	Complainant  string
	Phone        string
	NamedUnit    string
	Unit         string
	Village      string
	ClaimHref    string
	Due          string
	Overdue      string
	Withheld     bool
	Evidence     []complaintEvidenceView
	Trail        []complaintTrailRow
	Actions      []complaintActionView
	NoActions    bool
	BackHref     string
	AnswerShown  string
	RedirectText string
}

type complaintEvidenceView struct {
	Href, Name, Type, Size string
}

type complaintTrailRow struct {
	At, Action, Actor, Reason string
}

type complaintActionView struct {
	Action domain.ComplaintAction
	Title  string
	Form   formView
}

// complaintActionForm is the form of a staff step; get holds what was
// typed when it came back with an error.
func complaintActionForm(c complaints.Complaint, a domain.ComplaintAction, csrf string, get formValues) formView {
	reason := formField{Name: "reason", Label: text("aduan.reason"), Type: "textarea", Value: get("reason"),
		MaxLength: complaints.MaxReason}
	var fields []formField
	switch a {
	case domain.ComplaintActionDecline:
		reason.Label, reason.Required = text("aduan.decline_reason"), true
		fields = []formField{reason, {Name: "redirect", Label: text("aduan.redirect"), Type: "textarea",
			Value: get("redirect"), Required: true, MaxLength: complaints.MaxReason}}
	case domain.ComplaintActionAssign:
		unit := formField{Name: "unit", Label: text("aduan.assign_unit"), Type: "select", Required: true,
			Placeholder: text("form.choose")}
		chosen := get("unit")
		if chosen == "" {
			chosen = string(c.Unit)
		}
		for _, u := range domain.AllUnits {
			unit.Options = append(unit.Options, option{Value: string(u), Label: text("aduan.unit." + string(u)),
				Selected: chosen == string(u)})
		}
		name := textField("unit_name", get("unit_name"), false)
		name.Label, name.MaxLength = text("aduan.assign_unit_name"), complaints.MaxUnitName
		fields = []formField{unit, name}
		if c.Category == domain.CategoryExtortion && c.NamedUnit != "" {
			fields = append(fields, formField{Name: "confirm_named_unit", Label: text("aduan.confirm_named"),
				Hint: text("aduan.confirm_named_hint"), Type: "checkbox", Value: get("confirm_named_unit")})
		}
		fields = append(fields, reason)
	case domain.ComplaintActionAnswer:
		fields = []formField{{Name: "answer", Label: text("aduan.answer"), Hint: text("aduan.answer_hint"), Type: "textarea",
			Value: get("answer"), Required: true, MaxLength: complaints.MaxReason}, reason}
	default:
		fields = []formField{reason}
	}
	fv := formView{Action: complaintHref(c.ID) + "/tindakan/" + string(a), CSRF: csrf,
		Hidden:   []hiddenField{{Name: "version", Value: strconv.Itoa(c.Version)}},
		Sections: []formSection{{Fields: fields}}, Submit: text("aduan.do." + string(a))}
	if a == domain.ComplaintActionDecline {
		fv.SubmitClass = "danger"
	}
	fv.prefixIDs(string(a) + "-")
	return fv
}

func (s *Server) pageComplaint(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	v := view{}
	if done := c.Query("berhasil"); done != "" && i18n.HasText("aduan.done."+done) {
		v.Notice = text("aduan.done." + done)
	}
	s.showComplaint(c, id, http.StatusOK, v, "", nil)
}

// showComplaint renders complaint id; failed names the step whose form
// came back with errs (and what was typed, in the request's form).
func (s *Server) showComplaint(c *gin.Context, id int64, status int, v view, failed domain.ComplaintAction, errs domain.FieldErrors) {
	ctx := c.Request.Context()
	user := httpkit.MustUser(c)
	actor := user.Actor()
	cp, evidence, err := s.Complaints.Get(ctx, actor, id)
	if err != nil {
		st, msg := pageProblem(c, err)
		s.renderPlain(c, st, msg, &link{Href: complaintsStaffPath, Text: text("aduan.back_list")})
		return
	}
	events, err := s.Complaints.Events(ctx, actor, id)
	if err != nil {
		s.renderError(c, err)
		return
	}
	today := s.Complaints.Today()
	data := complaintPage{C: cp, Title: textf("aduan.detail_title", "code", cp.Code),
		Category: text("aduan.category." + string(cp.Category)), Status: text("aduan.status." + string(cp.Status)),
		Identity: text("aduan.identity." + string(cp.Identity)), Complainant: cp.ComplainantName, Phone: cp.ComplainantPhone,
		Withheld: cp.Text == complaints.Withheld, BackHref: complaintsStaffPath, AnswerShown: cp.Answer,
		RedirectText: cp.DeclineRedirect}
	if cp.ComplainantName == "" && cp.ComplainantPhone == "" {
		data.Complainant = text("aduan.complainant_hidden")
	}
	if cp.NamedUnit != "" {
		data.NamedUnit = text("aduan.unit." + string(cp.NamedUnit))
	}
	if cp.Unit != "" {
		data.Unit = text("aduan.unit." + string(cp.Unit))
		if cp.UnitName != "" {
			data.Unit += " · " + cp.UnitName
		}
	}
	if cp.VillageCode != "" {
		if vil, ok := s.Areas.Village(cp.VillageCode); ok {
			data.Village = villageLabel(vil)
		}
	}
	if cp.ClaimID != nil && user.Role.ReadsClaims() {
		data.ClaimHref = claimHref(*cp.ClaimID)
	}
	row := s.complaintRow(cp, today)
	data.Due, data.Overdue = row.Due, row.Overdue
	for _, e := range evidence {
		data.Evidence = append(data.Evidence, complaintEvidenceView{
			Href: complaintHref(id) + "/bukti/" + strconv.FormatInt(e.ID, 10), Name: e.Filename,
			Type: contentTypeLabel(e.ContentType), Size: formatSize(e.Size)})
	}
	for _, ev := range events {
		r := complaintTrailRow{At: formatDateTime(i18n.Indonesian, ev.At), Action: text("aduan.action." + string(ev.Action)),
			Actor: ev.ActorUsername, Reason: ev.Reason}
		switch ev.ActorRole {
		case complaints.RoleComplainant:
			r.Actor = text("aduan.actor_complainant")
		case complaints.RoleSystem:
			r.Actor = text("aduan.actor_system")
		default:
			if ev.ActorRole != "" {
				r.Actor += " · " + i18n.RoleLabel(i18n.Indonesian, ev.ActorRole)
			}
		}
		data.Trail = append(data.Trail, r)
	}
	csrf := sessionCSRF(c)
	for _, a := range complaints.Allowed(user.Role, cp) {
		get := noValues
		if a == failed {
			get = c.PostForm
		}
		f := complaintActionForm(cp, a, csrf, get)
		if a == failed && errs != nil {
			f.applyErrors(errs)
		}
		data.Actions = append(data.Actions, complaintActionView{Action: a, Title: text("aduan.do." + string(a)), Form: f})
	}
	data.NoActions = len(data.Actions) == 0
	s.render(c, status, "complaint", v.with(data))
}

// pageComplaintAction takes a staff step.
func (s *Server) pageComplaintAction(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	action := domain.ComplaintAction(c.Param("action"))
	in := complaints.ActInput{Reason: c.PostForm("reason"), Redirect: c.PostForm("redirect"), Unit: domain.Unit(c.PostForm("unit")),
		UnitName: c.PostForm("unit_name"), ConfirmNamedUnit: c.PostForm("confirm_named_unit") == "true", Answer: c.PostForm("answer")}
	if raw := c.PostForm("version"); raw != "" {
		v, err := strconv.Atoi(raw)
		if err != nil {
			s.showComplaint(c, id, http.StatusUnprocessableEntity, view{}, action, domain.FieldErrors{"version": domain.ViolationInvalidValue})
			return
		}
		in.Version = &v
	}
	_, err := s.Complaints.Act(c.Request.Context(), httpkit.MustUser(c).Actor(), id, action, in)
	if err == nil {
		c.Redirect(http.StatusSeeOther, complaintHref(id)+"?berhasil="+url.QueryEscape(string(action)))
		return
	}
	if errs := fieldErrors(err); errs != nil {
		s.showComplaint(c, id, http.StatusUnprocessableEntity, view{}, action, errs)
		return
	}
	status, msg := pageProblem(c, err)
	if errors.Is(err, complaints.ErrNamedUnitUnconfirmed) {
		status, msg = http.StatusConflict, text("aduan.err.named_unit")
		s.showComplaint(c, id, status, view{Alert: msg}, action, domain.FieldErrors{"confirm_named_unit": domain.ViolationRequired})
		return
	}
	if status == http.StatusNotFound || status == http.StatusForbidden {
		s.renderPlain(c, status, msg, &link{Href: complaintsStaffPath, Text: text("aduan.back_list")})
		return
	}
	s.showComplaint(c, id, status, view{Alert: msg}, "", nil)
}

// pageComplaintEvidence sends one evidence file to a reader of the content.
func (s *Server) pageComplaintEvidence(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	back := &link{Href: complaintHref(id), Text: text("aduan.back_list")}
	evID, err := parseID(c.Param("evidence"))
	if err != nil {
		s.renderMessage(c, http.StatusNotFound, "error.not_found", back)
		return
	}
	ev, data, err := s.Complaints.EvidenceContent(c.Request.Context(), httpkit.MustUser(c).Actor(), id, evID)
	if err != nil {
		status, msg := pageProblem(c, err)
		s.renderPlain(c, status, msg, back)
		return
	}
	httpkit.SendDocument(c, domain.Document{Filename: ev.Filename, ContentType: ev.ContentType, SHA256: ev.SHA256}, data)
}
