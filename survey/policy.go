package survey

import "santunan/domain"

// CanRead: who may read the survey's index, its comments and their export:
// the Dinsos officer, who answers for the service; the head of the office,
// whose reports carry it; the auditor, who reads everything. The answers
// are anonymous, so no personal data is behind this.
func CanRead(r domain.Role) bool {
	switch r {
	case domain.RoleDinsosOfficer, domain.RoleOfficeHead, domain.RoleAuditor:
		return true
	}
	return false
}
