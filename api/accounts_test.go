package api_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// oneTimePassword is what the admin gives every test account at first.
const oneTimePassword = testserver.OneTimePassword

// createUser has the admin create an account with a one-time password.
func (h *harness) createUser(username, fullName string, role domain.Role, oneTime string) domain.User {
	h.t.Helper()
	return h.on().CreateUser(username, fullName, role, oneTime)
}

// firstLogin logs in with oneTimePassword and replaces it with password.
func (h *harness) firstLogin(username string) string {
	h.t.Helper()
	return h.on().FirstLogin(username, oneTimePassword, password)
}

// A user the admin created signs in with a one-time password: the token
// serves only to replace it (and to ask who one is, and to log out).
func TestOneTimePasswordOverTheAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		u := h.createUser("budi", "Budi", domain.RoleDukcapilClerk, "dari-admin-123")
		if !u.PasswordChangeRequired {
			t.Fatalf("created %+v, want password_change_required", u)
		}
		var login struct {
			Token    string `json:"token"`
			Required bool   `json:"password_change_required"`
		}
		creds := map[string]string{"username": "budi", "password": "dari-admin-123"}
		h.expect(h.send(http.MethodPost, "/api/v1/auth/login", "", creds), http.StatusOK, &login)
		other := h.login("budi", "dari-admin-123")
		if !login.Required {
			t.Fatal("login does not say the password must be changed")
		}
		for _, path := range []string{"/api/v1/claims", "/api/v1/users", "/api/v1/audit/verify", "/api/v1/security-events"} {
			h.expectError(h.send(http.MethodGet, path, login.Token, nil), http.StatusForbidden, "password_change_required")
		}
		h.expectError(h.send(http.MethodPost, "/api/v1/claims", login.Token, claimBody(1)), http.StatusForbidden, "password_change_required")
		var me domain.User
		h.expect(h.send(http.MethodGet, "/api/v1/me", login.Token, nil), http.StatusOK, &me)
		if !me.PasswordChangeRequired {
			t.Fatalf("me = %+v", me)
		}

		change := func(current, fresh string) *http.Response {
			return h.send(http.MethodPost, "/api/v1/me/password", login.Token,
				map[string]string{"current_password": current, "new_password": fresh})
		}
		e := h.expectError(change("salah-sandinya", "budi-sendiri-1"), http.StatusUnprocessableEntity, "validation_failed")
		if e.Error.Fields["current_password"] == "" {
			t.Fatalf("fields %v", e.Error.Fields)
		}
		e = h.expectError(change("dari-admin-123", "dari-admin-123"), http.StatusUnprocessableEntity, "validation_failed")
		if e.Error.Fields["new_password"] == "" {
			t.Fatalf("fields %v", e.Error.Fields)
		}
		h.expectError(h.send(http.MethodPost, "/api/v1/me/password", login.Token, `{"current_password":"x","extra":1}`), http.StatusBadRequest, "bad_request")
		h.expect(change("dari-admin-123", "budi-sendiri-1"), http.StatusOK, &me)
		if me.PasswordChangeRequired {
			t.Fatalf("after the change: %+v", me)
		}
		// The same token now works; the other session has ended.
		h.expect(h.send(http.MethodGet, "/api/v1/claims", login.Token, nil), http.StatusOK, nil)
		h.expectError(h.send(http.MethodGet, "/api/v1/me", other, nil), http.StatusUnauthorized, "unauthenticated")
		h.expectError(h.send(http.MethodPost, "/api/v1/auth/login", "", creds), http.StatusUnauthorized, "unauthenticated")
		h.expect(h.send(http.MethodPost, "/api/v1/auth/login", "", map[string]string{"username": "budi", "password": "budi-sendiri-1"}), http.StatusOK, &login)
		if login.Required {
			t.Fatal("the user's own password is one-time")
		}
		// A reset makes it one-time again.
		h.expect(h.do(http.MethodPatch, "/api/v1/users/"+itoa(u.ID), domain.RoleAdmin, map[string]any{"password": "lagi-dari-admin"}), http.StatusOK, &u)
		h.expect(h.send(http.MethodPost, "/api/v1/auth/login", "", map[string]string{"username": "budi", "password": "lagi-dari-admin"}), http.StatusOK, &login)
		if !u.PasswordChangeRequired || !login.Required {
			t.Fatalf("after a reset: %+v, login %+v", u, login)
		}
	})
}

// PATCH /users/{id} changes all it was asked to or nothing: an admin asking
// to reset their own password and disable themselves gets 422, and keeps
// both the password and the sessions.
func TestPatchUserAppliesAllOrNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		e := h.expectError(h.do(http.MethodPatch, "/api/v1/users/"+itoa(h.on().UserID("admin")), domain.RoleAdmin,
			map[string]any{"password": "sandi-admin-baru-1", "active": false}), http.StatusUnprocessableEntity, "validation_failed")
		if e.Error.Fields["active"] == "" {
			t.Fatalf("fields %v", e.Error.Fields)
		}
		h.expect(h.do(http.MethodGet, "/api/v1/users", domain.RoleAdmin, nil), http.StatusOK, nil)
		h.login("admin", password)

		clerk := h.users[domain.RoleDukcapilClerk]
		e = h.expectError(h.do(http.MethodPatch, "/api/v1/users/"+itoa(clerk.ID), domain.RoleAdmin,
			map[string]any{"password": "pendek", "active": false}), http.StatusUnprocessableEntity, "validation_failed")
		if e.Error.Fields["password"] == "" {
			t.Fatalf("fields %v", e.Error.Fields)
		}
		h.expect(h.do(http.MethodGet, "/api/v1/claims", domain.RoleDukcapilClerk, nil), http.StatusOK, nil)

		var u domain.User
		h.expect(h.do(http.MethodPatch, "/api/v1/users/"+itoa(clerk.ID), domain.RoleAdmin,
			map[string]any{"password": "sandi-dari-admin-2", "active": false}), http.StatusOK, &u)
		if u.Active || !u.PasswordChangeRequired {
			t.Fatalf("after both: %+v", u)
		}
		h.expectError(h.do(http.MethodGet, "/api/v1/claims", domain.RoleDukcapilClerk, nil), http.StatusUnauthorized, "unauthenticated")
	})
}

// Guessing a password from one address locks that address out of the
// username, never the owner at another; guessing from many slows the
// username down for strangers with a growing Retry-After.
func TestStrangersCannotLockTheOwnerOutOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.Env("SANTUNAN_TRUSTED_PROXIES", "127.0.0.1"))
		loginFrom := func(ip, pw string) *http.Response {
			body := `{"username":"treasurer","password":` + strconv.Quote(pw) + `}`
			req, err := http.NewRequest(http.MethodPost, h.srv.URL+"/api/v1/auth/login", strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Forwarded-For", ip)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			return resp
		}
		for range 4 {
			h.expectError(loginFrom("198.51.100.7", "tebak-tebakan-1"), http.StatusUnauthorized, "unauthenticated")
		}
		h.expectError(loginFrom("198.51.100.7", "tebak-tebakan-1"), http.StatusTooManyRequests, "account_locked")
		h.expectError(loginFrom("198.51.100.7", password), http.StatusTooManyRequests, "account_locked")
		h.expect(loginFrom("10.1.1.1", password), http.StatusOK, nil) // the owner, at the office

		// Many addresses of one IPv6 /64 are one client.
		for i := range 4 {
			h.expectError(loginFrom("2001:db8:7:7::"+strconv.Itoa(i+1), "tebak-tebakan-1"), http.StatusUnauthorized, "unauthenticated")
		}
		h.expectError(loginFrom("2001:db8:7:7:ffff::5", "tebak-tebakan-1"), http.StatusTooManyRequests, "account_locked")
		// That is ten failures from everywhere: strangers now wait.
		resp := loginFrom("203.0.113.50", password)
		if resp.Header.Get("Retry-After") != "2" {
			t.Errorf("Retry-After %q, want 2 (one second, rounded up)", resp.Header.Get("Retry-After"))
		}
		h.expectError(resp, http.StatusTooManyRequests, "login_throttled")
		h.expect(loginFrom("10.1.1.1", password), http.StatusOK, nil)
	})
}

// The auditor sees every login and every change to an account, with who
// made it: an admin who creates an auditor or resets a clerk's password
// is on the record (the page in Indonesian: web/security_log_test.go).
func TestTheAuditorSeesWhatTheAdminDoes(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		h.createUser("auditor.dua", "Auditor Dua", domain.RoleAuditor, "dari-admin-123")
		clerk := h.users[domain.RoleDukcapilClerk]
		h.expect(h.do(http.MethodPatch, "/api/v1/users/"+itoa(clerk.ID), domain.RoleAdmin, map[string]any{"password": "dari-admin-456"}), http.StatusOK, nil)

		var page struct {
			Items []struct {
				ID            int64  `json:"id"`
				Kind          string `json:"kind"`
				Username      string `json:"username"`
				ActorUsername string `json:"actor_username"`
				Reason        string `json:"reason"`
				Hash          string `json:"hash"`
			} `json:"items"`
			Next string `json:"next_cursor"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/security-events?limit=2", domain.RoleAuditor, nil), http.StatusOK, &page)
		if len(page.Items) != 2 || page.Next == "" {
			t.Fatalf("first page %+v", page)
		}
		reset, created := page.Items[0], page.Items[1]
		if reset.Kind != "password_reset" || reset.Username != "dukcapil_clerk" || reset.ActorUsername != "admin" || len(reset.Hash) != 64 {
			t.Fatalf("newest event %+v", reset)
		}
		if created.Kind != "user_created" || created.Username != "auditor.dua" || created.Reason != "auditor" || created.ActorUsername != "admin" {
			t.Fatalf("event before %+v", created)
		}
		first := page.Items[0].ID
		h.expect(h.do(http.MethodGet, "/api/v1/security-events?limit=2&cursor="+url.QueryEscape(page.Next), domain.RoleAuditor, nil), http.StatusOK, &page)
		if len(page.Items) != 2 || page.Items[0].ID >= first-1 {
			t.Fatalf("second page %+v", page)
		}
		h.expect(h.do(http.MethodGet, "/api/v1/security-events?username=auditor.dua", domain.RoleAuditor, nil), http.StatusOK, &page)
		if len(page.Items) != 1 || page.Next != "" {
			t.Fatalf("filtered %+v", page)
		}
		h.expectError(h.do(http.MethodGet, "/api/v1/security-events?cursor=abc", domain.RoleAuditor, nil), http.StatusUnprocessableEntity, "validation_failed")
		for _, role := range []domain.Role{domain.RoleDinsosOfficer, domain.RoleTreasurer} {
			h.expectError(h.do(http.MethodGet, "/api/v1/security-events", role, nil), http.StatusForbidden, "forbidden")
		}
	})
}

// audit verify covers the security log: an event edited behind the
// application's back turns it from ok to broken, naming the event.
func TestAuditVerifyChecksTheSecurityLog(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		var report struct {
			OK          bool `json:"ok"`
			SecurityLog struct {
				EventsChecked int `json:"events_checked"`
				Problems      []struct {
					EventID int64  `json:"event_id"`
					Problem string `json:"problem"`
				} `json:"problems"`
			} `json:"security_log"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/audit/verify", domain.RoleAuditor, nil), http.StatusOK, &report)
		if !report.OK || report.SecurityLog.EventsChecked < 10 || len(report.SecurityLog.Problems) != 0 {
			t.Fatalf("report %+v", report)
		}
		off := "DROP TRIGGER security_events_no_update"
		if db.IsPostgres() {
			off = "ALTER TABLE security_events DISABLE TRIGGER USER"
		}
		for _, q := range []string{off, "UPDATE security_events SET ip = '10.6.6.6' WHERE id = 3"} {
			if err := db.Write.Exec(q).Error; err != nil {
				t.Fatal(err)
			}
		}
		h.expect(h.do(http.MethodGet, "/api/v1/audit/verify", domain.RoleAuditor, nil), http.StatusOK, &report)
		if report.OK || len(report.SecurityLog.Problems) != 1 || report.SecurityLog.Problems[0].EventID != 3 {
			t.Fatalf("report after tampering %+v", report)
		}
	})
}
