package auth_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"santunan/auth"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

// failFrom makes n failed logins from ip and checks each is refused as
// unauthenticated.
func failFrom(t *testing.T, svc *auth.Service, username, ip string, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if _, err := svc.Login(context.Background(), username, "wrong-password", ip); !errors.Is(err, domain.ErrUnauthenticated) {
			t.Fatalf("failure %d from %s: err = %v, want ErrUnauthenticated", i+1, ip, err)
		}
	}
}

// wantThrottled checks that err slows the username down for delay from now.
func wantThrottled(t *testing.T, err error, now time.Time, delay time.Duration) {
	t.Helper()
	var te *auth.ThrottledError
	if !errors.Is(err, domain.ErrThrottled) || !errors.As(err, &te) {
		t.Fatalf("err = %v, want *ThrottledError", err)
	}
	if want := now.UTC().Truncate(time.Microsecond).Add(delay); !te.Until.Equal(want) || te.RetryAfter() != delay {
		t.Fatalf("slowed down until %v (retry after %v), want %v (%v)", te.Until, te.RetryAfter(), want, delay)
	}
}

// A stranger guessing from one address locks only that address out of
// the username: the owner, elsewhere, signs in as ever.
func TestStrangerLocksOutOnlyTheirOwnClient(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		e.createUser(t, "budi", domain.RoleTreasurer)
		const stranger, office = "198.51.100.66", "10.20.30.40"
		failFrom(t, e.svc, "budi", stranger, 4)
		_, err := e.svc.Login(ctx, "budi", "wrong-password", stranger)
		wantLocked(t, err, e.clock.Now().Add(15*time.Minute))
		_, err = e.svc.Login(ctx, "budi", userPassword, stranger)
		wantLocked(t, err, e.clock.Now().Add(15*time.Minute))
		if _, err := e.svc.Login(ctx, "budi", userPassword, office); err != nil {
			t.Fatalf("the owner from the office: %v", err)
		}
		// Repeating it every 15 minutes never reaches the owner either.
		for range 4 {
			e.clock.Advance(15 * time.Minute)
			failFrom(t, e.svc, "budi", stranger, 4)
			_, err = e.svc.Login(ctx, "budi", "wrong-password", stranger)
			wantLocked(t, err, e.clock.Now().Add(15*time.Minute))
		}
		if _, err := e.svc.Login(ctx, "budi", userPassword, office); err != nil {
			t.Fatalf("the owner after an hour of attack: %v", err)
		}
	})
}

// IPv6 clients are counted by their /64: a subscriber who holds one cannot
// buy fresh attempts by changing addresses inside it.
func TestIPv6ClientsCountByTheirSlash64(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		e.createUser(t, "budi", domain.RoleTreasurer)
		for i := range 4 {
			failFrom(t, e.svc, "budi", fmt.Sprintf("2001:db8:aa:bb::%x", i+1), 1)
		}
		_, err := e.svc.Login(context.Background(), "budi", "wrong-password", "2001:db8:aa:bb:ffff::9")
		wantLocked(t, err, e.clock.Now().Add(15*time.Minute))
		_, err = e.svc.Login(context.Background(), "budi", userPassword, "2001:db8:aa:bb::77")
		wantLocked(t, err, e.clock.Now().Add(15*time.Minute))
		// The next /64 is another client.
		if _, err := e.svc.Login(context.Background(), "budi", userPassword, "2001:db8:aa:bc::1"); err != nil {
			t.Fatal(err)
		}
	})
}

// Guesses from many addresses slow the username down: past ten failures
// every attempt from a new client waits, twice as long after each further
// failure, up to ten minutes. A client the owner signed in from is spared,
// and an unknown username is treated exactly the same.
func TestManyClientsSlowTheUsernameDown(t *testing.T) {
	for _, username := range []string{"budi", "nobody"} {
		t.Run(username, func(t *testing.T) {
			testdb.Each(t, func(t *testing.T, db *database.DB) {
				e := setup(t, db)
				ctx := context.Background()
				e.createUser(t, "budi", domain.RoleTreasurer)
				const office = "10.20.30.40"
				if username == "budi" {
					e.login(t, "budi", userPassword) // from testIP
					if _, err := e.svc.Login(ctx, "budi", userPassword, office); err != nil {
						t.Fatal(err)
					}
				}
				bot := func(i int) string { return fmt.Sprintf("203.0.113.%d", i) }
				for i := range 9 {
					failFrom(t, e.svc, username, bot(i), 1)
				}
				// The tenth failure reaches the ceiling: one second for everyone.
				failFrom(t, e.svc, username, bot(9), 1)
				_, err := e.svc.Login(ctx, username, userPassword, bot(10))
				wantThrottled(t, err, e.clock.Now(), time.Second)
				wait := time.Second
				for i := 11; i < 20; i++ {
					e.clock.Advance(wait)
					failFrom(t, e.svc, username, bot(i), 1)
					wait *= 2
					_, err = e.svc.Login(ctx, username, userPassword, bot(100+i))
					wantThrottled(t, err, e.clock.Now(), wait)
				}
				e.clock.Advance(wait)
				failFrom(t, e.svc, username, bot(20), 1)
				_, err = e.svc.Login(ctx, username, userPassword, bot(200))
				wantThrottled(t, err, e.clock.Now(), 10*time.Minute)

				if username == "budi" {
					// The owner's clients are spared, even mid-attack.
					if _, err := e.svc.Login(ctx, "budi", userPassword, office); err != nil {
						t.Fatalf("the owner from the office: %v", err)
					}
					e.login(t, "budi", userPassword)
				}
				// A quiet window ends it.
				e.clock.Advance(15 * time.Minute)
				_, err = e.svc.Login(ctx, username, userPassword, bot(201))
				if username == "budi" && err != nil {
					t.Fatalf("after a quiet window: %v", err)
				}
				if username == "nobody" && (!errors.Is(err, domain.ErrUnauthenticated) || errors.Is(err, domain.ErrThrottled)) {
					t.Fatalf("after a quiet window: %v", err)
				}
			})
		})
	}
}

// A client the owner signed in from long ago is a stranger again.
func TestKnownClientsAreForgottenAfterThirtyDays(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		e.createUser(t, "budi", domain.RoleTreasurer)
		e.login(t, "budi", userPassword)
		e.clock.Advance(31 * 24 * time.Hour)
		for i := range 10 {
			failFrom(t, e.svc, "budi", fmt.Sprintf("203.0.113.%d", i), 1)
		}
		_, err := e.svc.Login(context.Background(), "budi", userPassword, testIP)
		wantThrottled(t, err, e.clock.Now(), time.Second)
	})
}

// The refusals are in the security log, with the client's address.
func TestRefusedLoginsAreLogged(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		for i := range 10 {
			failFrom(t, e.svc, "nobody", fmt.Sprintf("203.0.113.%d", i), 1)
		}
		_, _ = e.svc.Login(ctx, "nobody", "wrong-password", "198.51.100.1")
		evs, err := eventsOf(ctx, e.svc, "nobody", 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 1 || evs[0].Kind != auth.EventLoginThrottled || evs[0].IP != "198.51.100.1" || evs[0].UserID != 0 {
			t.Fatalf("events = %+v, want a login_throttled from 198.51.100.1", evs)
		}
	})
}
