package workflow_test

import (
	"context"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/workflow"
)

// bundle is the small setup most engine tests share.
type bundle struct {
	db        *database.DB
	engine    *workflow.Engine
	clerk     domain.Actor
	officer   domain.Actor
	treasurer domain.Actor
	auditor   domain.Actor
	admin     domain.Actor
}

func setup(t *testing.T, db *database.DB) *bundle {
	t.Helper()
	return &bundle{
		db: db, engine: fixture.Engine(t, db),
		clerk:     fixture.Actor(t, db, domain.RoleDukcapilClerk),
		officer:   fixture.Actor(t, db, domain.RoleDinsosOfficer),
		treasurer: fixture.Actor(t, db, domain.RoleTreasurer),
		auditor:   fixture.Actor(t, db, domain.RoleAuditor),
		admin:     fixture.Actor(t, db, domain.RoleAdmin),
	}
}

func (b *bundle) actor(role domain.Role) domain.Actor {
	switch role {
	case domain.RoleDukcapilClerk:
		return b.clerk
	case domain.RoleDinsosOfficer:
		return b.officer
	case domain.RoleTreasurer:
		return b.treasurer
	case domain.RoleAuditor:
		return b.auditor
	case domain.RoleApplicant:
		return domain.Actor{Username: "ahli-waris", Role: domain.RoleApplicant}
	}
	return b.admin
}

// validInput carries everything any action may need.
func validInput() workflow.ActionInput {
	return workflow.ActionInput{
		Reason: "Dokumen KK tidak terbaca", DeathCertificateNo: "3324-KM-20112026-0001", BankReference: "JTG20261128001",
		BankAccount: &domain.BankAccountInput{BankCode: "002", AccountNumber: "0987654321", AccountName: "SITI AMINAH"},
	}
}

// pathTo lists the actions that take a fresh claim to a status.
var pathTo = map[domain.Status][]domain.Action{
	domain.StatusApplied:       {},
	domain.StatusSubmitted:     {},
	domain.StatusReturned:      {domain.ActionReturn},
	domain.StatusDeathVerified: {domain.ActionVerifyDeath},
	domain.StatusApproved:      {domain.ActionVerifyDeath, domain.ActionApprove},
	domain.StatusDisbursing:    {domain.ActionVerifyDeath, domain.ActionApprove, domain.ActionStartPayment},
	domain.StatusPaid:          {domain.ActionVerifyDeath, domain.ActionApprove, domain.ActionStartPayment, domain.ActionConfirmPayment},
	domain.StatusPaymentFailed: {domain.ActionVerifyDeath, domain.ActionApprove, domain.ActionStartPayment, domain.ActionFailPayment},
	domain.StatusRejected:      {domain.ActionReject},
	domain.StatusCancelled:     {domain.ActionCancel},
}

// doer is the role that takes each action on the way.
var doer = map[domain.Action]domain.Role{
	domain.ActionReturn: domain.RoleDukcapilClerk, domain.ActionVerifyDeath: domain.RoleDukcapilClerk,
	domain.ActionReject: domain.RoleDukcapilClerk, domain.ActionApprove: domain.RoleDinsosOfficer,
	domain.ActionCancel: domain.RoleDinsosOfficer, domain.ActionStartPayment: domain.RoleTreasurer,
	domain.ActionConfirmPayment: domain.RoleTreasurer, domain.ActionFailPayment: domain.RoleTreasurer,
}

// claimIn files claim n and walks it to status.
func (b *bundle) claimIn(t *testing.T, n int, status domain.Status) domain.Claim {
	t.Helper()
	ctx := context.Background()
	filer, filing := b.clerk, domain.ActionSubmit
	if status == domain.StatusApplied {
		filer, filing = b.actor(domain.RoleApplicant), domain.ActionApply
	}
	c, err := b.engine.File(ctx, filer, filing, fixture.ClaimInput(n))
	if err != nil {
		t.Fatalf("file claim %d: %v", n, err)
	}
	for _, a := range pathTo[status] {
		c, err = b.engine.Apply(ctx, b.actor(doer[a]), c.ID, a, validInput())
		if err != nil {
			t.Fatalf("claim %d: %s: %v", n, a, err)
		}
	}
	if c.Status != status {
		t.Fatalf("claim %d is %s, want %s", n, c.Status, status)
	}
	return c
}
