// Package workflow carries every claim through one state machine. The
// transition table below is the single source of truth for who may take
// which action from which status: the engine's checks, each claim's
// allowed_actions and the pages' buttons all read it.
package workflow

import (
	"fmt"

	"santunan/domain"
)

// Need names something an action's request must carry.
type Need string

const (
	NeedClaimData          Need = "claim_data"           // deceased, heir and bank_account
	NeedCorrections        Need = "corrections"          // optional corrected deceased/heir/bank_account
	NeedDeathCertificateNo Need = "death_certificate_no" // plus an optional corrected date_of_death
	NeedReason             Need = "reason"
	NeedBankReference      Need = "bank_reference"
	NeedBankAccount        Need = "bank_account"
)

// Transition is one action as data: who may take it from which statuses,
// where it leads, what its request needs, and how it changes the claim.
type Transition struct {
	Action domain.Action
	To     domain.Status
	// From lists, per role, the statuses from which that role may take the
	// action. A role missing here may never take it (403); a listed role
	// acting from another status meets an invalid transition (409).
	From  map[domain.Role][]domain.Status
	Needs []Need
	apply applyFunc
}

// Table is the complete set of transitions, in the order actions are shown.
type Table struct {
	order       []domain.Action
	transitions map[domain.Action]Transition
}

// none is the "status" of a claim that does not exist yet.
const none domain.Status = ""

// DefaultTable is the workflow of Perbup Kendal 20/2021: Dukcapil verifies the
// death, Dinsos approves, the treasurer pays.
func DefaultTable() Table {
	clerk, officer, treasurer := domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer
	heir := domain.RoleApplicant
	s := func(statuses ...domain.Status) []domain.Status { return statuses }
	return newTable(
		Transition{Action: domain.ActionSubmit, To: domain.StatusSubmitted,
			From: map[domain.Role][]domain.Status{clerk: s(none)}, Needs: []Need{NeedClaimData}},
		// Pengajuan mandiri: the heir files online; a clerk checks the data
		// at intake, correcting it if need be, or declines with a reason.
		Transition{Action: domain.ActionApply, To: domain.StatusApplied,
			From: map[domain.Role][]domain.Status{heir: s(none)}, Needs: []Need{NeedClaimData}},
		Transition{Action: domain.ActionAccept, To: domain.StatusSubmitted,
			From: map[domain.Role][]domain.Status{clerk: s(domain.StatusApplied)}, Needs: []Need{NeedCorrections}, apply: applyResubmit},
		Transition{Action: domain.ActionDecline, To: domain.StatusRejected,
			From: map[domain.Role][]domain.Status{clerk: s(domain.StatusApplied)}, Needs: []Need{NeedReason}, apply: applyReason},
		Transition{Action: domain.ActionVerifyDeath, To: domain.StatusDeathVerified,
			From: map[domain.Role][]domain.Status{clerk: s(domain.StatusSubmitted)}, Needs: []Need{NeedDeathCertificateNo}, apply: applyVerifyDeath},
		Transition{Action: domain.ActionReturn, To: domain.StatusReturned,
			From: map[domain.Role][]domain.Status{clerk: s(domain.StatusSubmitted), officer: s(domain.StatusDeathVerified)}, Needs: []Need{NeedReason}, apply: applyReason},
		Transition{Action: domain.ActionResubmit, To: domain.StatusSubmitted,
			From: map[domain.Role][]domain.Status{clerk: s(domain.StatusReturned), heir: s(domain.StatusReturned)}, Needs: []Need{NeedCorrections}, apply: applyResubmit},
		Transition{Action: domain.ActionReject, To: domain.StatusRejected,
			From: map[domain.Role][]domain.Status{clerk: s(domain.StatusSubmitted), officer: s(domain.StatusDeathVerified)}, Needs: []Need{NeedReason}, apply: applyReason},
		Transition{Action: domain.ActionApprove, To: domain.StatusApproved,
			From: map[domain.Role][]domain.Status{officer: s(domain.StatusDeathVerified)}, apply: applyApprove},
		Transition{Action: domain.ActionStartPayment, To: domain.StatusDisbursing,
			From: map[domain.Role][]domain.Status{treasurer: s(domain.StatusApproved)}, apply: applyNothing},
		Transition{Action: domain.ActionConfirmPayment, To: domain.StatusPaid,
			From: map[domain.Role][]domain.Status{treasurer: s(domain.StatusDisbursing)}, Needs: []Need{NeedBankReference}, apply: applyConfirmPayment},
		Transition{Action: domain.ActionFailPayment, To: domain.StatusPaymentFailed,
			From: map[domain.Role][]domain.Status{treasurer: s(domain.StatusDisbursing)}, Needs: []Need{NeedReason}, apply: applyReason},
		// A line the bank was never sent leaves its batch: the claim is
		// approved again, its commitment kept, for a later batch.
		Transition{Action: domain.ActionWithdrawPayment, To: domain.StatusApproved,
			From: map[domain.Role][]domain.Status{treasurer: s(domain.StatusDisbursing)}, Needs: []Need{NeedReason}, apply: applyReason},
		Transition{Action: domain.ActionRetryPayment, To: domain.StatusApproved,
			From: map[domain.Role][]domain.Status{officer: s(domain.StatusPaymentFailed)}, Needs: []Need{NeedBankAccount}, apply: applyRetryPayment},
		Transition{Action: domain.ActionCancel, To: domain.StatusCancelled,
			From: map[domain.Role][]domain.Status{officer: s(domain.StatusSubmitted, domain.StatusReturned,
				domain.StatusDeathVerified, domain.StatusApproved, domain.StatusPaymentFailed)}, Needs: []Need{NeedReason}, apply: applyReason},
	)
}

func newTable(ts ...Transition) Table {
	t := Table{transitions: make(map[domain.Action]Transition, len(ts))}
	for _, tr := range ts {
		if _, dup := t.transitions[tr.Action]; dup {
			panic(fmt.Sprintf("workflow: action %s defined twice", tr.Action))
		}
		t.order = append(t.order, tr.Action)
		t.transitions[tr.Action] = tr
	}
	return t
}

// Lookup returns the transition of an action.
func (t Table) Lookup(a domain.Action) (Transition, bool) {
	tr, ok := t.transitions[a]
	return tr, ok
}

// Actions lists every action in table order.
func (t Table) Actions() []domain.Action { return append([]domain.Action(nil), t.order...) }

// Check says whether role may take action on a claim in status from:
// nil, domain.ErrNotFound for an unknown action, domain.ErrForbidden when the
// role may never take it, or a *domain.TransitionError when not from here.
func (t Table) Check(role domain.Role, action domain.Action, from domain.Status) error {
	tr, ok := t.transitions[action]
	if !ok {
		return fmt.Errorf("action %q: %w", action, domain.ErrNotFound)
	}
	sources, ok := tr.From[role]
	if !ok {
		return fmt.Errorf("role %s may not %s: %w", role, action, domain.ErrForbidden)
	}
	for _, s := range sources {
		if s == from {
			return nil
		}
	}
	return &domain.TransitionError{Action: action, Status: from}
}

// MaySubmit is the workflow's policy for filing a claim: whoever may take
// submit (the transition table's row from no status).
func (t Table) MaySubmit(role domain.Role) bool { return t.Check(role, domain.ActionSubmit, "") == nil }

// Creates reports whether an action files a new claim (its only source is
// no status: submit by a clerk, apply by an heir) rather than moving one.
func (t Table) Creates(a domain.Action) bool {
	tr, ok := t.transitions[a]
	if !ok {
		return false
	}
	for _, sources := range tr.From {
		for _, s := range sources {
			if s != none {
				return false
			}
		}
	}
	return true
}

// Allowed lists the actions role may take now on a claim in status, in table
// order. Submit and apply are never listed: they create a claim rather than
// moving one.
func (t Table) Allowed(role domain.Role, status domain.Status) []domain.Action {
	out := []domain.Action{}
	for _, a := range t.order {
		if !t.Creates(a) && t.Check(role, a, status) == nil {
			out = append(out, a)
		}
	}
	return out
}
