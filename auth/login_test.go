package auth_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"santunan/auth"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

func TestLoginIssuesTokenStoredOnlyAsHash(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		u := e.createUser(t, "budi", domain.RoleTreasurer)
		sess := e.login(t, "  Budi ", userPassword)
		if sess.User != u {
			t.Fatalf("session user = %+v, want %+v", sess.User, u)
		}
		if len(sess.Token) != 43 || strings.ContainsAny(sess.Token, "+/=") {
			t.Fatalf("token %q is not 32 bytes of unpadded base64url", sess.Token)
		}
		wantExp := e.clock.Now().Add(12 * time.Hour).UTC().Truncate(time.Microsecond)
		if !sess.ExpiresAt.Equal(wantExp) {
			t.Fatalf("expires = %v, want %v", sess.ExpiresAt, wantExp)
		}
		got, err := e.svc.Authenticate(ctx, sess.Token)
		if err != nil || got != u {
			t.Fatalf("Authenticate = %+v, %v; want %+v", got, err, u)
		}

		var rows []map[string]any
		if err := db.Write.Table("api_tokens").Where("user_id = ?", u.ID).Find(&rows).Error; err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 {
			t.Fatalf("api_tokens rows = %d, want 1", len(rows))
		}
		sum := sha256.Sum256([]byte(sess.Token))
		if rows[0]["token_hash"] != hex.EncodeToString(sum[:]) {
			t.Fatalf("token_hash = %v, want the hex SHA-256 of the token", rows[0]["token_hash"])
		}
		for col, v := range rows[0] {
			if s, ok := v.(string); ok && strings.Contains(s, sess.Token) {
				t.Fatalf("column %s holds the token itself", col)
			}
		}
		// Each login gets its own token.
		if again := e.login(t, "budi", userPassword); again.Token == sess.Token {
			t.Fatal("two logins returned the same token")
		}
	})
}

func TestLoginFailuresLookTheSame(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		e.createUser(t, "budi", domain.RoleTreasurer)
		gone := e.createUser(t, "gone", domain.RoleTreasurer)
		if _, err := e.svc.SetActive(ctx, e.admin, gone.ID, false, testIP); err != nil {
			t.Fatal(err)
		}
		cases := []struct{ name, username, password string }{
			{"wrong password", "budi", "wrong-password"},
			{"empty password", "budi", ""},
			{"password over 72 bytes sharing the prefix", "budi", userPassword + strings.Repeat("x", 72)},
			{"unknown user", "nobody", userPassword},
			{"inactive user with right password", "gone", userPassword},
			{"malformed username", "bu di\x00", userPassword},
			{"empty username", "", ""},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				_, err := e.svc.Login(ctx, tc.username, tc.password, testIP)
				if !errors.Is(err, domain.ErrUnauthenticated) || errors.Is(err, domain.ErrLocked) {
					t.Fatalf("err = %v, want only ErrUnauthenticated", err)
				}
			})
		}
	})
}

func TestLoginRecordsTheReason(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := setup(t, db)
		ctx := context.Background()
		e.createUser(t, "budi", domain.RoleTreasurer)
		_, _ = e.svc.Login(ctx, "budi", "wrong-password", testIP)
		_, _ = e.svc.Login(ctx, "nobody", userPassword, testIP)
		for name, want := range map[string]string{"budi": "wrong password", "nobody": "unknown username"} {
			evs, err := eventsOf(ctx, e.svc, name, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 1 || evs[0].Kind != auth.EventLoginFailure || evs[0].Detail != want || evs[0].IP != testIP {
				t.Fatalf("%s events = %+v, want a login_failure %q", name, evs, want)
			}
		}
	})
}
