package applications_test

import (
	"testing"
	"time"

	"santunan/applications"
	"santunan/domain"
)

func proposal(number string, at time.Time) domain.Event {
	return domain.Event{Action: applications.EventBankAccountProposed, At: at, Changes: map[string]domain.Change{
		"proposed.bank_account.bank_code":      {New: "002"},
		"proposed.bank_account.account_number": {New: number},
		"proposed.bank_account.account_name":   {New: "Siti Aminah"},
	}}
}

// The proposal the officer sees is the latest one since the last failed
// transfer: one made for an earlier failure is stale.
func TestProposedAccount(t *testing.T) {
	t0 := time.Date(2026, 11, 2, 3, 0, 0, 0, time.UTC)
	fail := domain.Event{Action: domain.ActionFailPayment}
	retry := domain.Event{Action: domain.ActionRetryPayment}
	cases := []struct {
		name   string
		events []domain.Event
		want   string // account number; "" for none
	}{
		{"none", []domain.Event{fail}, ""},
		{"one", []domain.Event{fail, proposal("111", t0)}, "111"},
		{"the latest", []domain.Event{fail, proposal("111", t0), proposal("222", t0.Add(time.Hour))}, "222"},
		{"stale after another failure", []domain.Event{fail, proposal("111", t0), retry, fail}, ""},
		{"after another failure", []domain.Event{fail, proposal("111", t0), retry, fail, proposal("333", t0)}, "333"},
	}
	for _, c := range cases {
		p, ok := applications.ProposedAccount(c.events)
		if ok != (c.want != "") || p.Account.AccountNumber != c.want {
			t.Errorf("%s: %+v, %v; want %q", c.name, p, ok, c.want)
		}
		if ok && (p.Account.BankCode != "002" || p.Account.AccountName != "Siti Aminah" || p.At.IsZero()) {
			t.Errorf("%s: proposal %+v", c.name, p)
		}
	}
}
