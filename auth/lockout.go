package auth

import (
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/domain"
)

// LockedError refuses a login because the username is locked; errors.Is(err,
// domain.ErrLocked) holds. Until lets the API say when to try again.
type LockedError struct {
	Until time.Time
}

func (e *LockedError) Error() string {
	return "account temporarily locked until " + e.Until.UTC().Format(time.RFC3339)
}

func (e *LockedError) Is(target error) bool { return target == domain.ErrLocked }

// lockoutRow is keyed by username, not user id, so unknown usernames lock
// exactly like real ones and a lock does not reveal that an account exists.
type lockoutRow struct {
	Username    string    `gorm:"column:username;primaryKey"`
	LockedUntil time.Time `gorm:"column:locked_until"`
}

func (lockoutRow) TableName() string { return "login_lockouts" }

// lockEnd returns when name's latest lock ends (or ended); zero if it was
// never locked. q is the read pool or a transaction.
func lockEnd(q *gorm.DB, name string) (time.Time, error) {
	var row lockoutRow
	err := q.Model(&lockoutRow{}).Select("locked_until").Where("username = ?", name).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("read lockout of %q: %w", name, err)
	}
	return row.LockedUntil.UTC(), nil
}

// serializeLogins makes concurrent attempts on one username take turns, so
// that two failures at once cannot both count four and neither lock. SQLite
// needs nothing: every write transaction there starts with BEGIN IMMEDIATE on
// the one writer connection. On PostgreSQL a transaction-scoped advisory lock
// keyed by a hash of the username does it; a hash collision only makes two
// usernames wait for each other.
func (s *Service) serializeLogins(tx *gorm.DB, name string) error {
	if !s.db.IsPostgres() {
		return nil
	}
	h := fnv.New64a()
	_, _ = h.Write([]byte("santunan/auth/login\x00" + name))
	if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", int64(h.Sum64())).Error; err != nil {
		return fmt.Errorf("serialize logins of %q: %w", name, err)
	}
	return nil
}

// recentFailures counts the failed logins of name that count toward a lock:
// those within the window, after the last successful login and after the
// previous lock ended (prevEnd, zero if none). The last success is found by
// event id rather than time, so a failure in the same microsecond as a
// success is still ordered correctly.
func (s *Service) recentFailures(tx *gorm.DB, name string, now, prevEnd time.Time) (int64, error) {
	var lastSuccess sql.NullInt64
	err := tx.Model(&eventRow{}).Select("MAX(id)").
		Where("username = ? AND kind = ?", name, string(EventLoginSuccess)).
		Row().Scan(&lastSuccess)
	if err != nil {
		return 0, fmt.Errorf("find last login of %q: %w", name, err)
	}
	q := tx.Model(&eventRow{}).
		Where("username = ? AND kind = ? AND at > ? AND id > ?",
			name, string(EventLoginFailure), now.Add(-s.opts.LockoutWindow), lastSuccess.Int64)
	if !prevEnd.IsZero() {
		q = q.Where("at >= ?", prevEnd)
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count failed logins of %q: %w", name, err)
	}
	return n, nil
}

// lock locks name until the given time, replacing an earlier (ended) lock.
func lock(tx *gorm.DB, name string, until time.Time) error {
	row := lockoutRow{Username: name, LockedUntil: until}
	err := tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "username"}},
		DoUpdates: clause.AssignmentColumns([]string{"locked_until"}),
	}).Create(&row).Error
	if err != nil {
		return fmt.Errorf("lock %q: %w", name, err)
	}
	return nil
}
