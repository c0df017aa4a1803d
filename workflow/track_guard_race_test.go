package workflow_test

import (
	"context"
	"errors"
	"testing"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

type gateKey struct{}

// gate holds a query on the claims table of a context that carries it,
// after the request has passed the lock's check and before it compares
// the NIK: the moment a burst of concurrent guesses shares.
type gate struct {
	arrived chan struct{}
	open    chan struct{}
}

func holdClaimReads(t *testing.T, db *database.DB) {
	t.Helper()
	for _, g := range []*gorm.DB{db.Read, db.Write} {
		err := g.Callback().Query().Before("gorm:query").Register("test:gate", func(tx *gorm.DB) {
			gt, ok := tx.Statement.Context.Value(gateKey{}).(*gate)
			if !ok || tx.Statement.Table != "claims" {
				return
			}
			gt.arrived <- struct{}{}
			<-gt.open
		})
		if err != nil {
			t.Fatal(err)
		}
		// PostgreSQL's Read and Write share one callback set: registering on
		// both would only warn of a duplicate, and the second is dropped.
	}
}

// A guess that passed the lock's check while wrong guesses locked the code
// must not be let in afterwards: otherwise a burst of concurrent requests
// (a botnet's 10,000 serials of a known birth date) is compared in full,
// and the five-failure bound is no bound at all.
func TestAGuessRacingTheLockIsRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		e, _ := guardedEngine(t, db)
		holdClaimReads(t, db)
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		g := &gate{arrived: make(chan struct{}, 1), open: make(chan struct{})}
		type answer struct {
			c   domain.Claim
			err error
		}
		done := make(chan answer, 1)
		go func() {
			got, err := e.Identify(context.WithValue(context.Background(), gateKey{}, g), c.Code, c.Heir.NIK)
			done <- answer{got, err}
		}()
		<-g.arrived // the right NIK has passed the lock's check
		for i := 1; i <= 5; i++ {
			_, err := e.Identify(context.Background(), c.Code, "3324150101500009")
			if i == 5 && !errors.Is(err, domain.ErrTrackingLocked) {
				t.Fatalf("fifth wrong NIK: %v, want the lock", err)
			}
		}
		close(g.open)
		a := <-done
		if !errors.Is(a.err, domain.ErrTrackingLocked) {
			t.Fatalf("a guess that raced five wrong ones: claim %d, %v; want the lock", a.c.ID, a.err)
		}
	})
}
