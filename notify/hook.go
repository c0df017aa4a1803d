package notify

import (
	"santunan/domain"
	"santunan/workflow"
)

// Hook queues the heir's message about each event they should know of, in
// the event's transaction, when the heir consented to messages: one row
// and job per channel, unique per event and channel. A stop
// (workflow.StopMessages) cancels the claim's queued messages instead.
func (s *Service) Hook() workflow.EventHook {
	return func(tx *workflow.Tx, c domain.Claim, ev domain.Event) error {
		if ev.Action == workflow.ActionMessagesStopped {
			// The heir stopped messages: what is still queued is not sent.
			return CancelQueued(tx.DB(), c.ID)
		}
		kind, ok := kindOf(ev.Action)
		if !ok || !c.Heir.NotifyConsent {
			return nil
		}
		survey := ""
		if kind == KindPaid && s.opts.SurveyLink != nil {
			link, err := s.opts.SurveyLink(tx.DB(), c.ID)
			if err != nil {
				return err
			}
			survey = link
		}
		text, params := s.render(kind, c.Code, ev.Reason, survey)
		claimID, eventID := c.ID, ev.ID
		for _, ch := range s.opts.Channels {
			n := Notification{ClaimID: &claimID, EventID: &eventID, Channel: ch.Name(), Kind: kind,
				Recipient: c.Heir.Phone, Body: text}
			if err := s.enqueue(tx.DB(), n, params); err != nil {
				return err
			}
		}
		return nil
	}
}
