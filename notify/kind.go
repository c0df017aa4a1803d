package notify

import "santunan/domain"

// Kind is the message's template: one text in the i18n catalog
// ("notify.<kind>") and one approved WhatsApp template per kind.
type Kind string

const (
	KindReceived      Kind = "received"
	KindDeathVerified Kind = "death_verified"
	KindApproved      Kind = "approved"
	KindPaid          Kind = "paid"
	KindReturned      Kind = "returned"
	KindPaymentFailed Kind = "payment_failed"
	KindRejected      Kind = "rejected"
	KindDeclined      Kind = "declined"
	KindCancelled     Kind = "cancelled"
	// KindCode is a one-time code (EnqueueCode), with no claim.
	KindCode Kind = "code"

	// A complaint's steps, to its complainant (EnqueueDirect, no claim):
	// the tracking code and the /aduan/lacak link, nothing personal.
	KindComplaintReceived Kind = "complaint_received"
	KindComplaintVerified Kind = "complaint_verified"
	KindComplaintDeclined Kind = "complaint_declined"
	KindComplaintAssigned Kind = "complaint_assigned"
	KindComplaintAnswered Kind = "complaint_answered"
	KindComplaintClosed   Kind = "complaint_closed"
	KindComplaintReopened Kind = "complaint_reopened"
)

// ComplaintKinds are the complaint messages' kinds.
var ComplaintKinds = []Kind{KindComplaintReceived, KindComplaintVerified, KindComplaintDeclined,
	KindComplaintAssigned, KindComplaintAnswered, KindComplaintClosed, KindComplaintReopened}

// Kinds are every kind, for the configuration's check of WhatsApp templates.
var Kinds = []Kind{KindReceived, KindDeathVerified, KindApproved, KindPaid, KindReturned,
	KindPaymentFailed, KindRejected, KindDeclined, KindCancelled, KindCode,
	KindComplaintReceived, KindComplaintVerified, KindComplaintDeclined, KindComplaintAssigned,
	KindComplaintAnswered, KindComplaintClosed, KindComplaintReopened}

// kindOf is the message an event gives the heir; false for events the heir
// need not hear of (a payment started or withdrawn, a retry, a stop).
func kindOf(a domain.Action) (Kind, bool) {
	switch a {
	case domain.ActionApply, domain.ActionSubmit, domain.ActionAccept, domain.ActionResubmit:
		return KindReceived, true
	case domain.ActionVerifyDeath:
		return KindDeathVerified, true
	case domain.ActionApprove:
		return KindApproved, true
	case domain.ActionConfirmPayment:
		return KindPaid, true
	case domain.ActionReturn:
		return KindReturned, true
	case domain.ActionFailPayment:
		return KindPaymentFailed, true
	case domain.ActionReject:
		return KindRejected, true
	case domain.ActionDecline:
		return KindDeclined, true
	case domain.ActionCancel:
		return KindCancelled, true
	}
	return "", false
}

// withReason are the kinds whose text carries the staff's reason.
func withReason(k Kind) bool {
	switch k {
	case KindReturned, KindPaymentFailed, KindRejected, KindDeclined, KindCancelled:
		return true
	}
	return false
}
