package survey

import (
	"gorm.io/gorm"

	"santunan/domain"
	"santunan/workflow"
)

// Hook makes the invite of each claim paid (confirm_payment), in the
// event's transaction, whether or not the heir hears of it: the tracking
// page offers it too. The paid message's link comes from MessageLink,
// which the message's hook asks in the same transaction, before or after
// this one: either makes the invite, neither makes a second.
func (s *Service) Hook() workflow.EventHook {
	return func(tx *workflow.Tx, c domain.Claim, ev domain.Event) error {
		if ev.Action != domain.ActionConfirmPayment {
			return nil
		}
		_, err := s.ensureInvite(tx.DB(), c.ID)
		return err
	}
}

// MessageLink is the survey's link for the paid message of claim claimID
// (notify.Options.SurveyLink), written in tx: the invite and a new token
// that does not expire. "" when the claim's survey was answered already.
func (s *Service) MessageLink(tx *gorm.DB, claimID int64) (string, error) {
	tok, err := s.InviteIn(tx, claimID)
	if err != nil || tok == "" {
		return "", err
	}
	return s.Link(tok), nil
}
