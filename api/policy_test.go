package api_test

import (
	"errors"
	"testing"

	"santunan/auth"
	"santunan/complaints"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/notify"
	"santunan/payments"
	"santunan/receipts"
	"santunan/reports"
	"santunan/survey"
	"santunan/workdays"
	"santunan/workflow"
)

// mayTake is the transition table's policy for an action: the roles that
// may ever take it (from some status).
func mayTake(table workflow.Table, a domain.Action) testserver.Policy {
	return func(r domain.Role) bool { return !errors.Is(table.Check(r, a, ""), domain.ErrForbidden) }
}

// apiPolicies says which capability's policy each route asks, in one table.
func apiPolicies(table workflow.Table) map[string]testserver.Policy {
	both, signedIn := testserver.Both, testserver.SignedIn
	claims := testserver.Policy(domain.Role.ReadsClaims)
	readsPayments, pays := testserver.Policy(payments.CanReadPayments), testserver.Policy(payments.CanPay)
	return map[string]testserver.Policy{
		"GET /healthz": nil, "GET /readyz": nil, "POST /api/v1/auth/login": nil, "POST /api/v1/public/track": nil,
		"POST /api/v1/public/track/stop-messages": nil,
		// The contract is public; /metrics is decided by the client's address
		// or a token of its own, never by a role (metrics/access.go).
		"GET /api/v1/openapi.json": nil, "GET /api/v1/docs": nil, "GET /metrics": nil,
		// The heir's online forms: public, behind a phone check (applications/).
		"POST /api/v1/public/phone-checks": nil, "POST /api/v1/public/phone-checks/:check_id/verify": nil,
		"POST /api/v1/public/applications": nil, "POST /api/v1/public/corrections/phone-checks": nil,
		"POST /api/v1/public/corrections": nil,
		// The public's complaints: by the code alone (complaints/).
		"POST /api/v1/public/complaints": nil, "GET /api/v1/public/complaints/:code": nil,
		"POST /api/v1/public/complaints/:code/confirm": nil, "POST /api/v1/public/complaints/:code/dispute": nil,
		"POST /api/v1/public/complaints/:code/reopen": nil,

		"GET /api/v1/complaints": complaints.CanRead, "GET /api/v1/complaints/:id": complaints.CanRead,
		"GET /api/v1/complaints/:id/events":                     complaints.CanRead,
		"GET /api/v1/complaints/:id/evidence/:evidence/content": complaints.CanRead,
		"GET /api/v1/complaints/export":                         both(complaints.CanRead, complaints.CanExport),
		"POST /api/v1/complaints/:id/lapor":                     both(complaints.CanRead, complaints.CanExport),
		"POST /api/v1/complaints/:id/:action":                   both(complaints.CanRead, complaints.CanAct),
		"GET /api/v1/claims/:id/complaints":                     both(claims, complaints.CanReadForClaim),

		"POST /api/v1/auth/logout": signedIn, "GET /api/v1/me": signedIn, "POST /api/v1/me/password": signedIn,

		"POST /api/v1/users": auth.CanManageUsers, "GET /api/v1/users": auth.CanManageUsers, "PATCH /api/v1/users/:id": auth.CanManageUsers,

		"POST /api/v1/claims": both(claims, table.MaySubmit), "GET /api/v1/claims": claims, "GET /api/v1/claims/:id": claims,
		"GET /api/v1/claims/:id/receipt.pdf": both(claims, receipts.CanPrint),
		"GET /api/v1/claims/:id/events":      claims, "POST /api/v1/claims/:id/actions/:action": both(claims, mayTake(table, "return")),
		"GET /api/v1/audit/verify": domain.Role.ReadsAudit, "GET /api/v1/security-events": domain.Role.ReadsAudit,
		"GET /api/v1/claims/:id/notifications": both(claims, notify.CanRead),

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

		// The satisfaction survey: the heir's by its token; the index for survey.CanRead.
		"GET /api/v1/public/surveys/:token": nil, "POST /api/v1/public/surveys/:token": nil,
		"GET /api/v1/surveys/index": survey.CanRead, "GET /api/v1/surveys/index.xlsx": survey.CanRead,
		"GET /api/v1/surveys/comments": survey.CanRead,
		"GET /api/v1/reports/monthly":  reports.CanRead, "GET /api/v1/reports/monthly.xlsx": reports.CanRead,
		"GET /api/v1/reports/yearly": reports.CanRead, "GET /api/v1/reports/yearly.xlsx": reports.CanRead,
		// The working-day calendar (workdays/) and the public standard.
		"GET /api/v1/calendar/years/:year": workdays.CanRead, "POST /api/v1/calendar/days": workdays.CanChange,
		"DELETE /api/v1/calendar/days/:date": workdays.CanChange, "GET /api/v1/public/service-standard": nil,
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
	testserver.CheckPolicies(t, h.s.Site.API.Routes(), policies, func(role domain.Role, key, method, path string) int {
		token := h.tokens[role]
		if key == "POST /api/v1/auth/logout" {
			token = h.login(string(role), password) // a session of its own to end
		}
		resp := h.send(method, path, token, nil)
		resp.Body.Close()
		return resp.StatusCode
	})
}
