package payments_test

import (
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/payments"
	"santunan/workflow"
)

// batchOf builds a batch of the claims and reads it back with its lines.
func (e *env) batchOf(t testing.TB, ids []int64) payments.Batch {
	t.Helper()
	b, err := e.svc.CreateBatch(ctx, e.treasurer, payments.BatchRequest{ClaimIDs: ids})
	if err != nil {
		t.Fatalf("create batch: %v", err)
	}
	full, err := e.svc.GetBatch(ctx, e.treasurer, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	return full
}

// sentBatch builds a batch of the claims, takes its transfer file for the
// bank (the lines the bank may then pay) and reads it back with its lines.
func (e *env) sentBatch(t testing.TB, ids []int64) payments.Batch {
	t.Helper()
	b := e.batchOf(t, ids)
	if _, _, err := e.svc.SendTransfer(ctx, e.treasurer, b.ID); err != nil {
		t.Fatalf("send transfer file: %v", err)
	}
	full, err := e.svc.GetBatch(ctx, e.treasurer, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	return full
}

func TestBatchTakesClaimsToPaid(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		ids := e.approved(t, 1, 3)
		b := e.batchOf(t, ids)
		if b.Status != payments.BatchOpen || b.ClaimCount != 3 || b.TotalAmount != 3_000_000 || b.PendingCount != 3 || len(b.Items) != 3 {
			t.Fatalf("batch %+v", b)
		}
		for _, id := range ids {
			if s := e.status(t, id); s != domain.StatusDisbursing {
				t.Fatalf("claim %d is %s in an open batch", id, s)
			}
		}

		transfer, sent, err := e.svc.SendTransfer(ctx, e.treasurer, b.ID)
		if err != nil || sent.SentAt == nil || transfer.Seq != 1 || transfer.Lines != 3 || transfer.Total != 3_000_000 || transfer.Held != 0 {
			t.Fatalf("transfer file: %v %+v %+v", err, sent, transfer)
		}
		data := transfer.Data
		recs, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
		if err != nil || len(recs) != 4 || !strings.Contains(string(data), "\r\n") {
			t.Fatalf("transfer file %q: %v", data, err)
		}
		if !slices.Equal(recs[0], payments.TransferColumns) ||
			!slices.Equal(recs[1], []string{"1", "113", "1234567890", "SITI AMINAH", "1000000", b.Items[0].ClaimCode, "SANTUNAN KEMATIAN"}) {
			t.Fatalf("transfer lines %q", recs[:2])
		}

		c := codes(b)
		rep, err := e.svc.ApplyResults(ctx, e.treasurer, b.ID, payments.ResultFile{Format: payments.FormatCSV,
			Raw: resultCSV(b, map[string]string{c[0]: "", c[1]: "", c[2]: "REKENING TUTUP"})})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Paid != 2 || rep.Failed != 1 || rep.Unchanged != 0 || rep.AlreadyApplied || rep.Batch.Status != payments.BatchClosed {
			t.Fatalf("report %+v", rep)
		}
		want := []domain.Status{domain.StatusPaid, domain.StatusPaid, domain.StatusPaymentFailed}
		for i, id := range ids {
			if s := e.status(t, id); s != want[i] {
				t.Fatalf("claim %d is %s, want %s", id, s, want[i])
			}
		}
		paid, _ := e.engine.Get(ctx, ids[0])
		if paid.BankReference != "JTG000001" {
			t.Fatalf("bank reference %q", paid.BankReference)
		}
		evs := e.events(t, ids[2])
		var actions []domain.Action
		for _, ev := range evs {
			actions = append(actions, ev.Action)
		}
		if want := []domain.Action{"submit", "verify_death", "approve", "start_payment", "transfer_sent", "fail_payment"}; !slices.Equal(actions, want) {
			t.Fatalf("trail %v", actions)
		}
		if evs[3].Reason != "Batch #1" || evs[5].Reason != "REKENING TUTUP" {
			t.Fatalf("reasons %q, %q", evs[3].Reason, evs[5].Reason)
		}

		rec, err := e.svc.Reconcile(ctx, e.auditor, b.ID)
		if err != nil || !rec.Balanced || rec.Paid != (payments.Figures{Count: 2, Amount: 2_000_000}) ||
			rec.Failed != (payments.Figures{Count: 1, Amount: 1_000_000}) || rec.Pending.Count != 0 {
			t.Fatalf("reconciliation %+v %v", rec, err)
		}
		e.auditOK(t)
	})
}

func TestSameResultFileTwiceChangesNothing(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		b := e.sentBatch(t, e.approved(t, 1, 2))
		c := codes(b)
		file := payments.ResultFile{Format: payments.FormatCSV, Raw: resultCSV(b, map[string]string{c[0]: "", c[1]: "NAMA TIDAK SESUAI"})}
		first, err := e.svc.ApplyResults(ctx, e.treasurer, b.ID, file)
		if err != nil || first.AlreadyApplied {
			t.Fatalf("first: %+v %v", first, err)
		}
		eventsBefore := len(e.events(t, b.Items[0].ClaimID))
		again, err := e.svc.ApplyResults(ctx, e.treasurer, b.ID, file)
		if err != nil || !again.AlreadyApplied || again.Paid != 0 || again.Failed != 0 || again.Unchanged != 2 || again.FileSHA256 != first.FileSHA256 {
			t.Fatalf("again: %+v %v", again, err)
		}
		// The same results in another file (a re-export with other line
		// ends) are recognised line by line.
		other := file
		other.Raw = []byte(strings.ReplaceAll(string(file.Raw), "\n", "\r\n"))
		rep, err := e.svc.ApplyResults(ctx, e.treasurer, b.ID, other)
		if err != nil || !rep.AlreadyApplied || rep.Unchanged != 2 {
			t.Fatalf("re-export: %+v %v", rep, err)
		}
		if n := len(e.events(t, b.Items[0].ClaimID)); n != eventsBefore {
			t.Fatalf("events grew from %d to %d", eventsBefore, n)
		}
		e.auditOK(t)
	})
}

func TestBadLinesRefuseTheWholeFile(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		b := e.sentBatch(t, e.approved(t, 1, 3))
		other := e.batchOf(t, e.approved(t, 10, 1))
		c := codes(b)
		raw := "Reference;Status;Bank_Reference;Failure_Reason;Amount\n" + // a spreadsheet's semicolons, no time column
			c[0] + ";SUCCESS;JTG1;;1000000\n" +
			c[1] + ";SUCCESS;JTG2;;999000\n" + // amount differs
			other.Items[0].ClaimCode + ";SUCCESS;JTG3;;1000000\n" + // another batch's claim
			c[2] + ";PAID;JTG4;;1000000\n" + // unknown status
			c[0] + ";SUCCESS;JTG1;;1000000\n" // repeated
		_, err := e.svc.ApplyResults(ctx, e.treasurer, b.ID, payments.ResultFile{Format: payments.FormatCSV, Raw: []byte(raw)})
		var refusal *domain.RefusalError
		if !errors.As(err, &refusal) || refusal.Subject != domain.RefusedResultFile {
			t.Fatalf("err = %v, want the file refused", err)
		}
		got := map[int]string{}
		for _, p := range refusal.Problems {
			got[p.Line] = p.Code
		}
		want := map[int]string{5: domain.ViolationResultStatusInvalid, 6: domain.ViolationDuplicateItem}
		if len(got) != len(want) || got[5] != want[5] || got[6] != want[6] {
			t.Fatalf("problems %+v, want %v", refusal.Problems, want)
		}
		// Lines that are fine on their own are then checked against the batch.
		raw = strings.Join(strings.Split(raw, "\n")[:4], "\n") + "\n"
		_, err = e.svc.ApplyResults(ctx, e.treasurer, b.ID, payments.ResultFile{Format: payments.FormatCSV, Raw: []byte(raw)})
		if !errors.As(err, &refusal) {
			t.Fatalf("err = %v, want the file refused", err)
		}
		wantBatch := []domain.Problem{
			{Line: 3, Reference: c[1], Field: "amount", Code: domain.ViolationAmountMismatch},
			{Line: 4, Reference: other.Items[0].ClaimCode, Field: "reference", Code: domain.ViolationNotInBatch},
		}
		if !slices.Equal(refusal.Problems, wantBatch) {
			t.Fatalf("problems %+v, want %+v", refusal.Problems, wantBatch)
		}
		// Nothing of the file was applied, not even its good first line.
		after, _ := e.svc.GetBatch(ctx, e.treasurer, b.ID)
		if after.PendingCount != 3 || after.PaidCount != 0 {
			t.Fatalf("batch after a refused file %+v", after)
		}
		for _, it := range after.Items {
			if it.State != "pending" || e.status(t, it.ClaimID) != domain.StatusDisbursing {
				t.Fatalf("line %+v was touched", it)
			}
		}
	})
}

func TestContradictingResultIsRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		b := e.sentBatch(t, e.approved(t, 1, 2))
		c := codes(b)
		// Partial results: the batch stays open.
		rep, err := e.svc.ApplyResults(ctx, e.treasurer, b.ID, payments.ResultFile{Format: payments.FormatCSV, Raw: resultCSV(b, map[string]string{c[0]: ""})})
		if err != nil || rep.Batch.Status != payments.BatchOpen || rep.Batch.PendingCount != 1 {
			t.Fatalf("partial: %+v %v", rep, err)
		}
		_, err = e.svc.ApplyResults(ctx, e.treasurer, b.ID, payments.ResultFile{Format: payments.FormatCSV, Raw: resultCSV(b, map[string]string{c[0]: "GAGAL", c[1]: ""})})
		var refusal *domain.RefusalError
		if !errors.As(err, &refusal) || len(refusal.Problems) != 1 || refusal.Problems[0].Code != domain.ViolationResultConflict {
			t.Fatalf("err = %v, want a result conflict", err)
		}
		if s := e.status(t, b.Items[1].ClaimID); s != domain.StatusDisbursing {
			t.Fatalf("second claim is %s after a refused file", s)
		}
	})
}

// A failed transfer goes back to approved only through retry_payment with a
// corrected account, and from there into a new batch.
func TestFailedClaimIsRetriedInANewBatch(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		id := e.approved(t, 1, 1)[0]
		b := e.batchOf(t, []int64{id})
		if _, err := e.svc.ApplyResults(ctx, e.treasurer, b.ID, payments.ResultFile{Format: payments.FormatCSV,
			Raw: resultCSV(b, map[string]string{b.Items[0].ClaimCode: "REKENING TIDAK DITEMUKAN"})}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.CreateBatch(ctx, e.treasurer, payments.BatchRequest{ClaimIDs: []int64{id}}); !errors.Is(err, domain.ErrRefused) {
			t.Fatalf("failed claim batched again: %v", err)
		}
		_, err := e.engine.Apply(ctx, e.officer, id, domain.ActionRetryPayment, workflow.ActionInput{
			BankAccount: &domain.BankAccountInput{BankCode: "002", AccountNumber: "0987654321", AccountName: "SITI AMINAH"}})
		if err != nil {
			t.Fatal(err)
		}
		second := e.sentBatch(t, []int64{id})
		if second.Items[0].BankCode != "002" || second.Items[0].AccountNumber != "0987654321" {
			t.Fatalf("new batch line %+v does not carry the corrected account", second.Items[0])
		}
		if _, err := e.svc.ApplyResults(ctx, e.treasurer, second.ID, payments.ResultFile{Format: payments.FormatCSV,
			Raw: resultCSV(second, map[string]string{second.Items[0].ClaimCode: ""})}); err != nil {
			t.Fatal(err)
		}
		if s := e.status(t, id); s != domain.StatusPaid {
			t.Fatalf("claim is %s", s)
		}
		if b, _ := e.svc.GetBudget(ctx, e.officer, 2026); b.Committed != 1_000_000 {
			t.Fatalf("retry changed the commitment: %d", b.Committed)
		}
		e.auditOK(t)
	})
}

func TestPaidClaimIsNeverBatchedAgain(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		id := e.approved(t, 1, 1)[0]
		b := e.sentBatch(t, []int64{id})
		if _, err := e.svc.ApplyResults(ctx, e.treasurer, b.ID, payments.ResultFile{Format: payments.FormatCSV,
			Raw: resultCSV(b, map[string]string{b.Items[0].ClaimCode: ""})}); err != nil {
			t.Fatal(err)
		}
		_, err := e.svc.CreateBatch(ctx, e.treasurer, payments.BatchRequest{ClaimIDs: []int64{id}})
		var refusal *domain.RefusalError
		if !errors.As(err, &refusal) || refusal.Problems[0].Status != domain.StatusPaid || refusal.Problems[0].Code != domain.ViolationClaimWrongStatus {
			t.Fatalf("err = %v, want the paid claim refused", err)
		}
		if _, err := e.svc.CreateBatch(ctx, e.treasurer, payments.BatchRequest{AllApproved: true}); !errors.Is(err, domain.ErrValidation) {
			t.Fatalf("all approved with none: %v", err)
		}
		for _, a := range []domain.Action{domain.ActionCancel, domain.ActionRetryPayment} {
			if _, err := e.engine.Apply(ctx, e.officer, id, a, workflow.ActionInput{Reason: "x"}); !errors.Is(err, domain.ErrInvalidTransition) {
				t.Fatalf("%s on a paid claim: %v", a, err)
			}
		}
	})
}

// Payment actions are never taken on one claim outside a batch, and are
// not offered as buttons.
func TestPaymentActionsAreReservedToBatches(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		id := e.approved(t, 1, 1)[0]
		_, err := e.engine.Apply(ctx, e.treasurer, id, domain.ActionStartPayment, workflow.ActionInput{})
		if !errors.Is(err, domain.ErrReservedAction) {
			t.Fatalf("single start_payment: %v", err)
		}
		if _, err := e.engine.Apply(ctx, e.clerk, id, domain.ActionStartPayment, workflow.ActionInput{}); !errors.Is(err, domain.ErrForbidden) {
			t.Fatalf("clerk start_payment: %v, want forbidden first", err)
		}
		if got := e.engine.AllowedActions(domain.RoleTreasurer, domain.StatusApproved); len(got) != 0 {
			t.Fatalf("treasurer offered %v on an approved claim", got)
		}
		if got := e.engine.AllowedActions(domain.RoleDinsosOfficer, domain.StatusApproved); !slices.Equal(got, []domain.Action{domain.ActionCancel}) {
			t.Fatalf("officer offered %v", got)
		}
	})
}

func TestBatchRequestIsChecked(t *testing.T) {
	e := newEnv(t, testdb.SQLite(t))
	cases := []struct {
		req   payments.BatchRequest
		field string
		code  string
	}{
		{payments.BatchRequest{}, "claim_ids", domain.ViolationRequired},
		{payments.BatchRequest{ClaimIDs: []int64{1}, AllApproved: true}, "all_approved", domain.ViolationInvalidValue},
		{payments.BatchRequest{ClaimIDs: []int64{1, 1}}, "claim_ids", domain.ViolationDuplicateItem},
		{payments.BatchRequest{ClaimIDs: []int64{-1}}, "claim_ids", domain.ViolationInvalidValue},
	}
	for _, c := range cases {
		_, err := e.svc.CreateBatch(ctx, e.treasurer, c.req)
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || ve.Fields[c.field] != c.code {
			t.Errorf("%+v: %v, want %s=%s", c.req, err, c.field, c.code)
		}
	}
	for _, a := range []domain.Actor{e.officer, e.auditor, e.clerk} {
		if _, err := e.svc.CreateBatch(ctx, a, payments.BatchRequest{AllApproved: true}); !errors.Is(err, domain.ErrForbidden) {
			t.Errorf("%s builds a batch: %v", a.Role, err)
		}
	}
}
