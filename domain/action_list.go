package domain

// AllActions lists every action in action.go, so tests elsewhere (i18n,
// workflow) can check that none is forgotten.
var AllActions = []Action{
	ActionSubmit,
	ActionApply,
	ActionAccept,
	ActionDecline,
	ActionVerifyDeath,
	ActionReturn,
	ActionResubmit,
	ActionReject,
	ActionApprove,
	ActionStartPayment,
	ActionConfirmPayment,
	ActionFailPayment,
	ActionWithdrawPayment,
	ActionRetryPayment,
	ActionCancel,
}
