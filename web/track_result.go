package web

import (
	"net/url"
	"strconv"

	"santunan/domain"
	"santunan/i18n"
	"santunan/workflow"
)

// trackResult is what the tracking page shows of a claim.
type trackResult struct {
	Code         string
	Status       domain.Status
	Kind         domain.StatusKind
	DeceasedName string
	Amount       domain.Rupiah
	Stages       []workflow.Stage
	Upcoming     []trackAhead
	NextStep     string
	Action       *trackAction // returned or payment_failed: what the heir must do
	Payout       *workflow.Payout
	// StopForm stops messages about the claim (the heir retypes the NIK;
	// web/stop_messages.go); nil when no messages are sent.
	StopForm *formView
	// Estimate is "Perkiraan selesai tahap ini" while an office owes the
	// claim a step; Overdue the apology with whom to call once it is late.
	Estimate string
	Overdue  string
}

// trackAhead is a step still ahead and how long it usually takes.
type trackAhead struct {
	Status domain.Status
	Usual  string
}

// trackAction is the amber "perlu tindakan" box.
type trackAction struct {
	Reason   string // as the officer wrote it; may be empty
	What     string // what to bring or fix
	Deadline string // the claim window's last day, as a date
	Late     bool   // that day has passed
	FixHref  string // the online correction, /perbaiki?kode=...
	Office   string // where to go instead
}

func (s *Server) trackResultOf(t workflow.Tracking, cal domain.Calendar) *trackResult {
	res := &trackResult{Code: t.Code, Status: t.Status, Kind: t.Status.Kind(), DeceasedName: i18n.MaskName(t.DeceasedName),
		Amount: t.Amount, Stages: t.Timeline, Payout: t.Payout, NextStep: i18n.NextStep(i18n.Indonesian, s.Calendar.Standard(), t.Status, t.Reason)}
	for _, st := range t.Upcoming {
		res.Upcoming = append(res.Upcoming, trackAhead{Status: st, Usual: i18n.UsualTime(i18n.Indonesian, s.Calendar.Standard(), st)})
	}
	if res.Kind == domain.KindAction {
		res.Action = s.trackActionOf(t)
	}
	if t.StageDue != nil {
		due := *t.StageDue
		res.Estimate = textf("track.estimate", "date", formatDate(due))
		if n := cal.WorkingDaysOverdue(due, s.Calendar.Today()); n > 0 {
			office, phone := "", ""
			if first := s.officesFor(t.Status).Offices; len(first) > 0 {
				office = first[0].Name
				if first[0].Phone != "" {
					phone = textf("track.overdue_phone", "phone", first[0].Phone)
				}
			}
			res.Overdue = textf("track.overdue", "n", strconv.Itoa(n), "date", formatDate(due), "office", office, "phone", phone)
		}
	}
	if t.MessagesOn {
		f := stopMessagesForm(t.Code, "")
		res.StopForm = &f
	}
	return res
}

func (s *Server) trackActionOf(t workflow.Tracking) *trackAction {
	a := &trackAction{Reason: t.Reason, FixHref: "/perbaiki?kode=" + url.QueryEscape(t.Code)}
	office := domain.HoldingOffice(t.Status)
	if o, ok := s.Offices.Get(office); ok {
		a.Office = o.Name
	}
	switch t.Status {
	case domain.StatusReturned:
		a.What = text("track.returned_what")
		a.Deadline = formatDate(t.Deadline)
		today := domain.DateOf(s.Engine.Now().In(domain.Jakarta()))
		a.Late = today.After(t.Deadline)
	case domain.StatusPaymentFailed:
		a.What = text("track.failed_what")
	}
	return a
}
