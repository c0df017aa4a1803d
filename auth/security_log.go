package auth

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
)

// EventKind names what a security event records.
type EventKind string

const (
	EventLoginSuccess      EventKind = "login_success"
	EventLoginFailure      EventKind = "login_failure"
	EventLoginLocked       EventKind = "login_locked" // an attempt refused while the username was locked
	EventLogout            EventKind = "logout"
	EventUserCreated       EventKind = "user_created"
	EventUserDisabled      EventKind = "user_disabled"
	EventUserEnabled       EventKind = "user_enabled"
	EventPasswordReset     EventKind = "password_reset"
	EventAdminBootstrapped EventKind = "admin_bootstrapped"
)

// SecurityEvent is one entry of the append-only security log. UserID and
// ActorID are 0 when there is none (an unknown username; the bootstrap).
// Detail is a short note for people; it never holds a password or token.
type SecurityEvent struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	Kind     EventKind `json:"kind"`
	Username string    `json:"username"`
	UserID   int64     `json:"user_id,omitempty"`
	ActorID  int64     `json:"actor_id,omitempty"`
	IP       string    `json:"ip"`
	Detail   string    `json:"detail"`
}

const (
	defaultEventLimit = 100
	maxEventLimit     = 1000
)

// record appends ev in tx, so it commits or rolls back with the change it
// describes.
func record(tx *gorm.DB, ev SecurityEvent) error {
	row := eventRow{
		At:       dbTime(ev.At),
		Kind:     string(ev.Kind),
		Username: ev.Username,
		UserID:   nullableID(ev.UserID),
		ActorID:  nullableID(ev.ActorID),
		IP:       cleanLogText(ev.IP, maxIPLen),
		Detail:   ev.Detail,
	}
	if err := tx.Create(&row).Error; err != nil {
		return fmt.Errorf("record security event %s: %w", ev.Kind, err)
	}
	return nil
}

// SecurityEvents returns the newest events first, for one username (any when
// username is ""). limit <= 0 means 100; at most 1000 are returned.
func (s *Service) SecurityEvents(ctx context.Context, username string, limit int) ([]SecurityEvent, error) {
	if limit <= 0 {
		limit = defaultEventLimit
	}
	limit = min(limit, maxEventLimit)
	q := s.db.Read.WithContext(ctx).Model(&eventRow{}).Select(eventColumns)
	if username != "" {
		q = q.Where("username = ?", normalizeUsername(username))
	}
	var rows []eventRow
	// By id, not time: ids follow insertion order even when two events share
	// a timestamp.
	if err := q.Order("id DESC").Limit(limit).Find(&rows).Error; err != nil {
		return nil, database.Classify(fmt.Errorf("list security events: %w", err))
	}
	out := make([]SecurityEvent, len(rows))
	for i, r := range rows {
		out[i] = SecurityEvent{
			ID:       r.ID,
			At:       r.At.UTC(),
			Kind:     EventKind(r.Kind),
			Username: r.Username,
			UserID:   idOrZero(r.UserID),
			ActorID:  idOrZero(r.ActorID),
			IP:       r.IP,
			Detail:   r.Detail,
		}
	}
	return out, nil
}
