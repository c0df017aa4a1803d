package auth_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

func wantUnauthenticated(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, domain.ErrUnauthenticated) {
		t.Fatalf("err = %v, want ErrUnauthenticated", err)
	}
}

func TestAuthenticateRefusesUnknownTokens(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		sess := e.login(t, "admin", adminPassword)
		flipped := []byte(sess.Token)
		flipped[0] ^= 1
		for _, tok := range []string{"", "x", strings.Repeat("A", 43), string(flipped), sess.Token + "A", " " + sess.Token} {
			_, err := e.svc.Authenticate(context.Background(), tok)
			wantUnauthenticated(t, err)
		}
	})
}

func TestExpiredTokenRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		sess := e.login(t, "admin", adminPassword)
		e.clock.Advance(12*time.Hour - time.Second)
		if _, err := e.svc.Authenticate(context.Background(), sess.Token); err != nil {
			t.Fatalf("token refused before expiry: %v", err)
		}
		e.clock.Advance(time.Second)
		_, err := e.svc.Authenticate(context.Background(), sess.Token)
		wantUnauthenticated(t, err)
		wantUnauthenticated(t, e.svc.Logout(context.Background(), sess.Token, testIP))
	})
}

func TestLogoutRevokes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		first := e.login(t, "budi", userPassword)
		second := e.login(t, "budi", userPassword)
		if err := e.svc.Logout(ctx, first.Token, testIP); err != nil {
			t.Fatal(err)
		}
		_, err := e.svc.Authenticate(ctx, first.Token)
		wantUnauthenticated(t, err)
		wantUnauthenticated(t, e.svc.Logout(ctx, first.Token, testIP))
		// Only that session ends.
		if _, err := e.svc.Authenticate(ctx, second.Token); err != nil {
			t.Fatalf("other session: %v", err)
		}
		if live, revoked := tokenCounts(t, db, u.ID); live != 1 || revoked != 1 {
			t.Fatalf("tokens live=%d revoked=%d, want 1 and 1", live, revoked)
		}
	})
}

func TestDisablingUserKillsTokens(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		sess := e.login(t, "budi", userPassword)
		e.login(t, "budi", userPassword)

		got, err := e.svc.SetActive(ctx, e.admin, u.ID, false, testIP)
		if err != nil || got.Active {
			t.Fatalf("SetActive(false) = %+v, %v", got, err)
		}
		_, err = e.svc.Authenticate(ctx, sess.Token)
		wantUnauthenticated(t, err)
		if live, revoked := tokenCounts(t, db, u.ID); live != 0 || revoked != 2 {
			t.Fatalf("tokens live=%d revoked=%d, want 0 and 2", live, revoked)
		}
		_, err = e.svc.Login(ctx, "budi", userPassword, testIP)
		wantUnauthenticated(t, err)

		// Enabling again does not bring old tokens back; a new login works.
		if got, err := e.svc.SetActive(ctx, e.admin, u.ID, true, testIP); err != nil || !got.Active {
			t.Fatalf("SetActive(true) = %+v, %v", got, err)
		}
		_, err = e.svc.Authenticate(ctx, sess.Token)
		wantUnauthenticated(t, err)
		fresh := e.login(t, "budi", userPassword)
		if _, err := e.svc.Authenticate(ctx, fresh.Token); err != nil {
			t.Fatal(err)
		}
	})
}

func TestResetPasswordRevokesTokens(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		sess := e.login(t, "budi", userPassword)
		const newPassword = "a-brand-new-one"
		if err := e.svc.ResetPassword(ctx, e.admin, u.ID, newPassword, testIP); err != nil {
			t.Fatal(err)
		}
		_, err := e.svc.Authenticate(ctx, sess.Token)
		wantUnauthenticated(t, err)
		_, err = e.svc.Login(ctx, "budi", userPassword, testIP)
		wantUnauthenticated(t, err)
		fresh := e.login(t, "budi", newPassword)
		if got, err := e.svc.Authenticate(ctx, fresh.Token); err != nil || got.ID != u.ID {
			t.Fatalf("Authenticate = %+v, %v", got, err)
		}
	})
}
