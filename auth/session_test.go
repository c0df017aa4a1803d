package auth_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"santunan/auth"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

// lastUsed reads a user's only token's last_used_at straight from the table.
func lastUsed(t *testing.T, db *database.DB, userID int64) time.Time {
	t.Helper()
	var rows []struct {
		LastUsedAt time.Time
	}
	if err := db.Write.Table("api_tokens").Select("last_used_at").Where("user_id = ?", userID).Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 {
		t.Fatalf("user %d has %d tokens, want 1", userID, len(rows))
	}
	return rows[0].LastUsedAt.UTC()
}

func TestWebSessionEndsWhenIdle(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		e.createUser(t, "budi", domain.RoleTreasurer)
		sess, err := e.svc.LoginWeb(ctx, "budi", userPassword, testIP)
		if err != nil {
			t.Fatal(err)
		}
		// Each use within the idle limit keeps the session alive, well past
		// the idle limit in total.
		for i := 0; i < 4; i++ {
			e.clock.Advance(auth.DefaultSessionIdle - time.Minute)
			if _, err := e.svc.AuthenticateWeb(ctx, sess.Token); err != nil {
				t.Fatalf("use %d within the idle limit: %v", i+1, err)
			}
		}
		e.clock.Advance(auth.DefaultSessionIdle)
		_, err = e.svc.AuthenticateWeb(ctx, sess.Token)
		wantUnauthenticated(t, err)
		wantUnauthenticated(t, e.svc.Logout(ctx, sess.Token, testIP))
	})
}

func TestAPITokenHasNoIdleLimit(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		sess := e.login(t, "admin", adminPassword)
		e.clock.Advance(11 * time.Hour)
		if _, err := e.svc.Authenticate(context.Background(), sess.Token); err != nil {
			t.Fatalf("API token after 11h unused: %v", err)
		}
	})
}

func TestTokenKindsAreNotInterchangeable(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		api := e.login(t, "admin", adminPassword)
		web, err := e.svc.LoginWeb(ctx, "admin", adminPassword, testIP)
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.Authenticate(ctx, web.Token)
		wantUnauthenticated(t, err)
		_, err = e.svc.AuthenticateWeb(ctx, api.Token)
		wantUnauthenticated(t, err)
		if u, err := e.svc.AuthenticateWeb(ctx, web.Token); err != nil || u.Username != "admin" || u.Role != domain.RoleAdmin {
			t.Fatalf("AuthenticateWeb = %+v, %v", u, err)
		}
		evs, err := eventsOf(ctx, e.svc, "admin", 10)
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]bool{}
		for _, ev := range evs {
			if ev.Kind == auth.EventLoginSuccess {
				kinds[ev.Reason] = true
			}
		}
		if !kinds["api"] || !kinds["web"] {
			t.Fatalf("login events do not tell the kinds apart: %+v", evs)
		}
	})
}

// last_used_at moves at most once a minute: a page view is not a write.
func TestSessionUseIsWrittenAtMostOnceAMinute(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		sess, err := e.svc.LoginWeb(ctx, "budi", userPassword, testIP)
		if err != nil {
			t.Fatal(err)
		}
		start := e.clock.Now().UTC().Truncate(time.Microsecond)
		if got := lastUsed(t, db, u.ID); !got.Equal(start) {
			t.Fatalf("last_used_at after login = %v, want %v", got, start)
		}
		e.clock.Advance(59 * time.Second)
		if _, err := e.svc.AuthenticateWeb(ctx, sess.Token); err != nil {
			t.Fatal(err)
		}
		if got := lastUsed(t, db, u.ID); !got.Equal(start) {
			t.Fatalf("last_used_at moved after 59s: %v", got)
		}
		e.clock.Advance(time.Second)
		if _, err := e.svc.AuthenticateWeb(ctx, sess.Token); err != nil {
			t.Fatal(err)
		}
		if got, want := lastUsed(t, db, u.ID), start.Add(time.Minute); !got.Equal(want) {
			t.Fatalf("last_used_at = %v, want %v", got, want)
		}
	})
}

func TestShortIdleLimit(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		svc := auth.New(db, auth.Options{BcryptCost: bcrypt.MinCost, Now: e.clock.Now, SessionIdle: 2 * time.Minute})
		sess, err := svc.LoginWeb(ctx, "admin", adminPassword, testIP)
		if err != nil {
			t.Fatal(err)
		}
		// With a 2m limit, use is noted every 12s, so steady use at 90s
		// intervals keeps the session.
		for i := 0; i < 3; i++ {
			e.clock.Advance(90 * time.Second)
			if _, err := svc.AuthenticateWeb(ctx, sess.Token); err != nil {
				t.Fatalf("use %d: %v", i+1, err)
			}
		}
		e.clock.Advance(2 * time.Minute)
		_, err = svc.AuthenticateWeb(ctx, sess.Token)
		wantUnauthenticated(t, err)
	})
}

func TestConcurrentUseOfOneSession(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		sess, err := e.svc.LoginWeb(ctx, "budi", userPassword, testIP)
		if err != nil {
			t.Fatal(err)
		}
		e.clock.Advance(5 * time.Minute)
		const requests = 16
		var wg sync.WaitGroup
		errs := make(chan error, requests)
		for i := 0; i < requests; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := e.svc.AuthenticateWeb(ctx, sess.Token)
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("concurrent use: %v", err)
			}
		}
		if got, want := lastUsed(t, db, u.ID), e.clock.Now().UTC().Truncate(time.Microsecond); !got.Equal(want) {
			t.Fatalf("last_used_at = %v, want %v", got, want)
		}
	})
}
