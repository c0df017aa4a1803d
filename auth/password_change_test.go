package auth_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"santunan/auth"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

func wantField(t *testing.T, err error, field, code string) {
	t.Helper()
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || ve.Fields[field] != code {
		t.Fatalf("err = %v, want %s=%s", err, field, code)
	}
}

// Every password someone else sets is one-time: the bootstrap admin's,
// given or generated, a new user's and a reset one.
func TestPasswordsSetBySomeoneElseAreOneTime(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		admin := e.login(t, "admin", adminPassword)
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		sess := e.login(t, "budi", userPassword)
		if !admin.User.PasswordChangeRequired || !u.PasswordChangeRequired || !sess.User.PasswordChangeRequired {
			t.Fatalf("admin %+v, new user %+v, its session %+v: want each to need a password change", admin.User, u, sess.User)
		}
		if got, err := e.svc.Authenticate(ctx, sess.Token); err != nil || !got.PasswordChangeRequired {
			t.Fatalf("Authenticate = %+v, %v", got, err)
		}
		changed, err := e.svc.ChangePassword(ctx, u.Actor(), auth.PasswordChange{Current: userPassword, New: "budi-sendiri-1", KeepToken: sess.Token}, testIP)
		if err != nil || changed.PasswordChangeRequired {
			t.Fatalf("ChangePassword = %+v, %v", changed, err)
		}
		if got, err := e.svc.Authenticate(ctx, sess.Token); err != nil || got.PasswordChangeRequired {
			t.Fatalf("the session that changed it: %+v, %v", got, err)
		}
		if s := e.login(t, "budi", "budi-sendiri-1"); s.User.PasswordChangeRequired {
			t.Fatal("the user's own password is one-time too")
		}
		if err := e.svc.ResetPassword(ctx, e.admin, u.ID, "dari-admin-lagi", testIP); err != nil {
			t.Fatal(err)
		}
		if s := e.login(t, "budi", "dari-admin-lagi"); !s.User.PasswordChangeRequired {
			t.Fatal("a reset password is not one-time")
		}

		fresh := newService(testdb.SQLite(t), e.clock)
		_, generated, err := fresh.EnsureAdmin(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		if s, err := fresh.Login(ctx, "admin", generated, testIP); err != nil || !s.User.PasswordChangeRequired {
			t.Fatalf("login with the generated password: %+v, %v", s.User, err)
		}
	})
}

func TestChangePasswordChecks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		change := func(current, fresh string) error {
			_, err := e.svc.ChangePassword(ctx, u.Actor(), auth.PasswordChange{Current: current, New: fresh}, testIP)
			return err
		}
		wantField(t, change("", "budi-sendiri-1"), "current_password", domain.ViolationRequired)
		wantField(t, change(userPassword, "pendek"), "new_password", domain.ViolationPasswordTooShort)
		wantField(t, change(userPassword, userPassword), "new_password", domain.ViolationPasswordUnchanged)
		wantField(t, change("wrong-password", "budi-sendiri-1"), "current_password", domain.ViolationPasswordWrong)
		// Nothing changed: the one-time password still signs in, once more.
		if s := e.login(t, "budi", userPassword); !s.User.PasswordChangeRequired {
			t.Fatal("a refused change cleared the one-time flag")
		}
		// A wrong current password is a failed login: five lock this client
		// (counted from the last login).
		for range 4 {
			wantField(t, change("wrong-password", "budi-sendiri-1"), "current_password", domain.ViolationPasswordWrong)
		}
		wantLocked(t, change("wrong-password", "budi-sendiri-1"), e.clock.Now().Add(15*time.Minute))
		wantLocked(t, change(userPassword, "budi-sendiri-1"), e.clock.Now().Add(15*time.Minute))
		evs, err := eventsOf(ctx, e.svc, "budi", 2)
		if err != nil {
			t.Fatal(err)
		}
		if evs[0].Kind != auth.EventLoginLocked || evs[1].Kind != auth.EventPasswordChangeFailure || evs[1].ActorID != u.ID {
			t.Fatalf("events = %+v", evs)
		}
	})
}

// The change keeps the session that made it and ends every other one.
func TestChangePasswordEndsTheOtherSessions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		here := e.login(t, "budi", userPassword)
		there, err := e.svc.LoginWeb(ctx, "budi", userPassword, "10.9.9.9")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.ChangePassword(ctx, u.Actor(), auth.PasswordChange{Current: userPassword, New: "budi-sendiri-1", KeepToken: here.Token}, testIP); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.Authenticate(ctx, here.Token); err != nil {
			t.Fatalf("the session that changed it: %v", err)
		}
		_, err = e.svc.AuthenticateWeb(ctx, there.Token)
		wantUnauthenticated(t, err)
		if live, revoked := tokenCounts(t, db, u.ID); live != 1 || revoked != 1 {
			t.Fatalf("tokens live %d, revoked %d", live, revoked)
		}
	})
}

// A disabled user changes nothing, whatever they know.
func TestChangePasswordOfADisabledUserIsRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		if _, err := e.svc.SetActive(ctx, e.admin, u.ID, false, testIP); err != nil {
			t.Fatal(err)
		}
		_, err := e.svc.ChangePassword(ctx, u.Actor(), auth.PasswordChange{Current: userPassword, New: "budi-sendiri-1"}, testIP)
		wantUnauthenticated(t, err)
	})
}
