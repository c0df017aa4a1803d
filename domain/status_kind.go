package domain

// StatusKind is what a status means to the heir, for its colour and box:
// good news, waiting on the offices, action needed from the heir, or
// stopped for good.
type StatusKind string

const (
	KindGood    StatusKind = "good"    // green: a step passed
	KindWaiting StatusKind = "waiting" // blue: with the offices, nothing to do
	KindAction  StatusKind = "action"  // amber: the heir must bring or fix something
	KindStopped StatusKind = "stopped" // grey or red: the claim ended unpaid
)

// Kind tells what s means to the heir.
func (s Status) Kind() StatusKind {
	switch s {
	case StatusDeathVerified, StatusApproved, StatusPaid:
		return KindGood
	case StatusReturned, StatusPaymentFailed:
		return KindAction
	case StatusRejected, StatusCancelled:
		return KindStopped
	}
	return KindWaiting
}
