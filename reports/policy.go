package reports

import "santunan/domain"

// Who may read the service's reports: the one statement of it, which the
// service, the JSON API, the pages and the menu all ask. The head of office
// (kepala dinas) is who they are for; the Dinsos officer, who runs the
// service day to day, and the auditor, who checks it, read them too. The
// reports hold counts and times only, never a claim's or a complainant's
// personal data, which is why the head of office, who reads no claims, may
// read them.

// CanRead reports whether the role may read the reports and their export.
func CanRead(r domain.Role) bool {
	return r == domain.RoleOfficeHead || r == domain.RoleDinsosOfficer || r == domain.RoleAuditor
}

// SeesComplaints reports whether the role's reports carry the complaints
// section: only for those who see every complaint (the head of office and
// the auditor; complaints.CanSee). The Dinsos officer's office is one a
// complaint may be about: even counts per category and status could tell
// it of a pungli complaint naming it, which the complaint officer keeps
// from that office until deciding to assign it there.
func SeesComplaints(r domain.Role) bool { return r == domain.RoleOfficeHead || r == domain.RoleAuditor }
