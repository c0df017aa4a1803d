package deathregister

import "santunan/domain"

// Who may do what with the death register, by least privilege: the one
// statement of it, which the service, the JSON API, the pages and the page
// menu all ask. The clerk is Dukcapil's: the register is Dukcapil's data,
// so importing it is the clerk's work (the admin, who manages users, takes
// no part in personal data). Matching and the unclaimed list serve the
// clerk, the officer (Dinsos runs the outreach) and the auditor; the
// treasurer has no use for them.

// CanImport reports whether the role may import the register.
func CanImport(r domain.Role) bool { return r == domain.RoleDukcapilClerk }

// CanRead reports whether the role may see register data.
func CanRead(r domain.Role) bool {
	return r == domain.RoleDukcapilClerk || r == domain.RoleDinsosOfficer || r == domain.RoleAuditor
}

// CanCheckOnline reports whether the role may ask Dukcapil's web service.
func CanCheckOnline(r domain.Role) bool { return r == domain.RoleDukcapilClerk }
