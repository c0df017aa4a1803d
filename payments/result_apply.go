package payments

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"gorm.io/gorm"

	"santunan/domain"
	"santunan/workflow"
)

// Result file formats.
const (
	FormatCSV  = "csv"
	FormatJSON = "json"
)

// ResultFile is a bank's answer for a batch: Raw is the file as received
// (its SHA-256 identifies it); a CSV is parsed from Raw, a JSON file comes
// as Lines already decoded by the caller.
type ResultFile struct {
	Format string
	Raw    []byte
	Lines  []ResultLine
}

// ResultReport says what applying a result file did.
type ResultReport struct {
	BatchID    int64  `json:"batch_id"`
	FileSHA256 string `json:"file_sha256"`
	// AlreadyApplied: every line of the file was applied before (this very
	// file, or the same results in another file); nothing changed.
	AlreadyApplied bool  `json:"already_applied"`
	Lines          int   `json:"lines"`
	Paid           int   `json:"paid"`
	Failed         int   `json:"failed"`
	Unchanged      int   `json:"unchanged"`
	Batch          Batch `json:"batch"`
}

// ApplyResults applies a bank result file to a batch in one transaction:
// success lines take confirm_payment (claim paid), failed lines fail_payment
// (claim payment_failed), each with its event. A line already applied with
// the same outcome is counted as unchanged. Any line that is invalid, names
// a claim outside the batch, differs in amount or contradicts a recorded
// result refuses the whole file, with one problem per bad line, and nothing
// of it is applied.
func (s *Service) ApplyResults(ctx context.Context, actor domain.Actor, batchID int64, f ResultFile) (ResultReport, error) {
	if err := require(actor, CanPay); err != nil {
		return ResultReport{}, err
	}
	if _, err := loadBatch(s.read(ctx), batchID); err != nil {
		return ResultReport{}, err
	}
	sum := sha256.Sum256(f.Raw)
	rep := ResultReport{BatchID: batchID, FileSHA256: hex.EncodeToString(sum[:])}
	lines := f.Lines
	if f.Format == FormatCSV {
		var problems []domain.Problem
		if lines, problems = ParseResultCSV(f.Raw); len(problems) > 0 {
			return ResultReport{}, domain.NewRefusal(domain.RefusedResultFile, problems)
		}
	}
	if len(lines) == 0 {
		return ResultReport{}, domain.NewRefusal(domain.RefusedResultFile, []domain.Problem{{Code: domain.ViolationFileEmpty}})
	}
	if len(lines) > MaxBatchClaims {
		return ResultReport{}, domain.NewRefusal(domain.RefusedResultFile, []domain.Problem{{Code: domain.ViolationTooManyItems}})
	}
	results, problems := checkLines(lines, s.cfg.Location)
	if len(problems) > 0 {
		return ResultReport{}, domain.NewRefusal(domain.RefusedResultFile, problems)
	}
	rep.Lines = len(results)
	err := s.engine.InTx(ctx, func(tx *workflow.Tx) error {
		rep.Paid, rep.Failed, rep.Unchanged, rep.AlreadyApplied = 0, 0, 0, false
		db := tx.DB()
		row, err := lockBatch(tx, batchID)
		if err != nil {
			return err
		}
		var seen int64
		if err := db.Model(&resultFileRow{}).Where("batch_id = ? AND sha256 = ?", batchID, rep.FileSHA256).Count(&seen).Error; err != nil {
			return fmt.Errorf("find result file: %w", err)
		}
		if seen > 0 {
			rep.AlreadyApplied, rep.Unchanged, rep.Batch = true, len(results), batchOf(row)
			return nil
		}
		todo, err := matchResults(db, batchID, results)
		if err != nil {
			return err
		}
		rep.Unchanged = len(results) - len(todo)
		if len(todo) == 0 {
			rep.AlreadyApplied, rep.Batch = true, batchOf(row)
			return nil
		}
		for _, m := range todo {
			if m.res.paid {
				rep.Paid++
			} else {
				rep.Failed++
			}
		}
		file := resultFileRow{BatchID: batchID, SHA256: rep.FileSHA256, Format: f.Format, LineCount: len(results),
			Paid: rep.Paid, Failed: rep.Failed, Unchanged: rep.Unchanged, UploadedBy: actor.UserID, UploadedAt: tx.Now()}
		if err := db.Create(&file).Error; err != nil {
			return fmt.Errorf("record result file: %w", err)
		}
		if err := applyMatches(tx, actor, file.ID, todo); err != nil {
			return err
		}
		lines := make([]resolvedLine, len(todo))
		for i, m := range todo {
			lines[i] = resolvedLine{state: stateFailed, amount: m.item.Amount}
			if m.res.paid {
				lines[i].state = statePaid
			}
		}
		row, err = closeIfDone(tx, row, lines)
		rep.Batch = batchOf(row)
		return err
	})
	if err != nil {
		return ResultReport{}, err
	}
	return rep, nil
}

// match is a result line with the batch line it answers.
type match struct {
	res  result
	item itemRow
}

// matchResults pairs each line with its batch line and returns the ones to
// apply, or a refusal listing every line that does not fit. A SUCCESS is
// accepted only for a line that a transfer file carried to the bank: for
// any other the bank cannot have paid, and paid is final. A FAILED is
// accepted for a waiting line sent or not (the bank did not pay it).
func matchResults(db *gorm.DB, batchID int64, results []result) ([]match, error) {
	items, err := loadItems(db, batchID)
	if err != nil {
		return nil, err
	}
	byCode := make(map[string]itemRow, len(items))
	for _, it := range items {
		byCode[it.ClaimCode] = it
	}
	var todo []match
	var problems []domain.Problem
	for _, r := range results {
		bad := func(field, code string) {
			problems = append(problems, domain.Problem{Line: r.line, Reference: r.ref, Field: field, Code: code})
		}
		it, ok := byCode[r.ref]
		switch {
		case !ok:
			bad("reference", domain.ViolationNotInBatch)
		case r.amount != it.Amount:
			bad("amount", domain.ViolationAmountMismatch)
		case it.State == stateWithdrawn:
			bad("reference", domain.ViolationLineWithdrawn)
		case r.paid && it.SentIn == nil && it.CheckResult == CheckMismatch:
			bad("status", domain.ViolationHeldBack)
		case r.paid && it.SentIn == nil:
			bad("status", domain.ViolationNotSent)
		case it.State == statePending:
			todo = append(todo, match{res: r, item: it})
		case it.State == statePaid && r.paid && it.BankReference == r.bankRef:
		case it.State == stateFailed && !r.paid:
			// The same failure again: the bank's wording may differ.
		default:
			bad("status", domain.ViolationResultConflict)
		}
	}
	if len(problems) > 0 {
		return nil, domain.NewRefusal(domain.RefusedResultFile, problems)
	}
	return todo, nil
}

// applyMatches records each result on its line and moves its claim.
func applyMatches(tx *workflow.Tx, actor domain.Actor, fileID int64, todo []match) error {
	db, now := tx.DB(), tx.Now()
	var problems []domain.Problem
	for _, m := range todo {
		state, action := stateFailed, domain.ActionFailPayment
		in := workflow.ActionInput{Reason: m.res.reason}
		if m.res.paid {
			state, action = statePaid, domain.ActionConfirmPayment
			in = workflow.ActionInput{BankReference: m.res.bankRef}
		}
		res := db.Model(&itemRow{}).Where("id = ? AND state = ?", m.item.ID, statePending).Updates(map[string]any{
			"state": state, "bank_reference": m.res.bankRef, "failure_reason": m.res.reason,
			"bank_time": m.res.bankTime, "resolved_at": now, "result_file_id": fileID})
		if res.Error != nil {
			return fmt.Errorf("record result of line %d: %w", m.item.Seq, res.Error)
		}
		if res.RowsAffected != 1 {
			return fmt.Errorf("batch line %d changed meanwhile: %w", m.item.Seq, &domain.VersionConflictError{Current: -1})
		}
		if _, err := tx.Apply(actor, m.item.ClaimID, action, in); err != nil {
			p, ok := problemOf(m.item.ClaimID, err)
			if !ok {
				return err
			}
			p.Line, p.Reference = m.res.line, m.res.ref
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		return domain.NewRefusal(domain.RefusedResultFile, problems)
	}
	return nil
}
