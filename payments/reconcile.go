package payments

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"santunan/domain"
)

// Figures are a count of claims and their sum.
type Figures struct {
	Count  int           `json:"count"`
	Amount domain.Rupiah `json:"amount"`
}

// Reconciliation of a batch: what was sent against what the bank answered,
// recomputed from the batch's lines and compared with the control totals
// and running figures kept on the batch.
type Reconciliation struct {
	Batch    Batch   `json:"batch"`
	Expected Figures `json:"expected"`
	Paid     Figures `json:"paid"`
	Failed   Figures `json:"failed"`
	// Withdrawn lines left the batch before the bank was sent them.
	Withdrawn Figures `json:"withdrawn"`
	Pending   Figures `json:"pending"`
	// Balanced: the lines add up to the control totals, and paid, failed,
	// withdrawn and pending add up to the lines; nothing was lost or
	// counted twice.
	Balanced bool `json:"balanced"`
	// Items are the lines, for the detailed report.
	Items []Item `json:"-"`
}

// Reconcile computes a batch's reconciliation.
func (s *Service) Reconcile(ctx context.Context, actor domain.Actor, batchID int64) (Reconciliation, error) {
	if err := require(actor, CanReadPayments); err != nil {
		return Reconciliation{}, err
	}
	var (
		row   batchRow
		items []itemRow
		files []TransferFile
		sums  []struct {
			State  string
			N      int
			Amount int64
		}
	)
	// One snapshot: a result file applied meanwhile must not make the batch
	// look unbalanced.
	err := s.db.ReadTx(ctx, func(db *gorm.DB) error {
		var err error
		if row, err = loadBatch(db, batchID); err != nil {
			return err
		}
		err = db.Model(&itemRow{}).Select("state, COUNT(*) AS n, COALESCE(SUM(amount), 0) AS amount").
			Where("batch_id = ?", batchID).Group("state").Scan(&sums).Error
		if err != nil {
			return fmt.Errorf("reconcile batch %d: %w", batchID, err)
		}
		if files, err = transferFiles(db, batchID); err != nil {
			return err
		}
		items, err = loadItems(db, batchID)
		return err
	})
	if err != nil {
		return Reconciliation{}, err
	}
	rec := Reconciliation{Batch: batchOf(row)}
	rec.Batch.TransferFiles = files
	var lines Figures
	for _, s := range sums {
		f := Figures{Count: s.N, Amount: domain.Rupiah(s.Amount)}
		switch s.State {
		case statePaid:
			rec.Paid = f
		case stateFailed:
			rec.Failed = f
		case stateWithdrawn:
			rec.Withdrawn = f
		case statePending:
			rec.Pending = f
		}
		lines.Count += f.Count
		lines.Amount += f.Amount
	}
	rec.Expected = Figures{Count: row.ClaimCount, Amount: domain.Rupiah(row.TotalAmount)}
	rec.Balanced = lines == rec.Expected &&
		rec.Paid == Figures{Count: row.PaidCount, Amount: domain.Rupiah(row.PaidAmount)} &&
		rec.Failed == Figures{Count: row.FailedCount, Amount: domain.Rupiah(row.FailedAmount)} &&
		rec.Withdrawn == Figures{Count: row.WithdrawnCount, Amount: domain.Rupiah(row.WithdrawnAmount)}
	rec.Items = make([]Item, 0, len(items))
	for _, it := range items {
		rec.Items = append(rec.Items, itemOf(it))
	}
	return rec, nil
}
