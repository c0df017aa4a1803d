package payments

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strconv"

	"santunan/domain"
	"santunan/workflow"
)

// TransferColumns is the header of the bulk-transfer file, one line per
// claim after it (see the README for the format).
var TransferColumns = []string{"sequence", "bank_code", "account_number", "account_name", "amount", "reference", "remark"}

// TransferFile returns a batch's bulk-transfer CSV. The first download
// marks the batch as sent: from then on the bank may be paying it.
func (s *Service) TransferFile(ctx context.Context, actor domain.Actor, id int64) ([]byte, Batch, error) {
	if err := require(actor, domain.RoleTreasurer); err != nil {
		return nil, Batch{}, err
	}
	var row batchRow
	var items []itemRow
	err := s.engine.InTx(ctx, func(tx *workflow.Tx) error {
		db := tx.DB()
		var err error
		if row, err = loadBatch(db, id); err != nil {
			return err
		}
		if row.SentAt == nil {
			now := tx.Now()
			if err := db.Model(&batchRow{}).Where("id = ? AND sent_at IS NULL", id).Update("sent_at", now).Error; err != nil {
				return fmt.Errorf("mark batch sent: %w", err)
			}
			row.SentAt = &now
		}
		items, err = loadItems(db, id)
		return err
	})
	if err != nil {
		return nil, Batch{}, err
	}
	out, err := writeTransfer(items, s.cfg.Remark)
	return out, batchOf(row), err
}

func writeTransfer(items []itemRow, remark string) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	// Windows line ends: the banks' bulk-upload portals are Windows tools.
	w.UseCRLF = true
	if err := w.Write(TransferColumns); err != nil {
		return nil, fmt.Errorf("write transfer header: %w", err)
	}
	for _, it := range items {
		rec := []string{strconv.Itoa(it.Seq), it.BankCode, it.AccountNumber, it.AccountName,
			strconv.FormatInt(it.Amount, 10), it.ClaimCode, remark}
		if err := w.Write(rec); err != nil {
			return nil, fmt.Errorf("write transfer line: %w", err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("write transfer file: %w", err)
	}
	return buf.Bytes(), nil
}
