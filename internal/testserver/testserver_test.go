package testserver_test

import (
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// The harness runs the production rules, and Bring reaches every status
// through them: a claim cannot be verified without its akta, nor paid
// outside a batch.
func TestBringReachesEveryStatusThroughTheProductionRules(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		c := s.File(1)
		s.ExpectError(s.Do(http.MethodPost, testserver.ActionPath(c.ID, "verify_death"), domain.RoleDukcapilClerk,
			map[string]any{"death_certificate_no": testserver.CertificateNo(1)}), http.StatusUnprocessableEntity, "documents_missing")
		a := s.Bring(2, domain.StatusApproved)
		s.ExpectError(s.Do(http.MethodPost, testserver.ActionPath(a.ID, "start_payment"), domain.RoleTreasurer, nil),
			http.StatusConflict, "action_reserved")
		for i, status := range []domain.Status{domain.StatusSubmitted, domain.StatusReturned, domain.StatusRejected,
			domain.StatusDeathVerified, domain.StatusApproved, domain.StatusCancelled, domain.StatusDisbursing,
			domain.StatusPaid, domain.StatusPaymentFailed} {
			if got := s.Bring(10+i, status); got.Status != string(status) {
				t.Fatalf("Bring(%s) gave %s", status, got.Status)
			}
		}
		var budget struct {
			Ceiling int64 `json:"ceiling"`
		}
		s.Expect(s.Do(http.MethodGet, "/api/v1/budgets/2026", domain.RoleTreasurer, nil), http.StatusOK, &budget)
		if budget.Ceiling != testserver.DefaultBudget {
			t.Fatalf("budget %+v", budget)
		}
		s.AuditOK()
	})
}

// Race releases its requests together and reports each answer.
func TestRaceReportsEveryAnswer(t *testing.T) {
	s := testserver.Start(t, testdb.SQLite(t), testserver.NoBudget())
	res := s.Race(testserver.Times(5, testserver.Request{Method: http.MethodGet, Path: "/api/v1/budgets/2026", Role: domain.RoleTreasurer})...)
	if got := testserver.Describe(res); got != "5×404 not_found" {
		t.Fatalf("results %s", got)
	}
}
