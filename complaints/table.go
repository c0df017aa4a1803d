package complaints

import (
	"fmt"

	"santunan/domain"
)

// Who takes the steps of a complaint beside the staff roles: the public
// complainant (by the tracking code, no account) and the service itself
// (the sweep's automatic closing and escalation). They are never users'
// roles; the trail names them as the actor's role.
const (
	RoleComplainant domain.Role = "complainant"
	RoleSystem      domain.Role = "system"
)

// none is the status before the first step.
const none domain.ComplaintStatus = ""

// Transition is one step of the complaint state machine: which statuses it
// is taken from, where it leads ("" keeps the status: escalate), and which
// roles may take it. RoleUnitStaff stands for the staff role of the
// office the complaint is assigned to (domain.Unit.StaffRole), decided per
// complaint.
type Transition struct {
	Action domain.ComplaintAction
	From   []domain.ComplaintStatus
	To     domain.ComplaintStatus
	Roles  []domain.Role
	// Reason: the step needs a reason (decline, dispute).
	Reason bool
}

// RoleUnitStaff is a placeholder in Transition.Roles: the assigned
// office's staff role.
const RoleUnitStaff domain.Role = "unit_staff"

// Table is the complaint state machine as data: every step, its statuses
// and roles. Service.Act and the trail's verification both read it.
var Table = []Transition{
	{Action: domain.ComplaintActionFile, From: []domain.ComplaintStatus{none}, To: domain.ComplaintReceived,
		Roles: []domain.Role{RoleComplainant}},
	{Action: domain.ComplaintActionVerify, From: []domain.ComplaintStatus{domain.ComplaintReceived},
		To: domain.ComplaintVerified, Roles: []domain.Role{domain.RoleComplaintOfficer}},
	{Action: domain.ComplaintActionDecline, From: []domain.ComplaintStatus{domain.ComplaintReceived},
		To: domain.ComplaintDeclined, Roles: []domain.Role{domain.RoleComplaintOfficer}, Reason: true},
	{Action: domain.ComplaintActionAssign, From: []domain.ComplaintStatus{domain.ComplaintVerified, domain.ComplaintAssigned},
		To: domain.ComplaintAssigned, Roles: []domain.Role{domain.RoleComplaintOfficer}},
	{Action: domain.ComplaintActionAnswer, From: []domain.ComplaintStatus{domain.ComplaintAssigned},
		To: domain.ComplaintAnswered, Roles: []domain.Role{RoleUnitStaff, domain.RoleComplaintOfficer}},
	{Action: domain.ComplaintActionConfirm, From: []domain.ComplaintStatus{domain.ComplaintAnswered},
		To: domain.ComplaintClosed, Roles: []domain.Role{RoleComplainant}},
	{Action: domain.ComplaintActionDispute, From: []domain.ComplaintStatus{domain.ComplaintAnswered},
		To: domain.ComplaintAssigned, Roles: []domain.Role{RoleComplainant}, Reason: true},
	{Action: domain.ComplaintActionReopen, From: []domain.ComplaintStatus{domain.ComplaintClosed},
		To: domain.ComplaintAssigned, Roles: []domain.Role{RoleComplainant}, Reason: true},
	{Action: domain.ComplaintActionClose, From: []domain.ComplaintStatus{domain.ComplaintAnswered},
		To: domain.ComplaintClosed, Roles: []domain.Role{RoleSystem}},
	{Action: domain.ComplaintActionEscalate, From: []domain.ComplaintStatus{domain.ComplaintReceived, domain.ComplaintAssigned},
		To: "", Roles: []domain.Role{RoleSystem}},
}

// StaffActions are the steps staff take through Service.Act (the API's
// POST /complaints/{id}/{action}).
var StaffActions = []domain.ComplaintAction{domain.ComplaintActionVerify, domain.ComplaintActionDecline,
	domain.ComplaintActionAssign, domain.ComplaintActionAnswer}

// Lookup returns the step of action.
func Lookup(a domain.ComplaintAction) (Transition, bool) {
	for _, t := range Table {
		if t.Action == a {
			return t, true
		}
	}
	return Transition{}, false
}

// target is the status after the step from s.
func (t Transition) target(s domain.ComplaintStatus) domain.ComplaintStatus {
	if t.To == "" {
		return s
	}
	return t.To
}

func (t Transition) from(s domain.ComplaintStatus) bool {
	for _, f := range t.From {
		if f == s {
			return true
		}
	}
	return false
}

// mayTake reports whether role may take the step on a complaint assigned
// to unit (for RoleUnitStaff).
func (t Transition) mayTake(role domain.Role, unit domain.Unit) bool {
	for _, r := range t.Roles {
		if r == role || (r == RoleUnitStaff && unit != "" && unit.StaffRole() == role) {
			return true
		}
	}
	return false
}

// mayEverTake reports whether role takes the step on some complaint.
func (t Transition) mayEverTake(role domain.Role) bool {
	for _, r := range t.Roles {
		if r == role {
			return true
		}
		if r == RoleUnitStaff {
			if _, ok := domain.UnitOf(role); ok {
				return true
			}
		}
	}
	return false
}

// check refuses a step the table does not allow: a role that never takes it
// is forbidden, a status it is not taken from an invalid transition.
func check(role domain.Role, a domain.ComplaintAction, c Complaint) (Transition, error) {
	t, ok := Lookup(a)
	if !ok {
		return Transition{}, fmt.Errorf("complaint action %q: %w", a, domain.ErrNotFound)
	}
	if !t.mayTake(role, c.Unit) {
		return Transition{}, fmt.Errorf("role %s may not %s complaint %d: %w", role, a, c.ID, domain.ErrForbidden)
	}
	if !t.from(c.Status) {
		return Transition{}, transitionError(a, c.Status)
	}
	return t, nil
}

// transitionError is the engine's refusal (409 invalid_transition) in the
// complaint's words.
func transitionError(a domain.ComplaintAction, s domain.ComplaintStatus) error {
	return &domain.TransitionError{Action: domain.Action(a), Status: domain.Status(s)}
}

// Allowed lists the staff steps role may take now on c.
func Allowed(role domain.Role, c Complaint) []domain.ComplaintAction {
	var out []domain.ComplaintAction
	for _, a := range StaffActions {
		t, _ := Lookup(a)
		if t.from(c.Status) && t.mayTake(role, c.Unit) {
			out = append(out, a)
		}
	}
	return out
}
