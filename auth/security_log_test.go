package auth_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"santunan/auth"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

func TestSecurityEventsRecordEveryKind(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db) // admin_bootstrapped and a login_success
		ctx := context.Background()
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		sess := e.login(t, "budi", userPassword)
		if err := e.svc.Logout(ctx, sess.Token, testIP); err != nil {
			t.Fatal(err)
		}
		fail(t, e.svc, "budi", 4)
		_, _ = e.svc.Login(ctx, "budi", "wrong-password", testIP) // locks
		_, _ = e.svc.Login(ctx, "budi", userPassword, testIP)     // refused: locked
		if _, err := e.svc.SetActive(ctx, e.admin, u.ID, false, testIP); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.SetActive(ctx, e.admin, u.ID, true, testIP); err != nil {
			t.Fatal(err)
		}
		const newPassword = "a-brand-new-one"
		if err := e.svc.ResetPassword(ctx, e.admin, u.ID, newPassword, testIP); err != nil {
			t.Fatal(err)
		}

		events, err := eventsOf(ctx, e.svc, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		byKind := map[auth.EventKind]auth.SecurityEvent{}
		for i, ev := range events {
			if i > 0 && ev.ID >= events[i-1].ID {
				t.Fatalf("events not newest first: %d after %d", ev.ID, events[i-1].ID)
			}
			if _, seen := byKind[ev.Kind]; !seen {
				byKind[ev.Kind] = ev // the newest of each kind
			}
			for _, secret := range []string{userPassword, newPassword, adminPassword, sess.Token} {
				if strings.Contains(ev.Detail, secret) {
					t.Fatalf("event %+v leaks a secret", ev)
				}
			}
		}
		admin := e.admin.UserID
		want := []auth.SecurityEvent{
			{Kind: auth.EventAdminBootstrapped, Username: "admin", UserID: admin},
			{Kind: auth.EventLoginSuccess, Username: "budi", UserID: u.ID, ActorID: u.ID, IP: testIP},
			{Kind: auth.EventLogout, Username: "budi", UserID: u.ID, ActorID: u.ID, IP: testIP},
			{Kind: auth.EventLoginFailure, Username: "budi", UserID: u.ID, IP: testIP},
			{Kind: auth.EventLoginLocked, Username: "budi", IP: testIP},
			{Kind: auth.EventUserCreated, Username: "budi", UserID: u.ID, ActorID: admin, IP: testIP},
			{Kind: auth.EventUserDisabled, Username: "budi", UserID: u.ID, ActorID: admin, IP: testIP},
			{Kind: auth.EventUserEnabled, Username: "budi", UserID: u.ID, ActorID: admin, IP: testIP},
			{Kind: auth.EventPasswordReset, Username: "budi", UserID: u.ID, ActorID: admin, IP: testIP},
		}
		for _, w := range want {
			got, ok := byKind[w.Kind]
			if !ok {
				t.Errorf("no %s event", w.Kind)
				continue
			}
			if got.Username != w.Username || got.UserID != w.UserID || got.ActorID != w.ActorID || got.IP != w.IP {
				t.Errorf("%s = %+v, want username=%s user=%d actor=%d ip=%q", w.Kind, got, w.Username, w.UserID, w.ActorID, w.IP)
			}
			if !got.At.Equal(e.clock.Now().UTC().Truncate(time.Microsecond)) {
				t.Errorf("%s at %v, want the clock's time", w.Kind, got.At)
			}
		}
		if d := byKind[auth.EventLoginFailure].Detail; !strings.Contains(d, "locked for this client until") {
			t.Errorf("the locking failure's detail %q does not say so", d)
		}

		// Filter by username, with a limit.
		budi, err := eventsOf(ctx, e.svc, "BUDI", 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(budi) != 3 || budi[0].Kind != auth.EventPasswordReset {
			t.Fatalf("budi's latest 3 = %+v", budi)
		}
		for _, ev := range budi {
			if ev.Username != "budi" {
				t.Fatalf("filtered events include %+v", ev)
			}
		}
	})
}

func TestSecurityEventsCleanTheIP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		_, _ = e.svc.Login(ctx, "admin", "wrong-password", "10.0.0.1\x00\n"+strings.Repeat("9", 200)+"\xff")
		evs, err := eventsOf(ctx, e.svc, "admin", 1)
		if err != nil {
			t.Fatal(err)
		}
		if ip := evs[0].IP; !strings.HasPrefix(ip, "10.0.0.1") || len(ip) > 64 || strings.ContainsAny(ip, "\x00\n") {
			t.Fatalf("stored ip = %q", ip)
		}
	})
}

func TestSecurityEventsAreAppendOnly(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		if err := db.Write.Exec("UPDATE security_events SET detail = 'edited'").Error; err == nil {
			t.Fatal("UPDATE of security_events succeeded")
		}
		if err := db.Write.Exec("DELETE FROM security_events").Error; err == nil {
			t.Fatal("DELETE from security_events succeeded")
		}
		evs, err := eventsOf(context.Background(), e.svc, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 2 {
			t.Fatalf("events = %+v, want the bootstrap and the login", evs)
		}
		for _, ev := range evs {
			if ev.Detail == "edited" {
				t.Fatalf("event was edited: %+v", ev)
			}
		}
	})
}
