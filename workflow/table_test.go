package workflow_test

import (
	"errors"
	"slices"
	"testing"

	"santunan/domain"
	"santunan/workflow"
)

// spec is the state machine written out independently of the table,
// so that a wrong edit to the table fails here.
var spec = map[domain.Action]map[domain.Role][]domain.Status{
	domain.ActionAccept:         {domain.RoleDukcapilClerk: {domain.StatusApplied}},
	domain.ActionDecline:        {domain.RoleDukcapilClerk: {domain.StatusApplied}},
	domain.ActionVerifyDeath:    {domain.RoleDukcapilClerk: {domain.StatusSubmitted}},
	domain.ActionReturn:         {domain.RoleDukcapilClerk: {domain.StatusSubmitted}, domain.RoleDinsosOfficer: {domain.StatusDeathVerified}},
	domain.ActionResubmit:       {domain.RoleDukcapilClerk: {domain.StatusReturned}, domain.RoleApplicant: {domain.StatusReturned}},
	domain.ActionReject:         {domain.RoleDukcapilClerk: {domain.StatusSubmitted}, domain.RoleDinsosOfficer: {domain.StatusDeathVerified}},
	domain.ActionApprove:        {domain.RoleDinsosOfficer: {domain.StatusDeathVerified}},
	domain.ActionStartPayment:   {domain.RoleTreasurer: {domain.StatusApproved}},
	domain.ActionConfirmPayment: {domain.RoleTreasurer: {domain.StatusDisbursing}},
	domain.ActionFailPayment:    {domain.RoleTreasurer: {domain.StatusDisbursing}},
	domain.ActionRetryPayment:   {domain.RoleDinsosOfficer: {domain.StatusPaymentFailed}},
	domain.ActionCancel: {domain.RoleDinsosOfficer: {domain.StatusSubmitted, domain.StatusReturned,
		domain.StatusDeathVerified, domain.StatusApproved, domain.StatusPaymentFailed}},
}

var destination = map[domain.Action]domain.Status{
	domain.ActionAccept: domain.StatusSubmitted, domain.ActionDecline: domain.StatusRejected,
	domain.ActionVerifyDeath: domain.StatusDeathVerified, domain.ActionReturn: domain.StatusReturned,
	domain.ActionResubmit: domain.StatusSubmitted, domain.ActionReject: domain.StatusRejected,
	domain.ActionApprove: domain.StatusApproved, domain.ActionStartPayment: domain.StatusDisbursing,
	domain.ActionConfirmPayment: domain.StatusPaid, domain.ActionFailPayment: domain.StatusPaymentFailed,
	domain.ActionRetryPayment: domain.StatusApproved, domain.ActionCancel: domain.StatusCancelled,
}

// outcome is what spec says of role taking action from status.
func outcome(action domain.Action, role domain.Role, status domain.Status) error {
	sources, ok := spec[action][role]
	if !ok {
		return domain.ErrForbidden
	}
	if slices.Contains(sources, status) {
		return nil
	}
	return domain.ErrInvalidTransition
}

func TestTableMatchesSpec(t *testing.T) {
	table := workflow.DefaultTable()
	for action := range spec {
		tr, ok := table.Lookup(action)
		if !ok {
			t.Fatalf("table has no %s", action)
		}
		if tr.To != destination[action] {
			t.Errorf("%s leads to %s, want %s", action, tr.To, destination[action])
		}
		for _, role := range domain.ActorRoles {
			for _, status := range domain.AllStatuses {
				want := outcome(action, role, status)
				got := table.Check(role, action, status)
				if !errors.Is(got, want) && !(want == nil && got == nil) {
					t.Errorf("Check(%s, %s, %s) = %v, want %v", role, action, status, got, want)
				}
			}
		}
	}
}

func TestFinalStatusesAllowNothing(t *testing.T) {
	table := workflow.DefaultTable()
	for _, s := range domain.AllStatuses {
		if !s.Final() {
			continue
		}
		for _, role := range domain.AllRoles {
			if got := table.Allowed(role, s); len(got) != 0 {
				t.Errorf("%s may %v from final status %s", role, got, s)
			}
		}
	}
}

func TestAllowedActionsPerRole(t *testing.T) {
	table := workflow.DefaultTable()
	cases := []struct {
		role   domain.Role
		status domain.Status
		want   []domain.Action
	}{
		{domain.RoleDukcapilClerk, domain.StatusSubmitted, []domain.Action{domain.ActionVerifyDeath, domain.ActionReturn, domain.ActionReject}},
		{domain.RoleDinsosOfficer, domain.StatusSubmitted, []domain.Action{domain.ActionCancel}},
		{domain.RoleDinsosOfficer, domain.StatusDeathVerified, []domain.Action{domain.ActionReturn, domain.ActionReject, domain.ActionApprove, domain.ActionCancel}},
		{domain.RoleTreasurer, domain.StatusDisbursing, []domain.Action{domain.ActionConfirmPayment, domain.ActionFailPayment, domain.ActionWithdrawPayment}},
		{domain.RoleDinsosOfficer, domain.StatusPaymentFailed, []domain.Action{domain.ActionRetryPayment, domain.ActionCancel}},
		{domain.RoleAuditor, domain.StatusSubmitted, []domain.Action{}},
		{domain.RoleAdmin, domain.StatusDeathVerified, []domain.Action{}},
	}
	for _, c := range cases {
		if got := table.Allowed(c.role, c.status); !slices.Equal(got, c.want) {
			t.Errorf("Allowed(%s, %s) = %v, want %v", c.role, c.status, got, c.want)
		}
	}
}

func TestSubmitOnlyByClerk(t *testing.T) {
	table := workflow.DefaultTable()
	for _, role := range domain.AllRoles {
		err := table.Check(role, domain.ActionSubmit, "")
		if role == domain.RoleDukcapilClerk && err != nil {
			t.Errorf("clerk may not submit: %v", err)
		}
		if role != domain.RoleDukcapilClerk && !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("%s submit: %v, want forbidden", role, err)
		}
	}
}

func TestUnknownActionIsNotFound(t *testing.T) {
	if err := workflow.DefaultTable().Check(domain.RoleDinsosOfficer, "pay_twice", domain.StatusApproved); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}
