package documents

import "santunan/domain"

// Who may do what with documents, by least privilege. Documents are
// personal data (UU 27/2022): the admin, who manages users, never sees them.

// CanUpload: the clerk takes papers at the counter; the officer receives a
// new bank book when a payment failed and the account changes
// (retry_payment is the officer's).
func CanUpload(r domain.Role) bool {
	return r == domain.RoleDukcapilClerk || r == domain.RoleDinsosOfficer
}

// ApplicantMayUpload: the heir online uploads only to their own claim
// (the one their verified phone check names), and only while it waits for
// the heir: just applied or returned to be fixed (any kind), or with a
// failed transfer, when only a new bank book helps. Never through the staff
// routes, which need a staff role (CanUpload).
func ApplicantMayUpload(s domain.Status, k domain.DocumentKind) bool {
	switch s {
	case domain.StatusApplied, domain.StatusReturned:
		return true
	case domain.StatusPaymentFailed:
		return k == domain.DocumentBukuTabungan
	}
	return false
}

// CanList: every role that reads claims sees which documents a claim has
// (kind, size, hash, uploader), which is what the checklist shows.
func CanList(r domain.Role) bool { return r.ReadsClaims() }

// CanRead says who may open a document of a kind: the clerk and the
// officer who decide on the claim, the auditor who checks them; the
// treasurer only the bank book, to check the account before a transfer.
func CanRead(r domain.Role, k domain.DocumentKind) bool {
	switch r {
	case domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleAuditor:
		return true
	case domain.RoleTreasurer:
		return k == domain.DocumentBukuTabungan
	}
	return false
}

// CanReadAccessLog: who looked at whose papers is the auditor's to check.
func CanReadAccessLog(r domain.Role) bool { return r == domain.RoleAuditor }

// CanSeeReceived: which kinds of papers a claim holds (no file, name, hash
// or uploader), what its receipt prints, is for every role that reads
// claims and for the heir who proved the claim with its code and NIK.
func CanSeeReceived(r domain.Role) bool { return r.ReadsClaims() || r == domain.RoleApplicant }
