package workflow

import (
	"context"

	"santunan/domain"
)

// ActionMessagesStopped is the event of an heir stopping messages about
// their claim from the tracking page: a recorded event (no table action, no
// status change) whose one change is heir.notify_consent to false, by the
// applicant. Event hooks hear it in its transaction (notify cancels the
// messages still queued).
const ActionMessagesStopped domain.Action = "messages_stopped"

// consentFields are the claim fields a recorded event may change, per kind:
// only a stop may change the consent outside an action.
var consentFields = map[domain.Action]string{ActionMessagesStopped: "heir.notify_consent"}

// StopMessages withdraws the heir's consent to messages, proven by the
// claim's code and the heir's NIK (Identify, so an unknown code and a
// wrong NIK get the same not found). A claim whose heir never consented, or
// already stopped, is answered as it is, with no event.
func (e *Engine) StopMessages(ctx context.Context, code, heirNIK string) (domain.Claim, error) {
	found, err := e.Identify(ctx, code, heirNIK)
	if err != nil {
		return domain.Claim{}, err
	}
	actor := domain.Actor{Username: "ahli-waris", Role: domain.RoleApplicant}
	var out domain.Claim
	err = e.InTx(ctx, func(tx *Tx) error {
		before, err := lockAndLoadClaim(tx.db, found.ID)
		if err != nil {
			return err
		}
		if !before.Heir.NotifyConsent {
			out = before
			return nil
		}
		after := before
		after.Heir.NotifyConsent = false
		out, err = tx.write(actor, ActionMessagesStopped, "", before, after, nil)
		return err
	})
	if err != nil {
		return domain.Claim{}, err
	}
	return out, nil
}
