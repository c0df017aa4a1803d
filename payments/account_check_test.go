package payments_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/payments"
	"santunan/workflow"
)

// fakeBank answers account-name inquiries from a table; an account it does
// not know gets no answer, as a bank that times out.
type fakeBank struct {
	mu    sync.Mutex
	names map[string]string
	asked int
}

func (f *fakeBank) Inquire(_ context.Context, bankCode, account string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked++
	if name, ok := f.names[bankCode+"/"+account]; ok {
		return name, nil
	}
	return "", errors.New("no answer")
}

func hasWarning(c domain.Claim) bool {
	return slices.Contains(c.Warnings, domain.WarningAccountNameMismatch)
}

func TestManualAccountChecksFlagMismatches(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		b := e.batchOf(t, e.approved(t, 1, 2))
		a, c := b.Items[0].ClaimID, b.Items[1].ClaimID
		rep, err := e.svc.ConfirmAccounts(ctx, e.treasurer, b.ID, []payments.NameCheck{
			{ClaimID: a, NameAtBank: "siti  aminah."}, {ClaimID: c, NameAtBank: "SITI AMINAH BINTI SLAMET"}})
		if err != nil || rep.Checked != 2 || rep.Matches != 1 || rep.Mismatches != 1 {
			t.Fatalf("report %+v %v", rep, err)
		}
		ca, _ := e.engine.Get(ctx, a)
		cc, _ := e.engine.Get(ctx, c)
		if hasWarning(ca) || !hasWarning(cc) {
			t.Fatalf("warnings %v and %v, want only the second flagged", ca.Warnings, cc.Warnings)
		}
		evs := e.events(t, c)
		last := evs[len(evs)-1]
		if last.Action != domain.EventAccountChecked || last.ToStatus != domain.StatusDisbursing ||
			last.Changes["warnings"].New != domain.WarningAccountNameMismatch || last.Reason != "SITI AMINAH BINTI SLAMET" {
			t.Fatalf("check event %+v", last)
		}
		// A second look that matches takes the flag off, again in the trail.
		if _, err := e.svc.ConfirmAccounts(ctx, e.treasurer, b.ID, []payments.NameCheck{{ClaimID: c, NameAtBank: "Siti Aminah"}}); err != nil {
			t.Fatal(err)
		}
		cc, _ = e.engine.Get(ctx, c)
		if hasWarning(cc) || len(e.events(t, c)) != len(evs)+1 {
			t.Fatalf("warnings %v after a match", cc.Warnings)
		}
		full, _ := e.svc.GetBatch(ctx, e.treasurer, b.ID)
		if chk := full.Items[1].AccountCheck; chk == nil || chk.Result != payments.CheckMatch || chk.Source != payments.CheckManual {
			t.Fatalf("line check %+v", chk)
		}
		_, err = e.svc.ConfirmAccounts(ctx, e.treasurer, b.ID, []payments.NameCheck{{ClaimID: 424242, NameAtBank: "X"}, {ClaimID: a, NameAtBank: ""}})
		var refusal *domain.RefusalError
		if !errors.As(err, &refusal) || len(refusal.Problems) != 2 {
			t.Fatalf("bad checks: %v", err)
		}
		if _, err := e.svc.InquireAccounts(ctx, e.treasurer, b.ID); !errors.Is(err, domain.ErrInquiryUnavailable) {
			t.Fatalf("inquiry without a bank: %v", err)
		}
		e.auditOK(t)
	})
}

func TestInquiryChecksEveryOpenLine(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		bank := &fakeBank{names: map[string]string{"113/1234567890": "SITI AMINAH"}}
		e := newEnv(t, db, func(_ *workflow.Options, p *payments.Options) { p.Inquirer = bank })
		e.budget(t, 100_000_000)
		b := e.batchOf(t, e.approved(t, 1, 2))
		rep, err := e.svc.InquireAccounts(ctx, e.treasurer, b.ID)
		if err != nil || rep.Checked != 2 || rep.Matches != 2 || bank.asked != 2 {
			t.Fatalf("inquiry %+v %v (asked %d)", rep, err, bank.asked)
		}
		// A bank that does not answer leaves the lines as they were.
		bank.mu.Lock()
		bank.names = map[string]string{}
		bank.mu.Unlock()
		rep, err = e.svc.InquireAccounts(ctx, e.treasurer, b.ID)
		if err != nil || rep.Checked != 0 || rep.Unanswered != 2 {
			t.Fatalf("unanswered inquiry %+v %v", rep, err)
		}
	})
}

func TestNamesMatch(t *testing.T) {
	cases := []struct {
		ours, bank string
		want       bool
	}{
		{"SITI AMINAH", "SITI AMINAH", true},
		{"Siti Aminah", "SITI  AMINAH.", true},
		{"SITI AMINAH", "SITI AMINA", false},
		{"SITI AMINAH", "", false},
		{"", "SITI AMINAH", false},
		{"RADEN AJENG SITI AMINAH PURNAMASARI", "RADEN AJENG SITI AMIN", true}, // cut at 21 by the bank
		{"SITI AMINAH", "SITI", false},                                         // too short to be a cut
		{"MUH. YUSUF", "MUH YUSUF", true},
	}
	for _, c := range cases {
		if got := payments.NamesMatch(c.ours, c.bank); got != c.want {
			t.Errorf("NamesMatch(%q, %q) = %v, want %v", c.ours, c.bank, got, c.want)
		}
	}
}
