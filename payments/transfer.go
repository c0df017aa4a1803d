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

// Transfer is a bulk-transfer file and its control totals.
type Transfer struct {
	Data  []byte
	Lines int
	Total domain.Rupiah
	// Held counts pending lines left out because the bank's account name
	// did not match the heir's: they must not be paid until corrected.
	Held int
}

// TransferFile returns the bulk-transfer CSV of a batch's lines that are
// still to be paid. Lines the bank already answered (paid or failed) are
// never in it, so a file downloaded again after a partial result cannot pay
// anyone twice; lines whose account name did not match are held back. The
// first download marks the batch as sent: from then on the bank may be
// paying it.
func (s *Service) TransferFile(ctx context.Context, actor domain.Actor, id int64) (Transfer, Batch, error) {
	if err := require(actor, domain.RoleTreasurer); err != nil {
		return Transfer{}, Batch{}, err
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
		return Transfer{}, Batch{}, err
	}
	var t Transfer
	var payable []itemRow
	for _, it := range items {
		switch {
		case it.State != statePending:
		case it.CheckResult == CheckMismatch:
			t.Held++
		default:
			payable = append(payable, it)
			t.Lines++
			t.Total += domain.Rupiah(it.Amount)
		}
	}
	t.Data, err = writeTransfer(payable, s.cfg.Remark)
	return t, batchOf(row), err
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
