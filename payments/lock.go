package payments

import (
	"fmt"

	"gorm.io/gorm"

	"santunan/database"
)

// lockBatchClaims locks, on PostgreSQL, the claims of a batch's pending
// lines in id order, before the caller locks the batch row: the order in
// which every transaction over many claims takes its locks, so that two of
// them cannot deadlock and a loser waits before it has read anything.
// SQLite has one writer: a write transaction holds the database already.
func lockBatchClaims(db *gorm.DB, batchID int64) error {
	if db.Dialector.Name() != "postgres" {
		return nil
	}
	var ids []int64
	err := db.Raw(`SELECT c.id FROM claims c WHERE c.id IN
		(SELECT claim_id FROM disbursement_items WHERE batch_id = ? AND state = ?) ORDER BY c.id FOR UPDATE OF c`,
		batchID, statePending).Scan(&ids).Error
	if err != nil {
		return database.Classify(fmt.Errorf("lock claims of batch %d: %w", batchID, err))
	}
	return nil
}
