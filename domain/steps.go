package domain

// happyPath is the usual order of a claim's steps, from filing to payment.
var happyPath = []Status{StatusSubmitted, StatusDeathVerified, StatusApproved, StatusDisbursing, StatusPaid}

// StepsAfter lists the usual steps still ahead of a claim in s, in order:
// what the heir can expect. A returned claim goes back to submitted, a
// failed payment to a new transfer; a final status has none.
func StepsAfter(s Status) []Status {
	next := map[Status]Status{
		StatusApplied: StatusSubmitted, StatusReturned: StatusSubmitted, StatusSubmitted: StatusDeathVerified,
		StatusDeathVerified: StatusApproved, StatusApproved: StatusDisbursing, StatusDisbursing: StatusPaid,
		StatusPaymentFailed: StatusDisbursing,
	}[s]
	for i, st := range happyPath {
		if st == next {
			return append([]Status(nil), happyPath[i:]...)
		}
	}
	return nil
}
