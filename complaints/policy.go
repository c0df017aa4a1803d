package complaints

import "santunan/domain"

// Who sees what of a complaint, in one place. The API's and the pages'
// role checks ask these functions; the service applies them again to every
// complaint it returns (View, ViewEvents).
//
//   - The complaint officer (pengelola_pengaduan): everything, an
//     anonymous complainant's identity included.
//   - The staff role of the office a complaint is assigned to
//     (domain.Unit.StaffRole): the complaints assigned to their office;
//     the complainant's identity only when named; rahasia content yes.
//   - The head of office (office_head): every complaint, escalated ones
//     first; identity only when named; no rahasia content.
//   - The auditor: metadata and the trail; never an identity, no rahasia
//     content.
//   - Every other role (admin): nothing (403).
//
// The pungli rule: a pungli complaint that names an office is kept from
// that office's staff (its status and answer, and its place in a claim's
// list of complaints) until the complaint officer assigns it there on an
// explicit decision (PungliRule, ActInput.ConfirmNamedUnit).

// CanRead reports whether role reads complaints at all (the staff list,
// one complaint, its trail).
func CanRead(role domain.Role) bool {
	switch role {
	case domain.RoleComplaintOfficer, domain.RoleOfficeHead, domain.RoleAuditor:
		return true
	}
	_, unit := domain.UnitOf(role)
	return unit
}

// CanAct reports whether role takes some staff step on complaints.
func CanAct(role domain.Role) bool {
	for _, a := range StaffActions {
		if t, _ := Lookup(a); t.mayEverTake(role) {
			return true
		}
	}
	return false
}

// CanExport reports whether role exports complaints (SP4N-LAPOR!).
func CanExport(role domain.Role) bool { return role == domain.RoleComplaintOfficer }

// CanReadForClaim reports whether role sees a claim's tied complaints
// (the claim's readers: domain.Role.ReadsClaims).
func CanReadForClaim(role domain.Role) bool { return role.ReadsClaims() }

// CanSee reports whether role may see complaint c at all.
func CanSee(role domain.Role, c Complaint) bool {
	switch role {
	case domain.RoleComplaintOfficer, domain.RoleOfficeHead, domain.RoleAuditor:
		return true
	}
	unit, ok := domain.UnitOf(role)
	return ok && c.Unit == unit && !hiddenByPungli(role, c)
}

// hiddenByPungli: the pungli rule keeps c from role's office.
func hiddenByPungli(role domain.Role, c Complaint) bool {
	unit, ok := domain.UnitOf(role)
	return ok && c.Category == domain.CategoryExtortion && c.NamedUnit == unit && !c.PungliConfirmed
}

// SeesIdentity reports whether role sees who filed c.
func SeesIdentity(role domain.Role, c Complaint) bool {
	if role == domain.RoleComplaintOfficer {
		return true
	}
	if c.Identity != domain.IdentityNamed || role == domain.RoleAuditor {
		return false
	}
	return role == domain.RoleOfficeHead || CanSee(role, c)
}

// SeesContent reports whether role reads c's text, answer and reasons.
func SeesContent(role domain.Role, c Complaint) bool {
	if role == domain.RoleComplaintOfficer {
		return true
	}
	if unit, ok := domain.UnitOf(role); ok && c.Unit == unit && !hiddenByPungli(role, c) {
		return true
	}
	return !c.Confidential && CanSee(role, c)
}

// Withheld marks content a viewer may not read.
const Withheld = "[rahasia]"

// View is c as role may see it: identity and content blanked where the
// policy says so.
func View(role domain.Role, c Complaint) Complaint {
	if !SeesIdentity(role, c) {
		c.ComplainantName, c.ComplainantPhone = "", ""
	}
	if !SeesContent(role, c) {
		c.Text, c.Answer, c.DeclineRedirect = Withheld, maskIfSet(c.Answer), maskIfSet(c.DeclineRedirect)
	}
	return c
}

func maskIfSet(s string) string {
	if s == "" {
		return ""
	}
	return Withheld
}

// contentFields are the trail's fields that are content.
var contentFields = map[string]bool{"answer": true, "decline_redirect": true}

// ViewEvents is c's trail as role may see it: reasons and answers
// withheld where the content is. The trail never holds an identity.
func ViewEvents(role domain.Role, c Complaint, events []Event) []Event {
	if SeesContent(role, c) {
		return events
	}
	out := make([]Event, len(events))
	for i, ev := range events {
		ev.Reason = maskIfSet(ev.Reason)
		changes := make(map[string]domain.Change, len(ev.Changes))
		for k, ch := range ev.Changes {
			if contentFields[k] {
				ch = domain.Change{Old: maskIfSet(ch.Old), New: maskIfSet(ch.New)}
			}
			changes[k] = ch
		}
		ev.Changes = changes
		out[i] = ev
	}
	return out
}

// forClaimView is a tied complaint as a claim's reader sees it: the pungli
// rule hides it from the office it names, an identity is never shown
// (named or not: the claim's page is no complaint's), and content only
// where SeesContent allows.
func forClaimView(role domain.Role, c Complaint) (Complaint, bool) {
	if hiddenByPungli(role, c) {
		return Complaint{}, false
	}
	c.ComplainantName, c.ComplainantPhone = "", ""
	if !SeesContent(role, c) && !(role.ReadsClaims() && !c.Confidential) {
		c.Text, c.Answer, c.DeclineRedirect = Withheld, maskIfSet(c.Answer), maskIfSet(c.DeclineRedirect)
	}
	return c, true
}
