package testserver

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"santunan/domain"
)

// Policy is who a route lets through, as its capability's policy says
// (payments.CanPay...); nil for a public route.
type Policy func(domain.Role) bool

// Both is a route behind two checks (a group's and its own).
func Both(a, b Policy) Policy { return func(r domain.Role) bool { return a(r) && b(r) } }

// SignedIn is every role.
func SignedIn(domain.Role) bool { return true }

// RoutePath fills a route pattern's parameters: the action return, the
// year 2026, and id for every other (an id, a claim id, a static file).
func RoutePath(pattern string, id int64) string {
	parts := strings.Split(pattern, "/")
	for i, p := range parts {
		switch {
		case p == ":action":
			parts[i] = string(domain.ActionReturn)
		case p == ":year":
			parts[i] = "2026"
		case strings.HasPrefix(p, ":"), strings.HasPrefix(p, "*"):
			parts[i] = strconv.FormatInt(id, 10)
		}
	}
	return strings.Join(parts, "/")
}

// CheckPolicies asks every route with a policy as every role, with ids
// that name nothing, and fails where the answer is 403 and the policy says
// yes, or it is not and the policy says no; where a route has no entry in
// policies ("METHOD /pattern"); and where an entry has no route. status
// sends one request and returns the answer's status.
func CheckPolicies(t testing.TB, routes gin.RoutesInfo, policies map[string]Policy,
	status func(role domain.Role, key, method, path string) int) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range routes {
		key := r.Method + " " + r.Path
		seen[key] = true
		may, ok := policies[key]
		if !ok {
			t.Errorf("%s: no policy in the table", key)
			continue
		}
		if may == nil {
			continue
		}
		path := RoutePath(r.Path, 987654)
		for _, role := range domain.AllRoles {
			got := status(role, key, r.Method, path)
			if forbidden := got == http.StatusForbidden; forbidden == may(role) {
				t.Errorf("%s as %s: %d, but the policy says %v", key, role, got, may(role))
			}
		}
	}
	for key := range policies {
		if !seen[key] {
			t.Errorf("%s: in the table, but no such route", key)
		}
	}
}
