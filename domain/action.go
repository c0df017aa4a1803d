package domain

// Action is a step of the workflow. The transition table in the workflow
// package says who may take each one from where.
type Action string

const (
	ActionSubmit         Action = "submit"
	ActionVerifyDeath    Action = "verify_death"
	ActionReturn         Action = "return"
	ActionResubmit       Action = "resubmit"
	ActionReject         Action = "reject"
	ActionApprove        Action = "approve"
	ActionStartPayment   Action = "start_payment"
	ActionConfirmPayment Action = "confirm_payment"
	ActionFailPayment    Action = "fail_payment"
	ActionRetryPayment   Action = "retry_payment"
	ActionCancel         Action = "cancel"
)
