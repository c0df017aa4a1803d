package payments

import (
	"fmt"

	"santunan/workflow"
)

// resolvedLine is a line that has just got its result.
type resolvedLine struct {
	state  string // paid, failed or withdrawn
	amount int64
}

// closeIfDone adds the resolved lines to the batch's figures and closes it
// once no line waits for a result.
func closeIfDone(tx *workflow.Tx, row batchRow, lines []resolvedLine) (batchRow, error) {
	for _, l := range lines {
		switch l.state {
		case statePaid:
			row.PaidCount++
			row.PaidAmount += l.amount
		case stateFailed:
			row.FailedCount++
			row.FailedAmount += l.amount
		case stateWithdrawn:
			row.WithdrawnCount++
			row.WithdrawnAmount += l.amount
		default:
			return row, fmt.Errorf("batch %d: a line cannot be resolved as %q", row.ID, l.state)
		}
	}
	set := map[string]any{"paid_count": row.PaidCount, "paid_amount": row.PaidAmount,
		"failed_count": row.FailedCount, "failed_amount": row.FailedAmount,
		"withdrawn_count": row.WithdrawnCount, "withdrawn_amount": row.WithdrawnAmount}
	if row.PaidCount+row.FailedCount+row.WithdrawnCount == row.ClaimCount {
		now := tx.Now()
		row.Status, row.ClosedAt = BatchClosed, &now
		set["status"], set["closed_at"] = BatchClosed, now
	}
	if err := tx.DB().Model(&batchRow{}).Where("id = ?", row.ID).Updates(set).Error; err != nil {
		return row, fmt.Errorf("update batch figures: %w", err)
	}
	return row, nil
}
