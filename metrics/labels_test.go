package metrics

import (
	"errors"
	"fmt"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"santunan/domain"
	"santunan/workflow"
)

func TestOutcome(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{nil, OutcomeOK},
		{&domain.TransitionError{Action: domain.ActionApprove, Status: domain.StatusSubmitted}, OutcomeInvalidTransition},
		{&domain.VersionConflictError{Current: 3}, OutcomeVersionConflict},
		{domain.FieldError("reason", domain.ViolationRequired), OutcomeValidation},
		{&domain.DocumentsMissingError{Action: domain.ActionApprove}, OutcomeValidation},
		{fmt.Errorf("role auditor may not approve: %w", domain.ErrForbidden), OutcomeForbidden},
		{&domain.ReservedActionError{Action: domain.ActionStartPayment}, OutcomeForbidden},
		{fmt.Errorf("%w: %w", workflow.ErrRolledBack, &domain.TransitionError{}), OutcomeRolledBack},
		{domain.ErrBudgetExhausted, OutcomeOther},
		{&domain.DuplicateClaimError{ExistingCode: "SKM-AAAA-BBBB"}, OutcomeOther},
		{errors.New("disk full"), OutcomeOther},
	} {
		if got := Outcome(c.err); got != c.want {
			t.Errorf("Outcome(%v) = %s, want %s", c.err, got, c.want)
		}
	}
}

// Label values come from fixed lists: an action, a method, a status or a
// SQLSTATE a caller made up never becomes a series.
func TestLabelsStayBounded(t *testing.T) {
	m := New(prometheus.NewRegistry(), Options{})
	before := testutil.CollectAndCount(m.transitions)
	m.Transition("teleport", nil)
	m.Transition(domain.ActionCancel, nil)
	if n := testutil.CollectAndCount(m.transitions); n != before || n != len(domain.AllActions)*len(outcomes) {
		t.Fatalf("%d transition series after a made-up action, want %d", n, before)
	}
	if got := testutil.ToFloat64(m.transitions.WithLabelValues("cancel", "ok")); got != 1 {
		t.Fatalf("cancel ok = %v", got)
	}
	m.TxRetried("40001")
	m.TxRetried("23505")
	if n := testutil.CollectAndCount(m.retries); n != 2 || testutil.ToFloat64(m.retries.WithLabelValues("40001")) != 1 {
		t.Fatalf("retries: %d series", n)
	}
	for method, want := range map[string]string{"GET": "GET", "PATCH": "PATCH", "BREW": "other", "get": "other"} {
		if got := methodLabel(method); got != want {
			t.Errorf("methodLabel(%q) = %s, want %s", method, got, want)
		}
	}
	for status, want := range map[int]string{200: "2xx", 204: "2xx", 302: "3xx", 404: "4xx", 503: "5xx", 0: "other", 600: "other"} {
		if got := statusClass(status); got != want {
			t.Errorf("statusClass(%d) = %s, want %s", status, got, want)
		}
	}
}
