package testserver

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

// The contract check catches each way a handler can drift from the
// document, and lets through what the document allows: a stub server
// answers as told, and the check judges each exchange.
func TestContractCheckCatchesDrift(t *testing.T) {
	gin.SetMode(gin.TestMode)
	const user = `{"id":1,"username":"admin","full_name":"Admin","role":"admin","active":true,` +
		`"created_at":"2026-12-01T08:00:00Z","password_change_required":false}`
	type answer struct {
		status      int
		contentType string
		body        string
	}
	cases := []struct {
		name                string
		method, path, token string
		contentType, body   string
		answer              answer
		broken              string // what the failure says; "" when none is expected
	}{
		{"a user as documented", "GET", "/api/v1/me", "t", "", "",
			answer{200, "application/json", user}, ""},
		{"a field missing", "GET", "/api/v1/me", "t", "", "",
			answer{200, "application/json", strings.Replace(user, `"active":true,`, "", 1)}, "response is not what"},
		{"a field the document lacks", "GET", "/api/v1/me", "t", "", "",
			answer{200, "application/json", strings.Replace(user, `{`, `{"nik":"3324",`, 1)}, "response is not what"},
		{"a wrong type", "GET", "/api/v1/me", "t", "", "",
			answer{200, "application/json", strings.Replace(user, `"id":1`, `"id":"1"`, 1)}, "response is not what"},
		{"a status the operation does not answer", "GET", "/api/v1/me", "t", "", "",
			answer{418, "application/json", `{"error":{"code":"teapot","message":"no"}}`}, "status is not supported"},
		{"an error code the status does not carry", "GET", "/api/v1/me", "t", "", "",
			answer{401, "application/json", `{"error":{"code":"forbidden","message":"no"}}`}, "response is not what"},
		{"an error without its message", "GET", "/api/v1/me", "", "", "",
			answer{401, "application/json", `{"error":{"code":"unauthenticated"}}`}, "response is not what"},
		{"a file of another type", "GET", "/api/v1/decrees/1/recipients.pdf", "t", "", "",
			answer{200, "text/html", "<p>"}, "response is not what"},
		{"a bad request refused", "POST", "/api/v1/auth/login", "", "application/json", `{"username":5}`,
			answer{400, "application/json", `{"error":{"code":"bad_request","message":"no"}}`}, ""},
		{"a bad request taken", "POST", "/api/v1/auth/login", "", "application/json", `{"username":5}`,
			answer{200, "application/json", `{}`}, "the document refuses the request"},
		{"no token, refused", "GET", "/api/v1/claims", "", "", "",
			answer{401, "application/json", `{"error":{"code":"unauthenticated","message":"log in"}}`}, ""},
		{"no token, served", "GET", "/api/v1/claims", "", "", "",
			answer{200, "application/json", `{"items":[],"next_cursor":""}`}, "the document refuses the request"},
		{"a JSON body without its Content-Type", "POST", "/api/v1/auth/login", "", "", `{"username":"a","password":"b"}`,
			answer{401, "application/json", `{"error":{"code":"unauthenticated","message":"no"}}`}, ""},
		{"an unknown path as 404", "GET", "/api/v1/nowhere", "t", "", "",
			answer{404, "application/json", `{"error":{"code":"not_found","message":"no such endpoint"}}`}, ""},
		{"an unknown path served", "GET", "/api/v1/nowhere", "t", "", "",
			answer{200, "application/json", `{}`}, "no such operation"},
		{"an unknown action", "POST", "/api/v1/claims/1/actions/fly", "t", "", "",
			answer{404, "application/json", `{"error":{"code":"not_found","message":"not found"}}`}, ""},
		{"an unknown action, refused to the role first", "POST", "/api/v1/claims/1/actions/fly", "t", "", "",
			answer{403, "application/json", `{"error":{"code":"forbidden","message":"no"}}`}, ""},
		{"an unknown path that no route takes, 403", "GET", "/api/v1/nowhere", "t", "", "",
			answer{403, "application/json", `{"error":{"code":"forbidden","message":"no"}}`}, "no such operation"},
		{"an unknown path, answered with another code", "GET", "/api/v1/nowhere", "t", "", "",
			answer{404, "application/json", `{"error":{"code":"gone","message":"no"}}`}, "want one of"},
		{"a wrong method", "DELETE", "/api/v1/claims", "t", "", "",
			answer{405, "application/json", `{"error":{"code":"method_not_allowed","message":"no"}}`}, ""},
		{"a wrong method on a path with an id", "DELETE", "/api/v1/claims/1", "t", "", "",
			answer{405, "application/json", `{"error":{"code":"method_not_allowed","message":"no"}}`}, ""},
		{"a page is not the API's", "GET", "/staf", "", "", "",
			answer{200, "text/html", "<p>"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stub := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.answer.contentType)
				w.WriteHeader(tc.answer.status)
				_, _ = w.Write([]byte(tc.answer.body))
			})
			routes := gin.RoutesInfo{{Method: "GET", Path: "/api/v1/me"}, {Method: "GET", Path: "/api/v1/claims"},
				{Method: "POST", Path: "/api/v1/auth/login"}, {Method: "GET", Path: "/api/v1/decrees/:id/recipients.pdf"},
				{Method: "POST", Path: "/api/v1/claims/:id/actions/:action"}}
			check, err := newContractCheck(stub, routes)
			if err != nil {
				t.Fatal(err)
			}
			req := httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			if tc.token != "" {
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			check.ServeHTTP(httptest.NewRecorder(), req)
			failures := check.Failures()
			switch {
			case tc.broken == "" && len(failures) > 0:
				t.Fatalf("no failure expected, got %q", failures)
			case tc.broken != "" && (len(failures) != 1 || !strings.Contains(failures[0], tc.broken)):
				t.Fatalf("want one failure saying %q, got %q", tc.broken, failures)
			}
		})
	}
}

// An operation of the document that the server does not mount (a test
// that leaves a service out) must answer as an unknown path does.
func TestContractCheckExpectsAnAbsentOperationToBeAbsent(t *testing.T) {
	notFound := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"error":{"code":"not_found","message":"no such endpoint"}}`))
	})
	check, err := newContractCheck(notFound, gin.RoutesInfo{{Method: "GET", Path: "/api/v1/me"}})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/api/v1/disbursements", nil)
	req.Header.Set("Authorization", "Bearer t")
	check.ServeHTTP(httptest.NewRecorder(), req)
	if f := check.Failures(); len(f) > 0 {
		t.Fatalf("failures %q", f)
	}
}
