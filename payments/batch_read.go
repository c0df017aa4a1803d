package payments

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// Item is one line of a batch.
type Item struct {
	Seq           int           `json:"seq"`
	ClaimID       int64         `json:"claim_id"`
	ClaimCode     string        `json:"claim_code"`
	Amount        domain.Rupiah `json:"amount"`
	BankCode      string        `json:"bank_code"`
	BankName      string        `json:"bank_name"`
	AccountNumber string        `json:"account_number"`
	AccountName   string        `json:"account_name"`
	// State is pending until the bank's result (paid or failed), or
	// until the treasurer fails or withdraws a line the bank was never sent.
	State         string        `json:"state"`
	BankReference string        `json:"bank_reference"`
	FailureReason string        `json:"failure_reason"`
	BankTime      *time.Time    `json:"bank_time"`
	ResolvedAt    *time.Time    `json:"resolved_at"`
	AccountCheck  *AccountCheck `json:"account_check"`
	// TransferFile is the seq of the transfer file that carried the line to
	// the bank, nil while it was never sent.
	TransferFile *int `json:"transfer_file"`
	// HeldBack: pending, never sent, and its account name did not match:
	// no transfer file takes it until a check matches.
	HeldBack bool `json:"held_back"`
	// ResolvedBy is the treasurer who failed or withdrew the line without a
	// bank result.
	ResolvedBy *int64 `json:"resolved_by"`
}

// AccountCheck is the last check of an item's account name.
type AccountCheck struct {
	Result     string    `json:"result"` // match or mismatch
	NameAtBank string    `json:"name_at_bank"`
	Source     string    `json:"source"` // manual or inquiry
	CheckedBy  int64     `json:"checked_by"`
	CheckedAt  time.Time `json:"checked_at"`
}

func itemOf(r itemRow) Item {
	bank, _ := domain.BankByCode(r.BankCode)
	it := Item{Seq: r.Seq, ClaimID: r.ClaimID, ClaimCode: r.ClaimCode, Amount: domain.Rupiah(r.Amount),
		BankCode: r.BankCode, BankName: bank.Name, AccountNumber: r.AccountNumber, AccountName: r.AccountName,
		State: r.State, BankReference: r.BankReference, FailureReason: r.FailureReason,
		BankTime: utc(r.BankTime), ResolvedAt: utc(r.ResolvedAt),
		TransferFile: r.SentIn, HeldBack: r.held(), ResolvedBy: r.ResolvedBy}
	if r.CheckResult != "" && r.CheckedAt != nil {
		by := int64(0)
		if r.CheckedBy != nil {
			by = *r.CheckedBy
		}
		it.AccountCheck = &AccountCheck{Result: r.CheckResult, NameAtBank: r.CheckName, Source: r.CheckSource,
			CheckedBy: by, CheckedAt: r.CheckedAt.UTC()}
	}
	return it
}

func loadBatch(db *gorm.DB, id int64) (batchRow, error) {
	var row batchRow
	err := db.Select(batchColumns).Where("id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return batchRow{}, fmt.Errorf("batch %d: %w", id, domain.ErrNotFound)
	}
	if err != nil {
		return batchRow{}, database.Classify(fmt.Errorf("read batch %d: %w", id, err))
	}
	return row, nil
}

// loadItems reads a batch's lines in order, a chunk per query.
func loadItems(db *gorm.DB, batchID int64) ([]itemRow, error) {
	var out []itemRow
	lastSeq := 0
	for {
		var rows []itemRow
		err := db.Select(itemColumns).Where("batch_id = ? AND seq > ?", batchID, lastSeq).Order("seq").Limit(2 * chunk).Find(&rows).Error
		if err != nil {
			return nil, database.Classify(fmt.Errorf("read batch items: %w", err))
		}
		out = append(out, rows...)
		if len(rows) < 2*chunk {
			return out, nil
		}
		lastSeq = rows[len(rows)-1].Seq
	}
}

// GetBatch returns a batch with its lines.
func (s *Service) GetBatch(ctx context.Context, actor domain.Actor, id int64) (Batch, error) {
	if err := require(actor, CanReadPayments); err != nil {
		return Batch{}, err
	}
	var (
		row   batchRow
		rows  []itemRow
		files []TransferFile
	)
	err := s.db.ReadTx(ctx, func(db *gorm.DB) error {
		var err error
		if row, err = loadBatch(db, id); err != nil {
			return err
		}
		if files, err = transferFiles(db, id); err != nil {
			return err
		}
		rows, err = loadItems(db, id)
		return err
	})
	if err != nil {
		return Batch{}, err
	}
	b := batchOf(row)
	b.TransferFiles = files
	b.Items = make([]Item, 0, len(rows))
	for _, r := range rows {
		b.Items = append(b.Items, itemOf(r))
	}
	return b, nil
}

// ListBatches returns a page of batches, newest first, without lines.
func (s *Service) ListBatches(ctx context.Context, actor domain.Actor, q PageQuery) ([]Batch, string, error) {
	if err := require(actor, CanReadPayments); err != nil {
		return nil, "", err
	}
	before, err := q.check()
	if err != nil {
		return nil, "", err
	}
	db := s.read(ctx).Select(batchColumns)
	if before > 0 {
		db = db.Where("id < ?", before)
	}
	if q.Status != "" {
		db = db.Where("status = ?", q.Status)
	}
	var rows []batchRow
	if err := db.Order("id DESC").Limit(q.Limit + 1).Find(&rows).Error; err != nil {
		return nil, "", database.Classify(fmt.Errorf("list batches: %w", err))
	}
	out, next := trimPage(rows, q.Limit, func(r batchRow) int64 { return r.ID }, batchOf)
	return out, next, nil
}

// lockBatch locks a batch for a change of its lines (a result file, account
// checks): first the claims of its lines, in id order, then the batch row,
// the order every transaction takes (workflow/lock.go), so that two uploads
// for one batch take turns and neither deadlocks with a single action on
// one of its claims.
func lockBatch(tx *workflow.Tx, batchID int64) (batchRow, error) {
	var claimIDs []int64
	if err := tx.DB().Model(&itemRow{}).Where("batch_id = ?", batchID).Pluck("claim_id", &claimIDs).Error; err != nil {
		return batchRow{}, fmt.Errorf("read claims of batch %d: %w", batchID, err)
	}
	if err := tx.LockClaims(claimIDs); err != nil {
		return batchRow{}, err
	}
	return loadBatch(forUpdate(tx.DB()), batchID)
}
