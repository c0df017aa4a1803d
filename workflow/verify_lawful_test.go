package workflow

import (
	"strings"
	"testing"

	"santunan/domain"
)

// A chain whose hashes were recomputed by a forger still has to describe
// steps the engine could have taken.
func TestUnlawfulEvents(t *testing.T) {
	table := DefaultTable()
	ev := func(action domain.Action, role domain.Role, from, to domain.Status, changes map[string]domain.Change) domain.Event {
		return domain.Event{Action: action, ActorRole: role, FromStatus: from, ToStatus: to, Changes: changes}
	}
	cases := []struct {
		name  string
		event domain.Event
		stood domain.Status
		want  string // "" for lawful
	}{
		{"submit", ev(domain.ActionSubmit, domain.RoleDukcapilClerk, none, domain.StatusSubmitted, nil), none, ""},
		{"approve by the officer", ev(domain.ActionApprove, domain.RoleDinsosOfficer, domain.StatusDeathVerified, domain.StatusApproved, nil), domain.StatusDeathVerified, ""},
		{"document recorded", ev("document_uploaded", domain.RoleDukcapilClerk, domain.StatusSubmitted, domain.StatusSubmitted,
			map[string]domain.Change{"document.akta_kematian.sha256": {New: "ab"}}), domain.StatusSubmitted, ""},
		{"warning flagged", ev("account_checked", domain.RoleTreasurer, domain.StatusDisbursing, domain.StatusDisbursing,
			map[string]domain.Change{"warnings": {New: "account_name_mismatch"}}), domain.StatusDisbursing, ""},
		{"withdrawn from a batch by the treasurer", ev(domain.ActionWithdrawPayment, domain.RoleTreasurer, domain.StatusDisbursing, domain.StatusApproved, nil), domain.StatusDisbursing, ""},
		{"withdrawn by the officer", ev(domain.ActionWithdrawPayment, domain.RoleDinsosOfficer, domain.StatusDisbursing, domain.StatusApproved, nil), domain.StatusDisbursing, "not a step"},
		{"withdrawn after payment", ev(domain.ActionWithdrawPayment, domain.RoleTreasurer, domain.StatusPaid, domain.StatusApproved, nil), domain.StatusPaid, "not a step"},
		{"transfer sent", ev(domain.EventTransferSent, domain.RoleTreasurer, domain.StatusDisbursing, domain.StatusDisbursing, nil), domain.StatusDisbursing, ""},
		{"skips a status", ev(domain.ActionApprove, domain.RoleDinsosOfficer, domain.StatusDeathVerified, domain.StatusApproved, nil), domain.StatusSubmitted, "starts from"},
		{"approve by the clerk", ev(domain.ActionApprove, domain.RoleDukcapilClerk, domain.StatusDeathVerified, domain.StatusApproved, nil), domain.StatusDeathVerified, "not a step"},
		{"approve leading to paid", ev(domain.ActionApprove, domain.RoleDinsosOfficer, domain.StatusDeathVerified, domain.StatusPaid, nil), domain.StatusDeathVerified, "not a step"},
		{"recorded event moves the claim", ev("document_uploaded", domain.RoleDukcapilClerk, domain.StatusSubmitted, domain.StatusApproved, nil), domain.StatusSubmitted, "changed the status"},
		{"recorded event swaps the account", ev("document_uploaded", domain.RoleDukcapilClerk, domain.StatusSubmitted, domain.StatusSubmitted,
			map[string]domain.Change{"bank_account.account_number": {Old: "1234567890", New: "5550001111"}}), domain.StatusSubmitted, "bank_account.account_number"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := unlawful(table, tc.event, tc.stood)
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Fatalf("unlawful = %q, want %q", got, tc.want)
			}
		})
	}
}
