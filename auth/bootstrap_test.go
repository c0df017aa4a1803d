package auth_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"santunan/auth"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

func TestEnsureAdminCreatesOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		svc := newService(db, newClock())
		created, generated, err := svc.EnsureAdmin(ctx, "")
		if err != nil || !created || len(generated) < 20 {
			t.Fatalf("EnsureAdmin = %t, %q, %v", created, generated, err)
		}
		sess, err := svc.Login(ctx, "admin", generated, testIP)
		if err != nil {
			t.Fatalf("login with the generated password: %v", err)
		}
		if u := sess.User; u.Role != domain.RoleAdmin || u.FullName != "Administrator" || !u.Active {
			t.Fatalf("admin = %+v", u)
		}

		created, generated, err = svc.EnsureAdmin(ctx, "")
		if err != nil || created || generated != "" {
			t.Fatalf("second EnsureAdmin = %t, %q, %v", created, generated, err)
		}
		if users, _ := svc.ListUsers(ctx); len(users) != 1 {
			t.Fatalf("users = %+v", users)
		}
	})
}

func TestEnsureAdminWithGivenPassword(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		svc := newService(db, newClock())
		_, _, err := svc.EnsureAdmin(ctx, "short")
		if !errors.Is(err, domain.ErrValidation) {
			t.Fatalf("short password: err = %v, want ErrValidation", err)
		}
		created, generated, err := svc.EnsureAdmin(ctx, adminPassword)
		if err != nil || !created || generated != "" {
			t.Fatalf("EnsureAdmin = %t, %q, %v", created, generated, err)
		}
		if _, err := svc.Login(ctx, "admin", adminPassword, testIP); err != nil {
			t.Fatal(err)
		}
	})
}

func TestEnsureAdminLeavesExistingUsersAlone(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		svc := newService(db, newClock())
		// An installation whose users were created some other way (an import).
		actor := domain.Actor{UserID: 1, Username: "import", Role: domain.RoleAdmin}
		if _, err := svc.CreateUser(ctx, actor, validNewUser(), testIP); err != nil {
			t.Fatal(err)
		}
		created, generated, err := svc.EnsureAdmin(ctx, "")
		if err != nil || created || generated != "" {
			t.Fatalf("EnsureAdmin = %t, %q, %v", created, generated, err)
		}
	})
}

func TestEnsureAdminConcurrently(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		const servers = 8
		c := newClock()
		var (
			wg      sync.WaitGroup
			mu      sync.Mutex
			created []string
			errs    []error
		)
		start := make(chan struct{})
		for i := 0; i < servers; i++ {
			svc := newService(db, c) // each goroutine is a server starting up
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				ok, generated, err := svc.EnsureAdmin(context.Background(), "")
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
				}
				if ok {
					created = append(created, generated)
				}
			}()
		}
		close(start)
		wg.Wait()
		if len(errs) > 0 {
			t.Fatalf("errors: %v", errs)
		}
		if len(created) != 1 {
			t.Fatalf("%d servers created an admin, want 1", len(created))
		}
		svc := newService(db, c)
		if users, _ := svc.ListUsers(context.Background()); len(users) != 1 {
			t.Fatalf("users = %+v", users)
		}
		evs, _ := eventsOf(context.Background(), svc, "admin", 0)
		if len(evs) != 1 || evs[0].Kind != auth.EventAdminBootstrapped {
			t.Fatalf("events = %+v", evs)
		}
		if _, err := svc.Login(context.Background(), "admin", created[0], testIP); err != nil {
			t.Fatalf("the winner's password does not log in: %v", err)
		}
	})
}
