package api_test

import (
	"net/http"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

func TestLoginLockout(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		creds := func(pw string) map[string]string {
			return map[string]string{"username": "dukcapil_clerk", "password": pw}
		}
		for i := 0; i < 4; i++ {
			h.expectError(h.send(http.MethodPost, "/api/v1/auth/login", "", creds("salah-sandi-123")), http.StatusUnauthorized, "unauthenticated")
		}
		// The fifth failure locks the username and says so at once.
		h.expectError(h.send(http.MethodPost, "/api/v1/auth/login", "", creds("salah-sandi-123")), http.StatusTooManyRequests, "account_locked")
		// While locked, even the right password is refused.
		resp := h.send(http.MethodPost, "/api/v1/auth/login", "", creds(password))
		if resp.Header.Get("Retry-After") == "" {
			t.Error("locked login without Retry-After")
		}
		h.expectError(resp, http.StatusTooManyRequests, "account_locked")
		h.clock.Advance(15*time.Minute + time.Second)
		h.login("dukcapil_clerk", password)
	})
}

func TestTokensExpireAndDie(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		var me domain.User
		h.expect(h.do(http.MethodGet, "/api/v1/me", domain.RoleTreasurer, nil), http.StatusOK, &me)
		if me.Username != "treasurer" || me.Role != domain.RoleTreasurer {
			t.Fatalf("me = %+v", me)
		}
		h.expectError(h.send(http.MethodGet, "/api/v1/me", "not-a-token", nil), http.StatusUnauthorized, "unauthenticated")

		// Logout ends the token.
		h.expect(h.do(http.MethodPost, "/api/v1/auth/logout", domain.RoleAuditor, nil), http.StatusNoContent, nil)
		h.expectError(h.do(http.MethodGet, "/api/v1/me", domain.RoleAuditor, nil), http.StatusUnauthorized, "unauthenticated")

		// Disabling a user ends its tokens at once.
		clerk := h.users[domain.RoleDukcapilClerk]
		h.expect(h.do(http.MethodPatch, "/api/v1/users/"+itoa(clerk.ID), domain.RoleAdmin, map[string]any{"active": false}), http.StatusOK, nil)
		h.expectError(h.do(http.MethodGet, "/api/v1/claims", domain.RoleDukcapilClerk, nil), http.StatusUnauthorized, "unauthenticated")
		h.expectError(h.send(http.MethodPost, "/api/v1/auth/login", "", map[string]string{"username": "dukcapil_clerk", "password": password}),
			http.StatusUnauthorized, "unauthenticated")

		// Tokens expire after 12 hours.
		h.clock.Advance(12*time.Hour + time.Minute)
		h.expectError(h.do(http.MethodGet, "/api/v1/me", domain.RoleTreasurer, nil), http.StatusUnauthorized, "unauthenticated")
	})
}

func TestUserManagement(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		newUser := map[string]any{"username": "budi", "full_name": "Budi Santoso", "role": "auditor", "password": "cukup-panjang-1"}
		var u domain.User
		h.expect(h.do(http.MethodPost, "/api/v1/users", domain.RoleAdmin, newUser), http.StatusCreated, &u)
		if u.ID == 0 || u.Username != "budi" || !u.Active {
			t.Fatalf("created %+v", u)
		}
		h.expectError(h.do(http.MethodPost, "/api/v1/users", domain.RoleAdmin, newUser), http.StatusConflict, "duplicate_username")
		short := map[string]any{"username": "ani", "full_name": "Ani", "role": "auditor", "password": "pendek"}
		e := h.expectError(h.do(http.MethodPost, "/api/v1/users", domain.RoleAdmin, short), http.StatusUnprocessableEntity, "validation_failed")
		if e.Error.Fields["password"] == "" {
			t.Errorf("fields %v, want password", e.Error.Fields)
		}
		badRole := map[string]any{"username": "ani", "full_name": "Ani", "role": "bupati", "password": "cukup-panjang-1"}
		e = h.expectError(h.do(http.MethodPost, "/api/v1/users", domain.RoleAdmin, badRole), http.StatusUnprocessableEntity, "validation_failed")
		if e.Error.Fields["role"] == "" {
			t.Errorf("fields %v, want role", e.Error.Fields)
		}
		var list struct {
			Items []domain.User `json:"items"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/users", domain.RoleAdmin, nil), http.StatusOK, &list)
		// One user per role (the admin included) and the one made here.
		if want := len(domain.AllRoles) + 1; len(list.Items) != want {
			t.Fatalf("%d users listed, want %d", len(list.Items), want)
		}
		h.expectError(h.do(http.MethodPatch, "/api/v1/users/"+itoa(u.ID), domain.RoleAdmin, map[string]any{}), http.StatusUnprocessableEntity, "validation_failed")
		h.expectError(h.do(http.MethodPatch, "/api/v1/users/999999", domain.RoleAdmin, map[string]any{"active": false}), http.StatusNotFound, "not_found")
	})
}
