package api_test

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"santunan/auth"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/payments"
	"santunan/workflow"
)

// policy is who a route lets through; public routes have none (nil).
type policy func(domain.Role) bool

func both(a, b policy) policy { return func(r domain.Role) bool { return a(r) && b(r) } }

func signedIn(domain.Role) bool { return true }

// mayTake is the transition table's policy for an action: the roles that
// may ever take it (from some status).
func mayTake(table workflow.Table, a domain.Action) policy {
	return func(r domain.Role) bool { return !errors.Is(table.Check(r, a, ""), domain.ErrForbidden) }
}

// apiPolicies says which capability's policy each route asks, in one table.
func apiPolicies(table workflow.Table) map[string]policy {
	claims := policy(domain.Role.ReadsClaims)
	readsPayments, pays := policy(payments.CanReadPayments), policy(payments.CanPay)
	return map[string]policy{
		"GET /healthz": nil, "GET /readyz": nil, "POST /api/v1/auth/login": nil, "POST /api/v1/public/track": nil,

		"POST /api/v1/auth/logout": signedIn, "GET /api/v1/me": signedIn, "POST /api/v1/me/password": signedIn,

		"POST /api/v1/users": auth.CanManageUsers, "GET /api/v1/users": auth.CanManageUsers, "PATCH /api/v1/users/:id": auth.CanManageUsers,

		"POST /api/v1/claims": both(claims, table.MaySubmit), "GET /api/v1/claims": claims, "GET /api/v1/claims/:id": claims,
		"GET /api/v1/claims/:id/events": claims, "POST /api/v1/claims/:id/actions/:action": both(claims, mayTake(table, "return")),
		"GET /api/v1/audit/verify": domain.Role.ReadsAudit, "GET /api/v1/security-events": domain.Role.ReadsAudit,

		"POST /api/v1/claims/:id/documents":                 both(claims, documents.CanUpload),
		"GET /api/v1/claims/:id/documents":                  both(claims, documents.CanList),
		"GET /api/v1/claims/:id/documents/access-log":       both(claims, documents.CanReadAccessLog),
		"GET /api/v1/claims/:id/documents/:doc/content":     claims,
		"GET /api/v1/claims/:id/death-record-match":         both(claims, deathregister.CanRead),
		"POST /api/v1/claims/:id/death-record-match/online": both(claims, deathregister.CanCheckOnline),
		"POST /api/v1/death-records/import":                 deathregister.CanImport,
		"GET /api/v1/death-records/unclaimed":               deathregister.CanRead,
		"GET /api/v1/death-records/unclaimed/by-village":    deathregister.CanRead,
		"GET /api/v1/death-records/unclaimed.csv":           deathregister.CanRead,

		"GET /api/v1/budgets": payments.CanReadBudgets, "GET /api/v1/budgets/:year": payments.CanReadBudgets,
		"POST /api/v1/budgets/:year": payments.CanSetBudgets,

		"POST /api/v1/decrees": both(readsPayments, payments.CanDecree), "GET /api/v1/decrees": readsPayments,
		"GET /api/v1/decrees/:id": readsPayments, "GET /api/v1/decrees/:id/recipients.xlsx": readsPayments,
		"GET /api/v1/decrees/:id/recipients.pdf": readsPayments,

		"POST /api/v1/disbursements": both(readsPayments, pays), "GET /api/v1/disbursements": readsPayments,
		"GET /api/v1/disbursements/:id":                           readsPayments,
		"POST /api/v1/disbursements/:id/transfer-file":            both(readsPayments, pays),
		"GET /api/v1/disbursements/:id/transfer-file":             both(readsPayments, pays),
		"POST /api/v1/disbursements/:id/items/:claim_id/withdraw": both(readsPayments, pays),
		"POST /api/v1/disbursements/:id/items/:claim_id/fail":     both(readsPayments, pays),
		"POST /api/v1/disbursements/:id/results":                  both(readsPayments, pays),
		"POST /api/v1/disbursements/:id/account-checks":           both(readsPayments, pays),
		"POST /api/v1/disbursements/:id/account-inquiry":          both(readsPayments, pays),
		"GET /api/v1/disbursements/:id/reconciliation":            readsPayments,
		"GET /api/v1/disbursements/:id/reconciliation.xlsx":       readsPayments,
	}
}

// Every route's role check agrees with the policy of its capability: for
// each route and each role, the answer is 403 forbidden exactly when the
// policy says no. The ids name nothing, so a request that passes the check
// meets a 404 or a refused body, never a change. A route that the table
// does not name, or an entry no route has, fails too.
func TestEveryRouteAsksItsPolicy(t *testing.T) {
	h := start(t, testdb.SQLite(t))
	policies := apiPolicies(h.s.Services.Engine.Table())
	seen := map[string]bool{}
	for _, r := range h.s.Site.API.Routes() {
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
		path := strings.NewReplacer(":year", "2026", ":action", "return").Replace(r.Path)
		path = strings.NewReplacer(":id", "987654", ":doc", "987654", ":claim_id", "987654").Replace(path)
		for _, role := range domain.AllRoles {
			token := h.tokens[role]
			if key == "POST /api/v1/auth/logout" {
				token = h.login(string(role), password) // a session of its own to end
			}
			resp := h.send(r.Method, path, token, nil)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if forbidden := resp.StatusCode == http.StatusForbidden; forbidden == may(role) {
				t.Errorf("%s as %s: %d %s, but the policy says %v", key, role, resp.StatusCode, body, may(role))
			}
		}
	}
	for key := range policies {
		if !seen[key] {
			t.Errorf("%s: in the table, but no such route", key)
		}
	}
}
