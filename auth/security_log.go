package auth

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/paging"
)

// EventKind names what a security event records.
type EventKind string

const (
	EventLoginSuccess          EventKind = "login_success"
	EventLoginFailure          EventKind = "login_failure"
	EventLoginLocked           EventKind = "login_locked"    // an attempt refused while its client was locked out
	EventLoginThrottled        EventKind = "login_throttled" // an attempt refused while its username was slowed down
	EventLogout                EventKind = "logout"
	EventUserCreated           EventKind = "user_created"
	EventUserDisabled          EventKind = "user_disabled"
	EventUserEnabled           EventKind = "user_enabled"
	EventPasswordReset         EventKind = "password_reset"   // by an admin: one-time
	EventPasswordChanged       EventKind = "password_changed" // by the user
	EventPasswordChangeFailure EventKind = "password_change_failure"
	EventAdminBootstrapped     EventKind = "admin_bootstrapped"
)

// EventKinds lists every kind, for the pages' labels and for audit verify.
var EventKinds = []EventKind{
	EventLoginSuccess, EventLoginFailure, EventLoginLocked, EventLoginThrottled, EventLogout,
	EventUserCreated, EventUserDisabled, EventUserEnabled, EventPasswordReset, EventPasswordChanged,
	EventPasswordChangeFailure, EventAdminBootstrapped,
}

// SecurityEvent is one entry of the append-only, hash-chained security log.
// UserID and ActorID are 0 when there is none (an unknown username; the
// bootstrap). Reason is a stable code: why a login failed (Reason*), the
// session kind of a login ("web", "api"), the role of a created user.
// Detail is a short note for people; it never holds a password or token.
type SecurityEvent struct {
	ID            int64     `json:"id"`
	At            time.Time `json:"at"`
	Kind          EventKind `json:"kind"`
	Username      string    `json:"username"`
	UserID        int64     `json:"user_id,omitempty"`
	ActorID       int64     `json:"actor_id,omitempty"`
	ActorUsername string    `json:"actor_username,omitempty"`
	IP            string    `json:"ip"`
	Reason        string    `json:"reason,omitempty"`
	Detail        string    `json:"detail"`
	PrevHash      string    `json:"prev_hash"`
	Hash          string    `json:"hash"`
}

// record appends ev in tx, so it commits or rolls back with the change it
// describes, chained to the event before it (security_chain.go). It must be
// the last thing a transaction locks: on PostgreSQL it holds the log's lock
// until the commit.
func (s *Service) record(tx *gorm.DB, ev SecurityEvent) error {
	row := eventRow{
		At:       dbTime(ev.At),
		Kind:     string(ev.Kind),
		Username: ev.Username,
		UserID:   nullableID(ev.UserID),
		ActorID:  nullableID(ev.ActorID),
		IP:       cleanLogText(ev.IP, maxIPLen),
		Reason:   ev.Reason,
		Detail:   ev.Detail,
	}
	prev, err := s.chainHead(tx)
	if err != nil {
		return fmt.Errorf("record security event %s: %w", ev.Kind, err)
	}
	row.PrevHash = prev
	if row.Hash, err = row.chainHash(prev); err != nil {
		return fmt.Errorf("record security event %s: %w", ev.Kind, err)
	}
	if err := tx.Create(&row).Error; err != nil {
		return fmt.Errorf("record security event %s: %w", ev.Kind, err)
	}
	return nil
}

// Paging of the security log: newest first, keyset on id.
const (
	DefaultEventPageSize = 50
	MaxEventPageSize     = 200
)

// EventQuery asks for a page of the security log. Username "" means every
// account; Cursor is the next cursor of the previous page.
type EventQuery struct {
	Username string
	Limit    int
	Cursor   string
}

// SecurityEvents returns a page of the security log, newest first, and the
// cursor of the next page ("" on the last). Whoever reads the whole audit
// (auditor, admin) may read it, so what an admin does to accounts is always
// in front of the auditor.
func (s *Service) SecurityEvents(ctx context.Context, actor domain.Actor, q EventQuery) ([]SecurityEvent, string, error) {
	if !actor.Role.ReadsAudit() {
		return nil, "", fmt.Errorf("security log read by role %q: %w", actor.Role, domain.ErrForbidden)
	}
	fe := domain.FieldErrors{}
	size, ok := paging.Limits{Default: DefaultEventPageSize, Max: MaxEventPageSize}.Size(q.Limit)
	if !ok {
		fe.Add("limit", domain.ViolationInvalidValue)
	}
	before, ok := paging.Decode("before", q.Cursor, 1)
	if !ok {
		fe.Add("cursor", domain.ViolationInvalidValue)
	}
	name := normalizeUsername(q.Username)
	if name != "" && !validUsername(name) {
		fe.Add("username", domain.ViolationUsernameInvalid)
	}
	if err := fe.Err(); err != nil {
		return nil, "", err
	}
	db := s.db.Read.WithContext(ctx).Table("security_events AS e").
		Joins("LEFT JOIN users AS a ON a.id = e.actor_id").
		Select("e.id, e.at, e.kind, e.username, e.user_id, e.actor_id, e.ip, e.reason, e.detail, e.prev_hash, e.hash, a.username AS actor_username")
	if name != "" {
		db = db.Where("e.username = ?", name)
	}
	if before > 0 {
		db = db.Where("e.id < ?", before)
	}
	var rows []listedEvent
	// By id, not time: ids follow the chain's order even when two events
	// share a timestamp.
	if err := db.Order("e.id DESC").Limit(size + 1).Find(&rows).Error; err != nil {
		return nil, "", database.Classify(fmt.Errorf("list security events: %w", err))
	}
	next := ""
	if len(rows) > size {
		rows = rows[:size]
		next = paging.Encode("before", rows[len(rows)-1].Event.ID)
	}
	out := make([]SecurityEvent, len(rows))
	for i, r := range rows {
		out[i] = r.event()
	}
	return out, next, nil
}

// listedEvent is an event with its actor's username.
type listedEvent struct {
	Event         eventRow `gorm:"embedded"`
	ActorUsername *string  `gorm:"column:actor_username"`
}

func (l listedEvent) event() SecurityEvent {
	r := l.Event
	ev := SecurityEvent{
		ID:       r.ID,
		At:       r.At.UTC(),
		Kind:     EventKind(r.Kind),
		Username: r.Username,
		UserID:   idOrZero(r.UserID),
		ActorID:  idOrZero(r.ActorID),
		IP:       r.IP,
		Reason:   r.Reason,
		Detail:   r.Detail,
		PrevHash: r.PrevHash,
		Hash:     r.Hash,
	}
	if l.ActorUsername != nil {
		ev.ActorUsername = *l.ActorUsername
	}
	return ev
}
