package payments_test

import (
	"context"
	"fmt"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/payments"
	"santunan/workflow"
)

// env is an engine wired as app.go wires it, with the payment service and
// one actor per role.
type env struct {
	db        *database.DB
	engine    *workflow.Engine
	svc       *payments.Service
	clerk     domain.Actor
	officer   domain.Actor
	treasurer domain.Actor
	auditor   domain.Actor
	admin     domain.Actor
}

func newEnv(t testing.TB, db *database.DB, tweak ...func(*workflow.Options, *payments.Options)) *env {
	t.Helper()
	cfg := fixture.EngineOptions(t)
	cfg.Guards, cfg.Reserved = payments.Guards(nil), payments.ReservedActions
	pcfg := payments.Options{Areas: fixture.Areas(t)}
	for _, f := range tweak {
		f(&cfg, &pcfg)
	}
	engine := workflow.New(db, cfg)
	return &env{
		db: db, engine: engine, svc: payments.New(db, engine, pcfg),
		clerk:     fixture.Actor(t, db, domain.RoleDukcapilClerk),
		officer:   fixture.Actor(t, db, domain.RoleDinsosOfficer),
		treasurer: fixture.Actor(t, db, domain.RoleTreasurer),
		auditor:   fixture.Actor(t, db, domain.RoleAuditor),
		admin:     fixture.Actor(t, db, domain.RoleAdmin),
	}
}

var ctx = context.Background()

// claimInput is fixture claim n for any n up to about 280,000: beyond the
// fixture's 4-digit serial, the birth days in the NIKs change.
func claimInput(n int) domain.ClaimInput {
	in := fixture.ClaimInput(n%9999 + 1)
	day := n / 9999
	in.Deceased.NIK = fmt.Sprintf("332415%02d0150%04d", 1+day, n%9999+1)
	in.Heir.NIK = fmt.Sprintf("332415%02d0580%04d", 41+day, n%9999+1)
	return in
}

// budget sets this year's (2026's) ceiling.
func (e *env) budget(t testing.TB, ceiling domain.Rupiah) {
	t.Helper()
	if _, _, err := e.svc.SetBudget(ctx, e.officer, 2026, ceiling); err != nil {
		t.Fatalf("set budget: %v", err)
	}
}

// verified files claims first..first+n-1 and verifies their deaths, the
// verifications a chunk of claims per transaction.
func (e *env) verified(t testing.TB, first, n int) []int64 {
	t.Helper()
	ids := make([]int64, 0, n)
	for i := range n {
		c, err := e.engine.Submit(ctx, e.clerk, claimInput(first+i))
		if err != nil {
			t.Fatalf("submit %d: %v", first+i, err)
		}
		ids = append(ids, c.ID)
	}
	e.applyAll(t, e.clerk, domain.ActionVerifyDeath, ids, workflow.ActionInput{DeathCertificateNo: "3324-KM-20112026-0001"})
	return ids
}

// approved is verified plus approval (the budget must allow it).
func (e *env) approved(t testing.TB, first, n int) []int64 {
	t.Helper()
	ids := e.verified(t, first, n)
	e.applyAll(t, e.officer, domain.ActionApprove, ids, workflow.ActionInput{})
	return ids
}

func (e *env) applyAll(t testing.TB, actor domain.Actor, action domain.Action, ids []int64, in workflow.ActionInput) {
	t.Helper()
	for start := 0; start < len(ids); start += 500 {
		part := ids[start:min(start+500, len(ids))]
		err := e.engine.InTx(ctx, func(tx *workflow.Tx) error {
			for _, id := range part {
				if _, err := tx.Apply(actor, id, action, in); err != nil {
					return fmt.Errorf("claim %d: %w", id, err)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", action, err)
		}
	}
}

func (e *env) status(t testing.TB, id int64) domain.Status {
	t.Helper()
	c, err := e.engine.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return c.Status
}

func (e *env) events(t testing.TB, id int64) []domain.Event {
	t.Helper()
	evs, err := e.engine.Events(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// auditOK fails unless every hash chain and replay holds, and the budget
// counters match their commitments.
func (e *env) auditOK(t testing.TB) {
	t.Helper()
	rep, err := e.engine.VerifyAudit(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("audit: %v %+v", err, rep.Problems)
	}
	drift, err := e.svc.VerifyBudgets(ctx)
	if err != nil || len(drift) != 0 {
		t.Fatalf("budget drift: %v %+v", err, drift)
	}
}

// resultCSV writes a result file for the batch lines given as code -> outcome
// ("" for SUCCESS, else the failure reason).
func resultCSV(b payments.Batch, outcomes map[string]string) []byte {
	out := "reference,status,bank_reference,failure_reason,time,amount\n"
	for _, it := range b.Items {
		reason, ok := outcomes[it.ClaimCode]
		if !ok {
			continue
		}
		if reason == "" {
			out += fmt.Sprintf("%s,SUCCESS,JTG%06d,,2026-11-28 14:00:00,%d\n", it.ClaimCode, it.Seq, it.Amount)
		} else {
			out += fmt.Sprintf("%s,FAILED,,%s,2026-11-28 14:00:00,%d\n", it.ClaimCode, reason, it.Amount)
		}
	}
	return []byte(out)
}

func codes(b payments.Batch) []string {
	out := make([]string, len(b.Items))
	for i, it := range b.Items {
		out[i] = it.ClaimCode
	}
	return out
}
