package auth_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"santunan/auth"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

// tamper lets a test do what only someone going around the application
// could: edit and delete security events.
func tamper(t *testing.T, db *database.DB, statements ...string) {
	t.Helper()
	off := []string{"DROP TRIGGER security_events_no_update", "DROP TRIGGER security_events_no_delete"}
	if db.IsPostgres() {
		off = []string{"ALTER TABLE security_events DISABLE TRIGGER USER"}
	}
	for _, q := range append(off, statements...) {
		if err := db.Write.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func verifyLog(t *testing.T, svc *auth.Service) auth.SecurityLogReport {
	t.Helper()
	r, err := svc.VerifySecurityLog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// someEvents logs in, fails, creates, resets and disables, then returns
// how many events the log holds.
func someEvents(t *testing.T, e *env) int {
	t.Helper()
	ctx := context.Background()
	u := e.createUser(t, "budi", domain.RoleTreasurer)
	e.login(t, "budi", userPassword)
	fail(t, e.svc, "budi", 2)
	if err := e.svc.ResetPassword(ctx, e.admin, u.ID, "another-password-1", testIP); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.SetActive(ctx, e.admin, u.ID, false, testIP); err != nil {
		t.Fatal(err)
	}
	evs, err := eventsOf(ctx, e.svc, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(evs)
}

func TestSecurityLogIsHashChained(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		n := someEvents(t, e)
		r := verifyLog(t, e.svc)
		if !r.OK() || r.EventsChecked != n {
			t.Fatalf("report %+v, want %d events and no problem", r, n)
		}
		evs, _ := eventsOf(context.Background(), e.svc, "", 0)
		for i, ev := range evs[:len(evs)-1] {
			if len(ev.Hash) != 64 || ev.PrevHash != evs[i+1].Hash {
				t.Fatalf("event %d: prev_hash %s, hash %s; the one before has hash %s", ev.ID, ev.PrevHash, ev.Hash, evs[i+1].Hash)
			}
		}
		if first := evs[len(evs)-1]; first.PrevHash != strings.Repeat("0", 64) {
			t.Fatalf("first event's prev_hash = %s", first.PrevHash)
		}
	})
}

// Whoever edits, removes or slips in an event behind the application's
// back breaks the chain, and audit verify names the event.
func TestSecurityLogVerifyFindsTampering(t *testing.T) {
	cases := []struct {
		name    string
		sql     func(victim int64) string
		problem string
	}{
		{"detail edited", func(id int64) string {
			return fmt.Sprintf("UPDATE security_events SET detail = 'nothing to see' WHERE id = %d", id)
		}, "the event was altered"},
		{"actor rewritten", func(id int64) string {
			return fmt.Sprintf("UPDATE security_events SET actor_id = NULL WHERE id = %d", id)
		}, "the event was altered"},
		{"event removed", func(id int64) string {
			return fmt.Sprintf("DELETE FROM security_events WHERE id = %d", id)
		}, "prev_hash does not match"},
		{"event slipped in without a hash", func(int64) string {
			return "INSERT INTO security_events (at, kind, username) VALUES ('2025-03-10 08:00:00', 'login_success', 'budi')"
		}, "has no hash"},
		{"event of an unknown kind", func(int64) string {
			return "INSERT INTO security_events (at, kind, username) VALUES ('2025-03-10 08:00:00', 'backdoor', 'budi')"
		}, "unknown kind"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			testdb.Each(t, func(t *testing.T, db *database.DB) {
				e := setup(t, db)
				someEvents(t, e)
				evs, _ := eventsOf(context.Background(), e.svc, "", 0)
				victim := evs[len(evs)/2].ID
				tamper(t, db, tc.sql(victim))
				r := verifyLog(t, e.svc)
				if r.OK() || !strings.Contains(fmt.Sprint(r.Problems), tc.problem) {
					t.Fatalf("report %+v, want a problem %q", r, tc.problem)
				}
				if strings.HasPrefix(tc.name, "detail") && r.Problems[0].EventID != victim {
					t.Fatalf("problem at event %d, want %d", r.Problems[0].EventID, victim)
				}
			})
		})
	}
}

// Events written before the chain existed (an empty hash) are chained in place
// by the next append, so they are covered from then on.
func TestEventsFromBeforeTheChainAreChainedInPlace(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		for _, q := range []string{
			"INSERT INTO security_events (at, kind, username, ip, detail) VALUES ('2024-01-02 03:04:05', 'login_failure', 'lama', '10.0.0.1', 'wrong password')",
			"INSERT INTO security_events (at, kind, username, ip, detail) VALUES ('2024-01-02 03:04:06', 'login_failure', 'lama', '10.0.0.1', 'wrong password')",
		} {
			if err := db.Write.Exec(q).Error; err != nil {
				t.Fatal(err)
			}
		}
		e := setup(t, db) // appends the bootstrap and a login
		if r := verifyLog(t, e.svc); !r.OK() || r.EventsChecked != 4 {
			t.Fatalf("report %+v", r)
		}
		tamper(t, db, "UPDATE security_events SET detail = 'edited' WHERE username = 'lama' AND id = (SELECT MIN(id) FROM security_events)")
		if r := verifyLog(t, e.svc); r.OK() || !strings.Contains(r.Problems[0].Problem, "prev_hash does not match") {
			t.Fatalf("report %+v, want the first chained event to notice", r)
		}
	})
}

// Appends from many transactions at once take turns: no two events chain
// to the same one, so the log never forks.
func TestConcurrentAppendsDoNotForkTheChain(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		const workers = 12
		var wg sync.WaitGroup
		for i := range workers {
			svc := newService(db, e.clock) // a server of its own
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range 3 {
					_, _ = svc.Login(context.Background(), fmt.Sprintf("user%d", i), "wrong-password", fmt.Sprintf("10.0.%d.%d", i, j))
				}
			}()
		}
		wg.Wait()
		r := verifyLog(t, e.svc)
		if !r.OK() || r.EventsChecked != 2+workers*3 {
			t.Fatalf("report %+v, want %d events and no problem", r, 2+workers*3)
		}
	})
}
