package notify

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"santunan/database"
)

// sendArgs is the river job that delivers one notification: only its id,
// so nothing personal sits in river's tables.
type sendArgs struct {
	ID int64 `json:"id"`
}

// Kind names the job in river_job.
func (sendArgs) Kind() string { return "santunan_notification" }

// enqueue writes the row and its delivery job in tx, the caller's
// transaction: both commit, or neither does.
func (s *Service) enqueue(tx *gorm.DB, n Notification, params []string) error {
	p, err := json.Marshal(params)
	if err != nil {
		return fmt.Errorf("notify: params: %w", err)
	}
	n.Params = string(p)
	n.Status = StatusQueued
	n.CreatedAt = s.opts.Now().UTC()
	if err := tx.Create(&n).Error; err != nil {
		return database.Classify(fmt.Errorf("notify: record message: %w", err))
	}
	sqlTx, ok := tx.Statement.ConnPool.(*sql.Tx)
	if !ok {
		return fmt.Errorf("notify: queue a message outside a transaction")
	}
	if _, err := s.client.InsertTx(tx.Statement.Context, sqlTx, sendArgs{ID: n.ID}, &river.InsertOpts{MaxAttempts: s.opts.MaxAttempts}); err != nil {
		return database.Classify(fmt.Errorf("notify: queue message: %w", err))
	}
	return nil
}
