package payments

import (
	"fmt"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"santunan/i18n"
)

// ReconciliationXLSX renders a batch's reconciliation for the accountability
// report (SPJ): a summary sheet with the figures and a sheet of every line
// with the bank's answer.
func ReconciliationXLSX(rec Reconciliation, lang i18n.Lang, loc *time.Location) ([]byte, error) {
	t := func(k i18n.PaymentText) string { return i18n.Payment(lang, k) }
	when := func(at *time.Time) string {
		if at == nil {
			return ""
		}
		return at.In(loc).Format("2006-01-02 15:04:05")
	}
	f := excelize.NewFile()
	defer f.Close()
	summary, lines := t(i18n.PayReconSheet), t(i18n.PayReconLinesSheet)
	if err := f.SetSheetName("Sheet1", summary); err != nil {
		return nil, fmt.Errorf("xlsx sheet: %w", err)
	}
	if _, err := f.NewSheet(lines); err != nil {
		return nil, fmt.Errorf("xlsx sheet: %w", err)
	}
	x := newSheet(f, summary)
	x.row(true, t(i18n.PayReconTitle))
	x.row(false, t(i18n.PayBatch), "#"+strconv.FormatInt(rec.Batch.ID, 10))
	created := rec.Batch.CreatedAt
	x.row(false, t(i18n.PayCreatedAt), when(&created))
	x.row(false, t(i18n.PayClosedAt), when(rec.Batch.ClosedAt))
	x.next++
	x.row(true, "", t(i18n.PayCount), t(i18n.PayAmount))
	for _, r := range []struct {
		label i18n.PaymentText
		f     Figures
	}{{i18n.PayExpected, rec.Expected}, {i18n.PayPaid, rec.Paid}, {i18n.PayFailed, rec.Failed}, {i18n.PayWithdrawn, rec.Withdrawn},
		{i18n.PayPending, rec.Pending}} {
		x.row(false, t(r.label), r.f.Count, int64(r.f.Amount))
	}
	balanced := t(i18n.PayNo)
	if rec.Balanced {
		balanced = t(i18n.PayYes)
	}
	x.row(true, t(i18n.PayBalanced), balanced)
	x.width(0, 24)
	x.width(1, 22)
	x.width(2, 18)
	if _, err := x.bytes(); err != nil {
		return nil, err
	}

	y := newSheet(f, lines)
	heads := []i18n.PaymentText{i18n.PayColNo, i18n.PayColClaimCode, i18n.PayColBank, i18n.PayColAccountNo,
		i18n.PayColAccountName, i18n.PayColAmount, i18n.PayColResult, i18n.PayColBankRef, i18n.PayColFailure, i18n.PayColBankTime}
	widths := []float64{6, 16, 28, 20, 28, 14, 16, 22, 30, 20}
	head := make([]any, len(heads))
	for i, h := range heads {
		head[i] = t(h)
		y.width(i, widths[i])
	}
	y.row(true, head...)
	state := map[string]string{statePaid: t(i18n.PayPaid), stateFailed: t(i18n.PayFailed), statePending: t(i18n.PayPending),
		stateWithdrawn: t(i18n.PayWithdrawn)}
	for _, it := range rec.Items {
		y.row(false, it.Seq, it.ClaimCode, it.BankCode+" "+it.BankName, it.AccountNumber, it.AccountName,
			int64(it.Amount), state[it.State], it.BankReference, it.FailureReason, when(it.BankTime))
	}
	return y.bytes()
}
