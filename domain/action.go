package domain

// Action is a step of the workflow. The transition table in the workflow
// package says who may take each one from where.
type Action string

const (
	ActionSubmit Action = "submit"
	// ActionApply files a claim online, by the heir (applied); a clerk then
	// takes ActionAccept (into submitted) or ActionDecline (rejected).
	ActionApply          Action = "apply"
	ActionAccept         Action = "accept"
	ActionDecline        Action = "decline"
	ActionVerifyDeath    Action = "verify_death"
	ActionReturn         Action = "return"
	ActionResubmit       Action = "resubmit"
	ActionReject         Action = "reject"
	ActionApprove        Action = "approve"
	ActionStartPayment   Action = "start_payment"
	ActionConfirmPayment Action = "confirm_payment"
	ActionFailPayment    Action = "fail_payment"
	// ActionWithdrawPayment takes a line the bank was never sent out of its
	// batch: the claim goes back to approved, for a later batch.
	ActionWithdrawPayment Action = "withdraw_payment"
	ActionRetryPayment    Action = "retry_payment"
	ActionCancel          Action = "cancel"
)
