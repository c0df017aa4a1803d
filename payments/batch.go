package payments

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/domain"
	"santunan/workflow"
)

// BatchRequest builds a payment batch from the listed approved claims, or
// from every approved claim (oldest first, at most MaxBatchClaims).
type BatchRequest struct {
	ClaimIDs    []int64
	AllApproved bool
}

// Batch is a bulk bank transfer of approved claims. ClaimCount and
// TotalAmount are its control totals, fixed when it is built.
type Batch struct {
	ID           int64         `json:"id"`
	Status       string        `json:"status"`
	ClaimCount   int           `json:"claim_count"`
	TotalAmount  domain.Rupiah `json:"total_amount"`
	PaidCount    int           `json:"paid_count"`
	PaidAmount   domain.Rupiah `json:"paid_amount"`
	FailedCount  int           `json:"failed_count"`
	FailedAmount domain.Rupiah `json:"failed_amount"`
	// Withdrawn lines were taken out before the bank was sent them.
	WithdrawnCount  int           `json:"withdrawn_count"`
	WithdrawnAmount domain.Rupiah `json:"withdrawn_amount"`
	PendingCount    int           `json:"pending_count"`
	PendingAmount   domain.Rupiah `json:"pending_amount"`
	CreatedBy       int64         `json:"created_by"`
	CreatedAt       time.Time     `json:"created_at"`
	// SentAt is when the first transfer file was taken for the bank.
	SentAt   *time.Time `json:"sent_at"`
	ClosedAt *time.Time `json:"closed_at"`
	// TransferFiles lists the files taken for the bank, first first (read
	// with the lines).
	TransferFiles []TransferFile `json:"transfer_files,omitempty"`
	Items         []Item         `json:"items,omitempty"`
}

func batchOf(r batchRow) Batch {
	return Batch{ID: r.ID, Status: r.Status, ClaimCount: r.ClaimCount, TotalAmount: domain.Rupiah(r.TotalAmount),
		PaidCount: r.PaidCount, PaidAmount: domain.Rupiah(r.PaidAmount), FailedCount: r.FailedCount,
		FailedAmount:   domain.Rupiah(r.FailedAmount),
		WithdrawnCount: r.WithdrawnCount, WithdrawnAmount: domain.Rupiah(r.WithdrawnAmount),
		PendingCount:  r.ClaimCount - r.PaidCount - r.FailedCount - r.WithdrawnCount,
		PendingAmount: domain.Rupiah(r.TotalAmount - r.PaidAmount - r.FailedAmount - r.WithdrawnAmount),
		CreatedBy:     r.CreatedBy, CreatedAt: r.CreatedAt.UTC(), SentAt: utc(r.SentAt), ClosedAt: utc(r.ClosedAt)}
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// batchReason is the reason of each claim's start_payment event: the batch
// it went into, so the trail names it.
func batchReason(id int64) string { return "Batch #" + strconv.FormatInt(id, 10) }

// CreateBatch moves the claims to disbursing and fixes the batch's lines and
// control totals, all in one transaction. With listed claims, any claim
// that cannot be paid refuses the whole batch with a report per claim. With
// AllApproved, claims that another batch takes at the same moment are left
// to it: each claim lands in exactly one batch either way (the claim's
// version swap decides, and a unique index on open lines backs it).
func (s *Service) CreateBatch(ctx context.Context, actor domain.Actor, req BatchRequest) (Batch, error) {
	if err := require(actor, CanPay); err != nil {
		return Batch{}, err
	}
	var ids []int64
	switch {
	case req.AllApproved && len(req.ClaimIDs) > 0:
		return Batch{}, domain.FieldError("all_approved", domain.ViolationInvalidValue)
	case !req.AllApproved:
		var err error
		if ids, err = checkClaimIDs("claim_ids", req.ClaimIDs); err != nil {
			return Batch{}, err
		}
	}
	var out Batch
	err := s.engine.InTx(ctx, func(tx *workflow.Tx) error {
		db, now := tx.DB(), tx.Now()
		row := batchRow{Status: BatchOpen, CreatedBy: actor.UserID, CreatedAt: now}
		if err := db.Create(&row).Error; err != nil {
			return fmt.Errorf("insert batch: %w", err)
		}
		// Listed claims are locked in id order before any moves; the
		// all-approved pick locks (and skips locked ones) as it reads.
		if err := tx.LockClaims(ids); err != nil {
			return err
		}
		todo := ids
		if req.AllApproved {
			var err error
			if todo, err = approvedClaimIDs(db); err != nil {
				return err
			}
		}
		items, err := s.startPayments(tx, actor, row.ID, todo, req.AllApproved)
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return domain.FieldError("all_approved", domain.ViolationNoApprovedClaims)
		}
		if err := db.CreateInBatches(items, chunk).Error; err != nil {
			return fmt.Errorf("insert batch items: %w", err)
		}
		for _, it := range items {
			row.ClaimCount++
			row.TotalAmount += it.Amount
		}
		if err := db.Model(&batchRow{}).Where("id = ?", row.ID).
			Updates(map[string]any{"claim_count": row.ClaimCount, "total_amount": row.TotalAmount}).Error; err != nil {
			return fmt.Errorf("set control totals: %w", err)
		}
		out = batchOf(row)
		return nil
	})
	if err != nil {
		return Batch{}, err
	}
	return out, nil
}

// approvedClaimIDs picks the oldest approved claims for a batch. On
// PostgreSQL it locks them and skips those another batch has locked, so two
// treasurers building "all approved" batches at once split the claims
// instead of queueing behind each other.
func approvedClaimIDs(db *gorm.DB) ([]int64, error) {
	q := db.Table("claims").Select("id").Where("status = ?", string(domain.StatusApproved)).Order("id").Limit(MaxBatchClaims)
	if db.Dialector.Name() == "postgres" {
		q = q.Clauses(clause.Locking{Strength: "UPDATE", Options: "SKIP LOCKED"})
	}
	var ids []int64
	if err := q.Pluck("id", &ids).Error; err != nil {
		return nil, fmt.Errorf("find approved claims: %w", err)
	}
	return ids, nil
}

// startPayments takes start_payment on each claim (its own event) and
// returns the batch lines, copying the amount and account the transfer uses.
func (s *Service) startPayments(tx *workflow.Tx, actor domain.Actor, batchID int64, ids []int64, skipLost bool) ([]itemRow, error) {
	items := make([]itemRow, 0, len(ids))
	var problems []domain.Problem
	for _, id := range ids {
		c, err := tx.Apply(actor, id, domain.ActionStartPayment, workflow.ActionInput{Reason: batchReason(batchID)})
		if err != nil {
			p, ok := problemOf(id, err)
			if !ok {
				return nil, err
			}
			if skipLost && p.Code == domain.ViolationClaimWrongStatus {
				continue // taken by another batch or cancelled meanwhile
			}
			problems = append(problems, p)
			continue
		}
		it := itemRow{BatchID: batchID, Seq: len(items) + 1, ClaimID: c.ID, ClaimCode: c.Code,
			Amount: int64(c.Amount), BankCode: c.BankAccount.BankCode, AccountNumber: c.BankAccount.AccountNumber,
			AccountName: c.BankAccount.AccountName, State: statePending}
		if slices.Contains(c.Warnings, domain.WarningAccountNameMismatch) {
			// The account's last name check failed and the account was not
			// corrected since (a line withdrawn from its batch, a retry with
			// the same account): the new line is held back until a check
			// matches, never sent on the old mismatch.
			it.CheckResult, it.CheckSource = CheckMismatch, CheckCarried
		}
		items = append(items, it)
	}
	if len(problems) > 0 {
		return nil, domain.NewRefusal(domain.RefusedBatch, problems)
	}
	return items, nil
}
