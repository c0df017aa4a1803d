package api_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"santunan/api"
	"santunan/auth"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
)

// Logs carry request ids, routes and statuses: never a NIK, a phone number,
// an account number or a body, not even in a search query or a failed request.
func TestLogsHoldNoPersonalData(t *testing.T) {
	db := testdb.SQLite(t)
	var logs bytes.Buffer
	authSvc := auth.NewService(db, auth.Options{BcryptCost: bcrypt.MinCost, Now: fixture.Clock()})
	router, err := api.New(api.Deps{Engine: fixture.Engine(t, db), Auth: authSvc, Areas: fixture.Areas(t), DB: db,
		Log: slog.New(slog.NewJSONHandler(&logs, nil))}, api.Options{Now: fixture.Clock()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(router)
	defer srv.Close()
	clerk := fixture.Actor(t, db, domain.RoleAdmin)
	u, err := authSvc.CreateUser(t.Context(), clerk, auth.NewUser{Username: "clerk", FullName: "Clerk",
		Role: domain.RoleDukcapilClerk, Password: oneTimePassword}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := authSvc.ChangePassword(t.Context(), u.Actor(), auth.PasswordChange{Current: oneTimePassword, New: password}, "test"); err != nil {
		t.Fatal(err)
	}
	session, err := authSvc.Login(t.Context(), "clerk", password, "test")
	if err != nil {
		t.Fatal(err)
	}
	send := func(method, path, body string) *http.Response {
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+session.Token)
		req.Header.Set("X-Request-ID", "req-123")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	body, _ := json.Marshal(claimBody(1))
	if resp := send(http.MethodPost, "/api/v1/claims", string(body)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("file claim: %d", resp.StatusCode)
	}
	in := fixture.ClaimInput(1)
	send(http.MethodGet, "/api/v1/claims?q="+in.Deceased.NIK, "")
	send(http.MethodPost, "/api/v1/claims", string(body)) // duplicate: 409
	send(http.MethodPost, "/api/v1/claims", `{"deceased":{"nik":"`+in.Heir.NIK+`"`)
	if resp := send(http.MethodGet, "/api/v1/me", ""); resp.Header.Get("X-Request-ID") != "req-123" {
		t.Fatalf("request id not echoed: %q", resp.Header.Get("X-Request-ID"))
	}

	out := logs.String()
	for _, secret := range []string{in.Deceased.NIK, in.Heir.NIK, "81234567890", in.BankAccount.AccountNumber, "Siti", session.Token} {
		if strings.Contains(out, secret) {
			t.Errorf("logs contain %q:\n%s", secret, out)
		}
	}
	for _, want := range []string{`"request_id":"req-123"`, `"route":"/api/v1/claims"`, `"status":409`} {
		if !strings.Contains(out, want) {
			t.Errorf("logs lack %s:\n%s", want, out)
		}
	}
}
