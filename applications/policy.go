package applications

import "santunan/domain"

// Who may do what with online applications.

// Online is the actor of everything the public does online: the applicant
// role, no user id, and a fixed name, never the phone or a NIK, so the
// audit trail shows that the heir acted without holding personal data.
var Online = domain.Actor{Role: domain.RoleApplicant, Username: "pemohon-daring"}

// CanReadIntake: the clerk checks online applications and accepts or
// declines them (accept and decline are the clerk's in the table).
func CanReadIntake(r domain.Role) bool { return r == domain.RoleDukcapilClerk }

// MayFixOnline: the heir corrects a claim online while it waits for them:
// returned (anything, then resubmit), or with a failed transfer (a new bank
// book and account only, for the officer's retry_payment).
func MayFixOnline(s domain.Status) bool {
	return s == domain.StatusReturned || s == domain.StatusPaymentFailed
}
