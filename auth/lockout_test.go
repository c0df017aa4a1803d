package auth_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"santunan/auth"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

// fail makes n failed logins and checks each is refused as unauthenticated.
func fail(t *testing.T, svc *auth.Service, username string, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if _, err := svc.Login(context.Background(), username, "wrong-password", testIP); !errors.Is(err, domain.ErrUnauthenticated) {
			t.Fatalf("failure %d: err = %v, want ErrUnauthenticated", i+1, err)
		}
	}
}

func wantLocked(t *testing.T, err error, until time.Time) {
	t.Helper()
	var le *auth.LockedError
	if !errors.Is(err, domain.ErrLocked) || !errors.As(err, &le) {
		t.Fatalf("err = %v, want *LockedError", err)
	}
	if want := until.UTC().Truncate(time.Microsecond); !le.Until.Equal(want) {
		t.Fatalf("locked until %v, want %v", le.Until, want)
	}
}

func TestLockoutAfterFiveFailures(t *testing.T) {
	for _, username := range []string{"budi", "nobody"} {
		t.Run(username, func(t *testing.T) {
			testdb.Each(t, func(t *testing.T, db *database.DB) {
				e := setup(t, db)
				ctx := context.Background()
				e.createUser(t, "budi", domain.RoleTreasurer)
				fail(t, e.svc, username, 4)
				until := e.clock.Now().Add(15 * time.Minute)
				_, err := e.svc.Login(ctx, username, "wrong-password", testIP)
				wantLocked(t, err, until)

				// Locked: even the right password is refused, and the lock
				// does not move.
				e.clock.Advance(14 * time.Minute)
				_, err = e.svc.Login(ctx, username, userPassword, testIP)
				wantLocked(t, err, until)

				e.clock.Advance(time.Minute)
				if username == "budi" {
					e.login(t, "budi", userPassword)
				} else {
					fail(t, e.svc, username, 1)
				}
			})
		})
	}
}

func TestLockoutIgnoresFailuresOutsideWindow(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		e.createUser(t, "budi", domain.RoleTreasurer)
		fail(t, e.svc, "budi", 4)
		e.clock.Advance(15*time.Minute + time.Second)
		fail(t, e.svc, "budi", 4)
		e.login(t, "budi", userPassword)
	})
}

func TestSuccessfulLoginResetsFailureCount(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		e.createUser(t, "budi", domain.RoleTreasurer)
		fail(t, e.svc, "budi", 4)
		e.login(t, "budi", userPassword) // same instant as the failures
		fail(t, e.svc, "budi", 4)
		e.login(t, "budi", userPassword)
	})
}

func TestFailuresBeforeALockAreNotCountedAgain(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		// A window longer than the lock: without counting from the end of
		// the lock, the first failure after it would lock again at once.
		svc := auth.New(db, auth.Options{BcryptCost: bcrypt.MinCost, Now: e.clock.Now, LockoutWindow: time.Hour})
		e.createUser(t, "budi", domain.RoleTreasurer)
		fail(t, svc, "budi", 4)
		_, err := svc.Login(ctx, "budi", "wrong-password", testIP)
		wantLocked(t, err, e.clock.Now().Add(15*time.Minute))
		e.clock.Advance(15 * time.Minute)
		fail(t, svc, "budi", 4)
		until := e.clock.Now().Add(15 * time.Minute)
		_, err = svc.Login(ctx, "budi", "wrong-password", testIP)
		wantLocked(t, err, until)
	})
}

func TestLockoutIsSharedThroughTheDatabase(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		e.createUser(t, "budi", domain.RoleTreasurer)
		other := newService(db, e.clock) // a second server on the same database
		fail(t, e.svc, "budi", 2)
		fail(t, other, "budi", 2)
		_, err := e.svc.Login(context.Background(), "budi", "wrong-password", testIP)
		wantLocked(t, err, e.clock.Now().Add(15*time.Minute))
		_, err = other.Login(context.Background(), "budi", userPassword, testIP)
		wantLocked(t, err, e.clock.Now().Add(15*time.Minute))
		// Other usernames are not affected.
		e.login(t, "admin", adminPassword)
	})
}

func TestConcurrentFailuresLockExactlyAtThreshold(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		e.createUser(t, "budi", domain.RoleTreasurer)
		const n = 5
		errs := make(chan error, n)
		for i := 0; i < n; i++ {
			svc := newService(db, e.clock)
			go func() {
				_, err := svc.Login(context.Background(), "budi", "wrong-password", testIP)
				errs <- err
			}()
		}
		locked := 0
		for i := 0; i < n; i++ {
			err := <-errs
			switch {
			case errors.Is(err, domain.ErrLocked):
				locked++
			case !errors.Is(err, domain.ErrUnauthenticated):
				t.Fatalf("err = %v", err)
			}
		}
		if locked != 1 {
			t.Fatalf("%d of %d concurrent failures reported the lock, want 1", locked, n)
		}
		_, err := e.svc.Login(context.Background(), "budi", userPassword, testIP)
		wantLocked(t, err, e.clock.Now().Add(15*time.Minute))
	})
}
