package auth_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"santunan/auth"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

func validNewUser() auth.NewUser {
	return auth.NewUser{Username: "siti.r", FullName: "Siti Rahayu", Role: domain.RoleDukcapilClerk, Password: userPassword}
}

func TestCreateUserValidation(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*auth.NewUser)
		field string
		code  string
	}{
		{"username too short", func(u *auth.NewUser) { u.Username = "ab" }, "username", "username_invalid"},
		{"username too long", func(u *auth.NewUser) { u.Username = strings.Repeat("a", 33) }, "username", "username_invalid"},
		{"username with space", func(u *auth.NewUser) { u.Username = "siti r" }, "username", "username_invalid"},
		{"username with non-ASCII", func(u *auth.NewUser) { u.Username = "sití" }, "username", "username_invalid"},
		{"username with symbol", func(u *auth.NewUser) { u.Username = "siti@kendal" }, "username", "username_invalid"},
		{"username empty", func(u *auth.NewUser) { u.Username = "   " }, "username", "username_invalid"},
		{"full name empty", func(u *auth.NewUser) { u.FullName = " \t " }, "full_name", "required"},
		{"full name too long", func(u *auth.NewUser) { u.FullName = strings.Repeat("é", 101) }, "full_name", "name_too_long"},
		{"full name control char", func(u *auth.NewUser) { u.FullName = "Siti\u202eRahayu" }, "full_name", "invalid_characters"},
		{"role empty", func(u *auth.NewUser) { u.Role = "" }, "role", "role_invalid"},
		{"role unknown", func(u *auth.NewUser) { u.Role = "superuser" }, "role", "role_invalid"},
		{"password too short", func(u *auth.NewUser) { u.Password = "123456789" }, "password", "password_too_short"},
		{"password too long", func(u *auth.NewUser) { u.Password = strings.Repeat("x", 73) }, "password", "password_too_long"},
	}
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				in := validNewUser()
				tc.edit(&in)
				_, err := e.svc.CreateUser(context.Background(), e.admin, in, testIP)
				var ve *domain.ValidationError
				if !errors.As(err, &ve) || !errors.Is(err, domain.ErrValidation) {
					t.Fatalf("err = %v, want a validation error", err)
				}
				if len(ve.Fields) != 1 || ve.Fields[tc.field] != tc.code {
					t.Fatalf("fields = %v, want %s=%s", ve.Fields, tc.field, tc.code)
				}
			})
		}
		users, err := e.svc.ListUsers(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(users) != 1 {
			t.Fatalf("invalid input created users: %v", users)
		}
	})
}

func TestCreateUserReportsEveryBadField(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		_, err := e.svc.CreateUser(context.Background(), e.admin, auth.NewUser{Username: "x", Password: "short"}, testIP)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("err = %v", err)
		}
		want := map[string]string{"username": "username_invalid", "full_name": "required", "role": "role_invalid", "password": "password_too_short"}
		for f, code := range want {
			if ve.Fields[f] != code {
				t.Errorf("%s = %q, want %q", f, ve.Fields[f], code)
			}
		}
	})
}

func TestCreateUserNormalizes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		in := validNewUser()
		in.Username, in.FullName = "  Siti.R_01-k ", "  Siti \n Rahayu "
		u, err := e.svc.CreateUser(context.Background(), e.admin, in, testIP)
		if err != nil {
			t.Fatal(err)
		}
		if u.Username != "siti.r_01-k" || u.FullName != "Siti Rahayu" || !u.Active || u.Role != domain.RoleDukcapilClerk {
			t.Fatalf("user = %+v", u)
		}
		if want := e.clock.Now().UTC().Truncate(time.Microsecond); !u.CreatedAt.Equal(want) || u.CreatedAt.Location().String() != "UTC" {
			t.Fatalf("created_at = %v, want %v in UTC", u.CreatedAt, want)
		}
		got, err := e.svc.GetUser(context.Background(), u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got != u {
			t.Fatalf("GetUser = %+v, want %+v", got, u)
		}
	})
}

func TestCreateUserDuplicateUsername(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		e.createUser(t, "budi", domain.RoleTreasurer)
		in := validNewUser()
		in.Username = " BUDI "
		_, err := e.svc.CreateUser(context.Background(), e.admin, in, testIP)
		if !errors.Is(err, domain.ErrDuplicateUsername) {
			t.Fatalf("err = %v, want ErrDuplicateUsername", err)
		}
	})
}

func TestUserManagementNeedsAdmin(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		target := e.createUser(t, "target", domain.RoleTreasurer)
		for _, role := range []domain.Role{domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor, "", "ADMIN"} {
			actor := domain.Actor{UserID: target.ID, Username: "target", Role: role}
			ops := map[string]func() error{
				"create": func() error {
					_, err := e.svc.CreateUser(ctx, actor, validNewUser(), testIP)
					return err
				},
				"disable": func() error {
					_, err := e.svc.SetActive(ctx, actor, e.admin.UserID, false, testIP)
					return err
				},
				"reset": func() error { return e.svc.ResetPassword(ctx, actor, e.admin.UserID, "new-password-1", testIP) },
			}
			for name, op := range ops {
				if err := op(); !errors.Is(err, domain.ErrForbidden) {
					t.Errorf("%s by %q: err = %v, want ErrForbidden", name, role, err)
				}
			}
		}
		// Nothing changed: the admin still signs in with the old password.
		e.login(t, "admin", adminPassword)
		if users, _ := e.svc.ListUsers(ctx); len(users) != 2 {
			t.Fatalf("users = %v", users)
		}
	})
}

func TestListAndGetUsers(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		for _, name := range []string{"zaenal", "budi", "citra"} {
			e.createUser(t, name, domain.RoleAuditor)
		}
		users, err := e.svc.ListUsers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, u := range users {
			names = append(names, u.Username)
		}
		if got := strings.Join(names, ","); got != "admin,budi,citra,zaenal" {
			t.Fatalf("ListUsers order = %s", got)
		}
		if _, err := e.svc.GetUser(ctx, 987654); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("GetUser(missing) err = %v, want ErrNotFound", err)
		}
		if _, err := e.svc.SetActive(ctx, e.admin, 987654, false, testIP); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("SetActive(missing) err = %v, want ErrNotFound", err)
		}
		if err := e.svc.ResetPassword(ctx, e.admin, 987654, "new-password-1", testIP); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("ResetPassword(missing) err = %v, want ErrNotFound", err)
		}
	})
}

func TestAdminCannotDisableSelf(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		_, err := e.svc.SetActive(context.Background(), e.admin, e.admin.UserID, false, testIP)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || ve.Fields["active"] != "cannot_disable_self" {
			t.Fatalf("err = %v, want active=cannot_disable_self", err)
		}
		e.login(t, "admin", adminPassword)
	})
}

func TestResetPasswordValidates(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		err := e.svc.ResetPassword(context.Background(), e.admin, u.ID, "short", testIP)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || ve.Fields["password"] != "password_too_short" {
			t.Fatalf("err = %v, want password=password_too_short", err)
		}
		e.login(t, "budi", userPassword)
	})
}

// A change to a user is applied whole or not at all: a bad part refuses
// the rest before anything is written.
func TestUpdateUserAppliesAllOrNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		sess := e.login(t, "admin", adminPassword)
		before, _ := eventsOf(ctx, e.svc, "", 0)
		newPassword, off := "a-new-password-1", false
		_, err := e.svc.UpdateUser(ctx, e.admin, e.admin.UserID, auth.UserChange{Password: &newPassword, Active: &off}, testIP)
		wantField(t, err, "active", domain.ViolationCannotDisableSelf)
		short := "short"
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		budi := e.login(t, "budi", userPassword)
		_, err = e.svc.UpdateUser(ctx, e.admin, u.ID, auth.UserChange{Password: &short, Active: &off}, testIP)
		wantField(t, err, "password", domain.ViolationPasswordTooShort)
		_, err = e.svc.UpdateUser(ctx, e.admin, u.ID, auth.UserChange{}, testIP)
		wantField(t, err, "active", domain.ViolationRequired)

		// Nothing happened: old passwords, live tokens, active, no events.
		e.login(t, "admin", adminPassword)
		if _, err := e.svc.Authenticate(ctx, sess.Token); err != nil {
			t.Fatalf("the admin's token: %v", err)
		}
		if _, err := e.svc.Authenticate(ctx, budi.Token); err != nil {
			t.Fatalf("budi's token: %v", err)
		}
		after, _ := eventsOf(ctx, e.svc, "", 0)
		for _, ev := range after[:len(after)-len(before)] {
			if ev.Kind != auth.EventLoginSuccess && ev.Kind != auth.EventUserCreated {
				t.Fatalf("a refused change logged %+v", ev)
			}
		}

		// Both parts at once: both applied, both logged, tokens revoked.
		got, err := e.svc.UpdateUser(ctx, e.admin, u.ID, auth.UserChange{Password: &newPassword, Active: &off}, testIP)
		if err != nil || got.Active || !got.PasswordChangeRequired {
			t.Fatalf("UpdateUser = %+v, %v", got, err)
		}
		_, err = e.svc.Authenticate(ctx, budi.Token)
		wantUnauthenticated(t, err)
		evs, _ := eventsOf(ctx, e.svc, "budi", 2)
		if len(evs) != 2 || evs[0].Kind != auth.EventUserDisabled || evs[1].Kind != auth.EventPasswordReset || evs[1].ActorID != e.admin.UserID {
			t.Fatalf("events = %+v", evs)
		}
		on := true
		if _, err := e.svc.UpdateUser(ctx, e.admin, u.ID, auth.UserChange{Active: &on}, testIP); err != nil {
			t.Fatal(err)
		}
		e.login(t, "budi", newPassword)
	})
}

// The security log is the auditor's (and the admin's): other roles may not
// read it; it pages newest first by a cursor.
func TestSecurityEventsPageForTheAuditor(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		for _, r := range []domain.Role{domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer, ""} {
			if _, _, err := e.svc.SecurityEvents(ctx, domain.Actor{Role: r}, auth.EventQuery{}); !errors.Is(err, domain.ErrForbidden) {
				t.Errorf("role %q: err = %v, want ErrForbidden", r, err)
			}
		}
		fail(t, e.svc, "budi", 4)
		var seen []int64
		q := auth.EventQuery{Limit: 2}
		for {
			page, next, err := e.svc.SecurityEvents(ctx, e.admin, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, ev := range page {
				seen = append(seen, ev.ID)
			}
			if next == "" {
				break
			}
			q.Cursor = next
		}
		if len(seen) != 6 {
			t.Fatalf("paged through %v, want 6 events", seen)
		}
		for i := 1; i < len(seen); i++ {
			if seen[i] >= seen[i-1] {
				t.Fatalf("not newest first: %v", seen)
			}
		}
		for _, bad := range []auth.EventQuery{{Limit: -1}, {Limit: 201}, {Cursor: "nonsense"}, {Username: "no spaces"}} {
			if _, _, err := e.svc.SecurityEvents(ctx, e.admin, bad); !errors.Is(err, domain.ErrValidation) {
				t.Errorf("%+v: err = %v, want a validation error", bad, err)
			}
		}
	})
}
