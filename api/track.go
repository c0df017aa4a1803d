package api

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/i18n"
	"santunan/workflow"
)

type trackRequest struct {
	Code    string `json:"code" binding:"required,max=32"`
	HeirNIK string `json:"heir_nik" binding:"required,max=32"`
}

type trackStage struct {
	Status domain.Status `json:"status"`
	Label  string        `json:"label"`
	At     time.Time     `json:"at"`
}

// trackAhead is a usual step still ahead, with how long it usually takes.
type trackAhead struct {
	Status    domain.Status `json:"status"`
	Label     string        `json:"label"`
	UsualTime string        `json:"usual_time"`
}

// trackAction is what the heir must do for a returned claim or a failed
// transfer: the "perlu tindakan" box of /lacak.
type trackAction struct {
	Reason   string       `json:"reason"`
	What     string       `json:"what"`
	Deadline *domain.Date `json:"deadline,omitempty"` // returned: the claim window's last day
	FixURL   string       `json:"fix_url"`            // the online correction page
	Office   string       `json:"office"`             // or at this office
}

type trackPayout struct {
	BankName     string    `json:"bank_name"`
	AccountLast4 string    `json:"account_last4"`
	PaidAt       time.Time `json:"paid_at"`
}

type trackResponse struct {
	Code         string            `json:"code"`
	Status       domain.Status     `json:"status"`
	StatusLabel  string            `json:"status_label"`
	StatusKind   domain.StatusKind `json:"status_kind"`
	Amount       domain.Rupiah     `json:"amount"`
	DeceasedName string            `json:"deceased_name"`
	Timeline     []trackStage      `json:"timeline"`
	Upcoming     []trackAhead      `json:"upcoming"`
	NextStep     string            `json:"next_step"`
	Office       string            `json:"office"` // the office holding the claim now
	Action       *trackAction      `json:"action,omitempty"`
	Payout       *trackPayout      `json:"payout,omitempty"`
	Estimate     *trackEstimate    `json:"estimate,omitempty"`
}

// trackEstimate is when the current stage should be done, and when it is
// late, whom to ask.
type trackEstimate struct {
	DueOn              domain.Date `json:"due_on"`
	Text               string      `json:"text"`
	OverdueWorkingDays int         `json:"overdue_working_days"`
	OverdueText        string      `json:"overdue_text,omitempty"`
}

// track is the heirs' public view: no login, so it shows nothing personal
// beyond a masked name and an account's last four digits, and the same 404
// for an unknown code and a wrong NIK.
func (s *Server) track(c *gin.Context) {
	var req trackRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	t, err := s.Engine.Track(c.Request.Context(), req.Code, req.HeirNIK)
	if err != nil {
		writeError(c, err)
		return
	}
	out := s.trackResponseOf(t)
	if t.StageDue != nil {
		cal, ok := s.calendar(c)
		if !ok {
			return
		}
		out.Estimate = s.trackEstimateOf(t, cal)
	}
	c.JSON(http.StatusOK, out)
}

// trackEstimateOf is the stage's estimate on cal: "Perkiraan selesai tahap
// ini", and once overdue an apology with the office holding the claim.
func (s *Server) trackEstimateOf(t workflow.Tracking, cal domain.Calendar) *trackEstimate {
	id := i18n.Indonesian
	due := *t.StageDue
	e := &trackEstimate{DueOn: due, Text: i18n.Textf(id, "track.estimate", "date", i18n.FormatDate(id, due.Time())),
		OverdueWorkingDays: cal.WorkingDaysOverdue(due, s.Calendar.Today())}
	if e.OverdueWorkingDays > 0 {
		office, phone := s.officeName(domain.HoldingOffice(t.Status)), ""
		if o, ok := s.Offices.Get(domain.HoldingOffice(t.Status)); ok && o.Phone != "" {
			phone = i18n.Textf(id, "track.overdue_phone", "phone", o.Phone)
		}
		e.OverdueText = i18n.Textf(id, "track.overdue", "n", strconv.Itoa(e.OverdueWorkingDays),
			"date", i18n.FormatDate(id, due.Time()), "office", office, "phone", phone)
	}
	return e
}

func (s *Server) trackResponseOf(t workflow.Tracking) trackResponse {
	id := i18n.Indonesian
	out := trackResponse{
		Code: t.Code, Status: t.Status, StatusLabel: i18n.StatusLabel(id, t.Status), StatusKind: t.Status.Kind(),
		Amount: t.Amount, DeceasedName: i18n.MaskName(t.DeceasedName), Timeline: make([]trackStage, 0, len(t.Timeline)),
		Upcoming: make([]trackAhead, 0, len(t.Upcoming)), NextStep: i18n.NextStep(id, s.Calendar.Standard(), t.Status, t.Reason),
		Office: s.officeName(domain.HoldingOffice(t.Status)),
	}
	for _, st := range t.Timeline {
		out.Timeline = append(out.Timeline, trackStage{Status: st.Status, Label: i18n.StatusLabel(id, st.Status), At: st.At})
	}
	for _, st := range t.Upcoming {
		out.Upcoming = append(out.Upcoming, trackAhead{Status: st, Label: i18n.StatusLabel(id, st), UsualTime: i18n.UsualTime(id, s.Calendar.Standard(), st)})
	}
	switch t.Status {
	case domain.StatusReturned:
		deadline := t.Deadline
		out.Action = &trackAction{What: i18n.Text(id, "track.returned_what"), Deadline: &deadline}
	case domain.StatusPaymentFailed:
		out.Action = &trackAction{What: i18n.Text(id, "track.failed_what")}
	}
	if a := out.Action; a != nil {
		a.Reason, a.Office = t.Reason, out.Office
		a.FixURL = s.PublicURL + "/perbaiki?kode=" + url.QueryEscape(t.Code)
	}
	if p := t.Payout; p != nil {
		out.Payout = &trackPayout{BankName: p.BankName, AccountLast4: p.AccountLast4, PaidAt: p.At}
	}
	return out
}

// officeName is the configured name of an office, or its key.
func (s *Server) officeName(k domain.OfficeKey) string {
	if o, ok := s.Offices.Get(k); ok {
		return o.Name
	}
	return string(k)
}
