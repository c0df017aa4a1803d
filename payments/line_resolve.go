package payments

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// A line the bank was never sent (held back for an account-name mismatch,
// or a batch whose file was not taken yet) has no bank result to wait for.
// The treasurer resolves it, with a reason, without inventing one:
//
//   - WithdrawLine takes it out of the batch (withdraw_payment): the claim
//     is approved again, keeps its budget commitment, and goes into a later
//     batch, where a claim still carrying the mismatch warning is held back
//     until its account name is checked again.
//   - FailLine fails it (fail_payment): the claim is payment_failed, and the
//     officer's retry_payment takes the corrected account, as after a
//     failed transfer.
//
// Either is an event on the claim's trail by the treasurer, and the line
// records who resolved it and why. A line that a transfer file carried is
// the bank's to answer: neither applies to it.

// WithdrawLine takes claimID's line out of batch batchID.
func (s *Service) WithdrawLine(ctx context.Context, actor domain.Actor, batchID, claimID int64, reason string) (Item, Batch, error) {
	return s.resolveLine(ctx, actor, batchID, claimID, stateWithdrawn, reason)
}

// FailLine records claimID's line of batch batchID as failed.
func (s *Service) FailLine(ctx context.Context, actor domain.Actor, batchID, claimID int64, reason string) (Item, Batch, error) {
	return s.resolveLine(ctx, actor, batchID, claimID, stateFailed, reason)
}

func (s *Service) resolveLine(ctx context.Context, actor domain.Actor, batchID, claimID int64, state, reason string) (Item, Batch, error) {
	if err := require(actor, CanPay); err != nil {
		return Item{}, Batch{}, err
	}
	// One line, as the reason is shown: in a table cell and on the trail.
	reason = strings.Join(strings.Fields(reason), " ")
	if code := textViolation(reason, maxFailureReasonRunes); code != "" {
		return Item{}, Batch{}, domain.FieldError("reason", code)
	}
	action := domain.ActionFailPayment
	if state == stateWithdrawn {
		action = domain.ActionWithdrawPayment
	}
	var (
		it  itemRow
		row batchRow
	)
	err := s.engine.InTx(ctx, func(tx *workflow.Tx) error {
		db, now := tx.DB(), tx.Now()
		var err error
		if row, err = lockBatch(tx, batchID); err != nil {
			return err
		}
		if it, err = loadLine(db, batchID, claimID); err != nil {
			return err
		}
		switch {
		case it.State != statePending:
			return fmt.Errorf("line of claim %d: %w", claimID, domain.ErrLineResolved)
		case it.SentIn != nil:
			return fmt.Errorf("line of claim %d: %w", claimID, domain.ErrLineSent)
		case row.Status == BatchClosed:
			return fmt.Errorf("batch %d: %w", batchID, domain.ErrBatchClosed)
		}
		it.State, it.FailureReason, it.ResolvedAt, it.ResolvedBy = state, reason, &now, &actor.UserID
		res := db.Model(&itemRow{}).Where("id = ? AND state = ? AND sent_in IS NULL", it.ID, statePending).
			Updates(map[string]any{"state": state, "failure_reason": reason, "resolved_at": now, "resolved_by": actor.UserID})
		if res.Error != nil {
			return fmt.Errorf("resolve line of claim %d: %w", claimID, res.Error)
		}
		if res.RowsAffected != 1 {
			return fmt.Errorf("line of claim %d changed meanwhile: %w", claimID, &domain.VersionConflictError{Current: -1})
		}
		if _, err := tx.Apply(actor, claimID, action, workflow.ActionInput{Reason: reason}); err != nil {
			return err
		}
		row, err = closeIfDone(tx, row, []resolvedLine{{state: state, amount: it.Amount}})
		return err
	})
	if err != nil {
		return Item{}, Batch{}, err
	}
	return itemOf(it), batchOf(row), nil
}

// loadLine reads claimID's line of a batch (a claim has at most one).
func loadLine(db *gorm.DB, batchID, claimID int64) (itemRow, error) {
	var it itemRow
	err := db.Select(itemColumns).Where("batch_id = ? AND claim_id = ?", batchID, claimID).Take(&it).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return itemRow{}, fmt.Errorf("claim %d in batch %d: %w", claimID, batchID, domain.ErrNotFound)
	}
	if err != nil {
		return itemRow{}, database.Classify(fmt.Errorf("read line of claim %d: %w", claimID, err))
	}
	return it, nil
}

// Line returns claimID's line of batch batchID, and the batch without its
// other lines.
func (s *Service) Line(ctx context.Context, actor domain.Actor, batchID, claimID int64) (Item, Batch, error) {
	if err := require(actor, CanReadPayments); err != nil {
		return Item{}, Batch{}, err
	}
	var (
		row batchRow
		it  itemRow
	)
	err := s.db.ReadTx(ctx, func(db *gorm.DB) error {
		var err error
		if row, err = loadBatch(db, batchID); err != nil {
			return err
		}
		it, err = loadLine(db, batchID, claimID)
		return err
	})
	if err != nil {
		return Item{}, Batch{}, err
	}
	return itemOf(it), batchOf(row), nil
}
