package complaints

import (
	"fmt"
	"net/url"

	"gorm.io/gorm"

	"santunan/domain"
	"santunan/i18n"
	"santunan/notify"
)

// messageKind is the complainant's message of a step; false for steps the
// complainant need not hear of (an escalation is the office's business).
func messageKind(ev Event) (notify.Kind, bool) {
	switch ev.Action {
	case domain.ComplaintActionFile:
		return notify.KindComplaintReceived, true
	case domain.ComplaintActionVerify:
		return notify.KindComplaintVerified, true
	case domain.ComplaintActionDecline:
		return notify.KindComplaintDeclined, true
	case domain.ComplaintActionAssign:
		// A reassignment too: the complainant is told of every change of
		// who handles the complaint.
		return notify.KindComplaintAssigned, true
	case domain.ComplaintActionAnswer:
		return notify.KindComplaintAnswered, true
	case domain.ComplaintActionConfirm, domain.ComplaintActionClose:
		return notify.KindComplaintClosed, true
	case domain.ComplaintActionDispute, domain.ComplaintActionReopen:
		return notify.KindComplaintReopened, true
	}
	return "", false
}

// TrackURL is the public tracking page of a code.
func (s *Service) TrackURL(code string) string {
	return s.opts.PublicURL + "/aduan/lacak?kode=" + url.QueryEscape(code)
}

// message queues the complainant's message of ev in tx, when they have a
// phone and agreed: the code and the tracking link, nothing personal, one
// per event (ref complaint:<id>:<seq>).
func (s *Service) message(tx *gorm.DB, c Complaint, ev Event) error {
	kind, ok := messageKind(ev)
	if !ok || !c.NotifyConsent || c.ComplainantPhone == "" || s.opts.Messages == nil {
		return nil
	}
	link := s.TrackURL(c.Code)
	text := i18n.Textf(i18n.Indonesian, "notify."+string(kind), "code", c.Code, "link", link)
	return s.opts.Messages.EnqueueDirect(tx, notify.Direct{Phone: c.ComplainantPhone, Kind: kind, Text: text,
		Params: []string{c.Code, link}, Ref: fmt.Sprintf("complaint:%d:%d", c.ID, ev.Seq)})
}
