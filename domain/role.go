package domain

// Role decides what a user may do. Admin manages users only and takes no part
// in claims; auditor reads everything and changes nothing.
type Role string

const (
	RoleAdmin         Role = "admin"
	RoleDukcapilClerk Role = "dukcapil_clerk"
	RoleDinsosOfficer Role = "dinsos_officer"
	RoleTreasurer     Role = "treasurer"
	RoleAuditor       Role = "auditor"
	// RoleComplaintOfficer (pengelola pengaduan) receives the public's
	// complaints, verifies and assigns them, and alone may see who an
	// anonymous complainant is.
	RoleComplaintOfficer Role = "pengelola_pengaduan"
	// RoleOfficeHead (kepala dinas) reads the service's reports and hears
	// of every complaint whose deadline passed (escalation).
	RoleOfficeHead Role = "office_head"
)

// AllRoles lists every role a staff user may hold.
var AllRoles = []Role{RoleAdmin, RoleDukcapilClerk, RoleDinsosOfficer, RoleTreasurer, RoleAuditor,
	RoleComplaintOfficer, RoleOfficeHead}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, v := range AllRoles {
		if v == r {
			return true
		}
	}
	return false
}

// ReadsClaims reports whether the role may see claim data (personal data).
func (r Role) ReadsClaims() bool {
	return r == RoleDukcapilClerk || r == RoleDinsosOfficer || r == RoleTreasurer || r == RoleAuditor
}

// ReadsAudit reports whether the role may verify the audit trail as a whole.
func (r Role) ReadsAudit() bool { return r == RoleAuditor || r == RoleAdmin }

// Actor is who performs an action, as recorded in the audit trail.
type Actor struct {
	UserID   int64
	Username string
	Role     Role
}
