package domain

// Status is where a claim stands in the workflow.
type Status string

const (
	// StatusApplied: an heir filed the claim online (pengajuan mandiri); a
	// Dukcapil clerk checks it at intake and accepts it into submitted or
	// declines it. It covers its death like any live claim.
	StatusApplied       Status = "applied"
	StatusSubmitted     Status = "submitted"
	StatusReturned      Status = "returned"
	StatusDeathVerified Status = "death_verified"
	StatusApproved      Status = "approved"
	StatusDisbursing    Status = "disbursing"
	StatusPaid          Status = "paid"
	StatusPaymentFailed Status = "payment_failed"
	StatusRejected      Status = "rejected"
	StatusCancelled     Status = "cancelled"
)

// AllStatuses lists every status in workflow order.
var AllStatuses = []Status{
	StatusApplied, StatusSubmitted, StatusReturned, StatusDeathVerified, StatusApproved,
	StatusDisbursing, StatusPaid, StatusPaymentFailed, StatusRejected, StatusCancelled,
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, v := range AllStatuses {
		if v == s {
			return true
		}
	}
	return false
}

// Final reports whether no action can move a claim out of s.
func (s Status) Final() bool {
	return s == StatusPaid || s == StatusRejected || s == StatusCancelled
}

// Live reports whether a claim in s still covers its death: only a rejected
// or cancelled claim lets a new claim be filed for the same deceased NIK.
// The unique partial index in the migrations encodes the same rule.
func (s Status) Live() bool {
	return s != StatusRejected && s != StatusCancelled
}
