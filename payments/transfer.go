package payments

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// TransferColumns is the header of the bulk-transfer file, one line per
// claim after it (see the README for the format).
var TransferColumns = []string{"sequence", "bank_code", "account_number", "account_name", "amount", "reference", "remark"}

// TransferFile is the record of a transfer file the treasurer took for the
// bank: the bank may be paying each of its lines from then on, and only
// those lines can be paid (see ApplyResults).
type TransferFile struct {
	// Seq numbers the batch's files: 1, then 2 for lines that became
	// payable after the first was sent, and so on.
	Seq    int           `json:"seq"`
	SHA256 string        `json:"sha256"` // of the file's bytes; "" for a file sent before files were recorded
	Lines  int           `json:"line_count"`
	Total  domain.Rupiah `json:"total_amount"`
	// Held counts pending lines left out because the bank's account name
	// did not match the heir's: they must not be paid until corrected.
	Held   int       `json:"held_count"`
	SentBy int64     `json:"sent_by"`
	SentAt time.Time `json:"sent_at"`
}

func transferFileOf(r transferFileRow) TransferFile {
	return TransferFile{Seq: r.Seq, SHA256: r.SHA256, Lines: r.LineCount, Total: domain.Rupiah(r.TotalAmount),
		Held: r.HeldCount, SentBy: r.SentBy, SentAt: r.SentAt.UTC()}
}

// Transfer is a bulk-transfer file with its record and control totals.
type Transfer struct {
	TransferFile
	Data []byte
}

// SendTransfer takes the transfer file for the bank: every line still to
// be paid that no file carried yet (held-back lines stay out), recorded as
// sent in a new file of the batch, each claim's trail saying so, in one
// transaction. Lines the bank already answered are never in it, and no line
// is in two files, so sending the files to the bank cannot pay anyone twice.
func (s *Service) SendTransfer(ctx context.Context, actor domain.Actor, batchID int64) (Transfer, Batch, error) {
	if err := require(actor, CanPay); err != nil {
		return Transfer{}, Batch{}, err
	}
	var (
		out Transfer
		row batchRow
	)
	err := s.engine.InTx(ctx, func(tx *workflow.Tx) error {
		db, now := tx.DB(), tx.Now()
		var err error
		if row, err = lockBatch(tx, batchID); err != nil {
			return err
		}
		if row.Status == BatchClosed {
			return fmt.Errorf("send batch %d: %w", batchID, domain.ErrBatchClosed)
		}
		items, err := loadItems(db, batchID)
		if err != nil {
			return err
		}
		var payable []itemRow
		f := transferFileRow{BatchID: batchID, Remark: s.cfg.Remark, SentBy: actor.UserID, SentAt: now}
		for _, it := range items {
			switch {
			case it.payable():
				payable = append(payable, it)
				f.LineCount++
				f.TotalAmount += it.Amount
			case it.held():
				f.HeldCount++
			}
		}
		if len(payable) == 0 {
			return fmt.Errorf("send batch %d: %w", batchID, domain.ErrNothingToSend)
		}
		if f.Seq, err = lastTransferSeq(db, batchID); err != nil {
			return err
		}
		f.Seq++
		data, err := writeTransfer(payable, f.Remark)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		f.SHA256 = hex.EncodeToString(sum[:])
		if err := db.Create(&f).Error; err != nil {
			return fmt.Errorf("record transfer file: %w", err)
		}
		if err := markSent(db, payable, f.Seq); err != nil {
			return err
		}
		if row.SentAt == nil {
			if err := db.Model(&batchRow{}).Where("id = ?", batchID).Update("sent_at", now).Error; err != nil {
				return fmt.Errorf("mark batch sent: %w", err)
			}
			row.SentAt = &now
		}
		// Each claim's trail proves which file carried it, by the file's
		// hash: the costliest part (an event per line, as building the
		// batch), and what lets an outsider check a payment end to end.
		reason := fmt.Sprintf("Batch #%d, transfer file #%d, SHA-256 %s", batchID, f.Seq, f.SHA256)
		for _, it := range payable {
			if _, err := tx.Record(actor, it.ClaimID, domain.EventTransferSent, reason, nil); err != nil {
				return err
			}
		}
		out = Transfer{TransferFile: transferFileOf(f), Data: data}
		return nil
	})
	if err != nil {
		return Transfer{}, Batch{}, err
	}
	return out, batchOf(row), nil
}

// markSent records the file on each line, a chunk per statement; a line
// sent or answered meanwhile is a conflict (the batch lock should make it
// impossible).
func markSent(db *gorm.DB, lines []itemRow, seq int) error {
	for start := 0; start < len(lines); start += chunk {
		part := lines[start:min(start+chunk, len(lines))]
		ids := make([]int64, len(part))
		for i, it := range part {
			ids[i] = it.ID
		}
		res := db.Model(&itemRow{}).Where("id IN ? AND state = ? AND sent_in IS NULL", ids, statePending).Update("sent_in", seq)
		if res.Error != nil {
			return fmt.Errorf("mark lines sent: %w", res.Error)
		}
		if res.RowsAffected != int64(len(part)) {
			return fmt.Errorf("batch lines changed meanwhile: %w", &domain.VersionConflictError{Current: -1})
		}
	}
	return nil
}

func lastTransferSeq(db *gorm.DB, batchID int64) (int, error) {
	var last int
	err := db.Model(&transferFileRow{}).Where("batch_id = ?", batchID).Select("COALESCE(MAX(seq), 0)").Scan(&last).Error
	if err != nil {
		return 0, fmt.Errorf("find last transfer file: %w", err)
	}
	return last, nil
}

// TransferFile returns transfer file seq of the batch again (0: the last
// one), rebuilt from the lines it recorded: the same bytes as when it was
// sent, which its recorded hash proves. It changes nothing.
func (s *Service) TransferFile(ctx context.Context, actor domain.Actor, batchID int64, seq int) (Transfer, Batch, error) {
	if err := require(actor, CanPay); err != nil {
		return Transfer{}, Batch{}, err
	}
	var (
		row   batchRow
		f     transferFileRow
		items []itemRow
	)
	err := s.db.ReadTx(ctx, func(db *gorm.DB) error {
		var err error
		if row, err = loadBatch(db, batchID); err != nil {
			return err
		}
		q := db.Select(transferFileColumns).Where("batch_id = ?", batchID)
		if seq > 0 {
			q = q.Where("seq = ?", seq)
		}
		err = q.Order("seq DESC").Take(&f).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound) && seq > 0:
			return fmt.Errorf("transfer file %d of batch %d: %w", seq, batchID, domain.ErrNotFound)
		case errors.Is(err, gorm.ErrRecordNotFound):
			return fmt.Errorf("batch %d: %w", batchID, domain.ErrTransferNotSent)
		case err != nil:
			return database.Classify(fmt.Errorf("read transfer file: %w", err))
		}
		err = db.Select(itemColumns).Where("batch_id = ? AND sent_in = ?", batchID, f.Seq).Order("seq").Find(&items).Error
		return database.Classify(err)
	})
	if err != nil {
		return Transfer{}, Batch{}, err
	}
	remark := f.Remark
	if f.SHA256 == "" {
		remark = s.cfg.Remark // sent before files were recorded: nothing to prove
	}
	data, err := writeTransfer(items, remark)
	if err != nil {
		return Transfer{}, Batch{}, err
	}
	if sum := sha256.Sum256(data); f.SHA256 != "" && hex.EncodeToString(sum[:]) != f.SHA256 {
		return Transfer{}, Batch{}, fmt.Errorf("transfer file %d of batch %d no longer matches its recorded hash", f.Seq, batchID)
	}
	return Transfer{TransferFile: transferFileOf(f), Data: data}, batchOf(row), nil
}

// transferFiles lists a batch's transfer files, first first.
func transferFiles(db *gorm.DB, batchID int64) ([]TransferFile, error) {
	var rows []transferFileRow
	if err := db.Select(transferFileColumns).Where("batch_id = ?", batchID).Order("seq").Find(&rows).Error; err != nil {
		return nil, database.Classify(fmt.Errorf("read transfer files: %w", err))
	}
	out := make([]TransferFile, len(rows))
	for i, r := range rows {
		out[i] = transferFileOf(r)
	}
	return out, nil
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
