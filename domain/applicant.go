package domain

// RoleApplicant is the public: an heir acting without an account, after
// proving their phone with a one-time code. It appears in the transition
// table and the audit trail, never as a user's role, so it is not in
// AllRoles (which the user forms and Role.Valid read).
const RoleApplicant Role = "applicant"

// ActorRoles lists every role an audit event's actor may have: the staff
// roles and the online applicant.
var ActorRoles = append(append([]Role(nil), AllRoles...), RoleApplicant)
