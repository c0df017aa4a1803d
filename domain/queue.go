package domain

// queues are the statuses that wait on each role, first the one its home
// page opens on. The auditor and the admin work no queue.
var queues = map[Role][]Status{
	RoleDukcapilClerk: {StatusSubmitted, StatusApplied},
	RoleDinsosOfficer: {StatusDeathVerified, StatusPaymentFailed},
	RoleTreasurer:     {StatusApproved, StatusDisbursing},
}

// Queue lists the statuses in which claims wait on the role, for its home
// page and for the metrics of how long each queue has waited; nil for a
// role that works no queue.
func (r Role) Queue() []Status { return append([]Status(nil), queues[r]...) }
