package httpkit_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Logs carry request ids, routes and statuses: never a NIK, a phone number,
// an account number or a body, not even in a search query or a failed request.
func TestLogsHoldNoPersonalData(t *testing.T) {
	var logs testserver.LogBuffer
	h := testserver.Start(t, testdb.SQLite(t), testserver.Log(&logs))
	token := h.Tokens[domain.RoleDukcapilClerk]
	send := func(method, path, body string) *http.Response {
		req, _ := http.NewRequest(method, h.URL+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("X-Request-ID", "req-123")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	body, _ := json.Marshal(testserver.ClaimBody(1))
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
	for _, secret := range []string{in.Deceased.NIK, in.Heir.NIK, "81234567890", in.BankAccount.AccountNumber, "Siti", token, testserver.Password} {
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
