package notify

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
)

// load reads a notification.
func (s *Service) load(ctx context.Context, id int64) (Notification, error) {
	var n Notification
	err := s.db.Write.WithContext(ctx).Where("id = ?", id).Take(&n).Error
	if err != nil {
		return Notification{}, database.Classify(fmt.Errorf("notify: load %d: %w", id, err))
	}
	return n, nil
}

// done are the columns a message that ended loses: the phone, and a
// code's text and parameters (Body of a claim's message stays, for staff).
func done(n Notification, fields map[string]any) map[string]any {
	fields["recipient"] = ""
	fields["next_attempt_at"] = nil
	if n.Kind == KindCode {
		fields["body"] = ""
		fields["params"] = "[]"
	}
	return fields
}

// markSent records the delivery, if the row is still queued (a stop may
// have cancelled it meanwhile; the message went anyway and is said sent).
func (s *Service) markSent(ctx context.Context, n Notification, providerID string) error {
	now := s.opts.Now().UTC()
	return s.update(ctx, n.ID, done(n, map[string]any{
		"status": StatusSent, "attempts": attemptMore, "provider_message_id": providerID, "sent_at": now,
	}))
}

// attemptMore counts one more attempt. The row counts what was sent; river's
// own count of the job's runs leaves out a run cut short by a stop.
var attemptMore = gorm.Expr("attempts + 1")

// markAttemptFailed records a failed attempt: failed for good when final,
// otherwise still queued until next.
func (s *Service) markAttemptFailed(ctx context.Context, n Notification, answer string, final bool, next time.Time) error {
	fields := map[string]any{"attempts": attemptMore, "last_error": answer}
	if final {
		fields["status"] = StatusFailed
		fields = done(n, fields)
	} else {
		fields["next_attempt_at"] = next.UTC()
	}
	return s.update(ctx, n.ID, fields)
}

func (s *Service) update(ctx context.Context, id int64, fields map[string]any) error {
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		err := tx.Model(&Notification{}).Where("id = ? AND status IN ?", id, []Status{StatusQueued, StatusCancelled}).
			Updates(fields).Error
		if err != nil {
			return fmt.Errorf("notify: update %d: %w", id, err)
		}
		return nil
	})
}

// OfClaim lists a claim's messages, oldest first, for staff.
func (s *Service) OfClaim(ctx context.Context, claimID int64) ([]Notification, error) {
	var out []Notification
	err := s.db.Read.WithContext(ctx).Where("claim_id = ?", claimID).Order("id").Find(&out).Error
	if err != nil {
		return nil, database.Classify(fmt.Errorf("notify: messages of claim %d: %w", claimID, err))
	}
	return out, nil
}

// CancelQueued cancels a claim's messages not yet sent, in tx (the stop's
// transaction); a message in flight may still arrive.
func CancelQueued(tx *gorm.DB, claimID int64) error {
	err := tx.Model(&Notification{}).Where("claim_id = ? AND status = ?", claimID, StatusQueued).
		Updates(map[string]any{"status": StatusCancelled, "recipient": "", "next_attempt_at": nil}).Error
	if err != nil {
		return fmt.Errorf("notify: cancel messages of claim %d: %w", claimID, err)
	}
	return nil
}
