package workflow_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// Twenty officers approve one claim at the same moment: one wins, nineteen
// get a 409-class error, and the trail gains exactly one event.
func TestConcurrentApprovalsApplyOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusDeathVerified)
		const n = 20
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, errs[i] = b.engine.Apply(ctx, b.officer, c.ID, domain.ActionApprove, workflow.ActionInput{})
			}()
		}
		close(start)
		wg.Wait()
		ok, conflicts := 0, 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, domain.ErrVersionConflict), errors.Is(err, domain.ErrInvalidTransition):
				conflicts++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		if ok != 1 || conflicts != n-1 {
			t.Fatalf("%d succeeded and %d conflicted, want 1 and %d", ok, conflicts, n-1)
		}
		events, err := b.engine.Events(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		approvals := 0
		for _, ev := range events {
			if ev.Action == domain.ActionApprove {
				approvals++
			}
		}
		if approvals != 1 || len(events) != 3 {
			t.Fatalf("%d approve events of %d, want 1 of 3", approvals, len(events))
		}
	})
}

// Ten clerks file the same death at once: exactly one claim is created and
// the others are told which claim already covers it.
func TestConcurrentDuplicateSubmissions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		const n = 10
		var wg sync.WaitGroup
		start := make(chan struct{})
		results := make([]domain.Claim, n)
		errs := make([]error, n)
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				results[i], errs[i] = b.engine.Submit(ctx, b.clerk, fixture.ClaimInput(7))
			}()
		}
		close(start)
		wg.Wait()
		var created domain.Claim
		count := 0
		for i, err := range errs {
			if err == nil {
				created = results[i]
				count++
			}
		}
		if count != 1 {
			t.Fatalf("%d claims created, want 1 (errors: %v)", count, errs)
		}
		for _, err := range errs {
			var dup *domain.DuplicateClaimError
			if err != nil && (!errors.As(err, &dup) || dup.ExistingCode != created.Code) {
				t.Errorf("err = %v, want duplicate naming %s", err, created.Code)
			}
		}
	})
}
