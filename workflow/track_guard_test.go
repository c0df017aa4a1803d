package workflow_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// clock is a settable clock for an engine's TrackingGuard.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// guardedEngine is an engine on db with the default guard and its own clock.
func guardedEngine(t *testing.T, db *database.DB) (*workflow.Engine, *clock) {
	clk := &clock{now: fixture.Now}
	opts := fixture.EngineOptions(t)
	opts.Now = clk.Now
	return workflow.New(db, opts), clk
}

func TestIdentifyReadsCodesAndNIKsAsTyped(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		body := c.Code[4:8] + c.Code[9:] // the eight characters after SKM-
		nik := c.Heir.NIK
		grouped := nik[:4] + " " + nik[4:8] + " " + nik[8:12] + " " + nik[12:]
		dotted := nik[:4] + "." + nik[4:8] + "." + nik[8:12] + "." + nik[12:]
		for _, in := range []struct{ code, nik string }{
			{"SKM" + body, nik},
			{"SKM " + body[:4] + " " + body[4:], grouped},
			{lower(c.Code), dotted},
			{" " + lower("skm"+body) + " ", " " + grouped + " "},
		} {
			got, err := b.engine.Identify(context.Background(), in.code, in.nik)
			if err != nil || got.ID != c.ID {
				t.Errorf("Identify(%q, %q) = %d, %v; want claim %d", in.code, in.nik, got.ID, err, c.ID)
			}
		}
	})
}

func TestWrongNIKsLockTheCode(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		e, clk := guardedEngine(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		// A real code and an unknown one answer alike, step by step.
		for _, code := range []string{c.Code, "SKM-0000-0000"} {
			for i := 1; i <= 4; i++ {
				if _, err := e.Identify(ctx, code, "3324150101500009"); !errors.Is(err, domain.ErrNotFound) {
					t.Fatalf("%s wrong NIK %d: %v, want not found", code, i, err)
				}
			}
			var locked *domain.TrackingLockedError
			_, err := e.Identify(ctx, code, "3324150101500009")
			if !errors.As(err, &locked) || !locked.Locking || !locked.Until.Equal(clk.Now().Add(time.Hour)) || locked.RetryAfter() != time.Hour {
				t.Fatalf("%s fifth wrong NIK: %v, want the lock starting for an hour", code, err)
			}
			// The right NIK is refused as well while the lock lasts, in
			// any of its forms, and that refusal starts nothing.
			_, err = e.Identify(ctx, lower(code), c.Heir.NIK)
			if !errors.As(err, &locked) || locked.Locking {
				t.Fatalf("%s right NIK while locked: %v, want the lock", code, err)
			}
		}
		clk.Advance(59 * time.Minute)
		if _, err := e.Identify(ctx, c.Code, c.Heir.NIK); !errors.Is(err, domain.ErrTrackingLocked) {
			t.Fatalf("after 59 minutes: %v, want still locked", err)
		}
		clk.Advance(time.Minute)
		if got, err := e.Identify(ctx, c.Code, c.Heir.NIK); err != nil || got.ID != c.ID {
			t.Fatalf("after the hour: %v, want the claim", err)
		}
		// The failures were paid for by the lock: one more does not lock.
		if _, err := e.Identify(ctx, c.Code, "3324150101500009"); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("first wrong NIK after the lock: %v, want not found", err)
		}
	})
}

// The right NIK does not forgive the wrong ones before it, and failures
// older than the window are forgotten.
func TestTrackingGuardCountsWithinItsWindow(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		e, clk := guardedEngine(t, db)
		ctx := context.Background()
		c := b.claimIn(t, 1, domain.StatusSubmitted)
		wrong := func(n int) error {
			var err error
			for range n {
				_, err = e.Identify(ctx, c.Code, "3324150101500009")
			}
			return err
		}
		if err := wrong(4); !errors.Is(err, domain.ErrNotFound) {
			t.Fatal(err)
		}
		clk.Advance(time.Hour) // the window has passed: four forgotten
		if err := wrong(3); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("three after the window: %v, want not found", err)
		}
		if _, err := e.Identify(ctx, c.Code, c.Heir.NIK); err != nil {
			t.Fatal(err)
		}
		if err := wrong(2); !errors.Is(err, domain.ErrTrackingLocked) {
			t.Fatalf("five in the window with a right one between: %v, want locked", err)
		}
	})
}

// A malformed code can belong to no claim: it is refused without counting.
func TestMalformedCodesLockNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		e, _ := guardedEngine(t, db)
		for range 6 {
			if _, err := e.Identify(context.Background(), "SKM-UUUU", "3324150101500009"); !errors.Is(err, domain.ErrNotFound) {
				t.Fatalf("malformed code: %v, want not found", err)
			}
		}
		var n int64
		if err := b.db.Read.Table("tracking_guesses").Count(&n).Error; err != nil || n != 0 {
			t.Fatalf("%d rows, %v; want none", n, err)
		}
	})
}
