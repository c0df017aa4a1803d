package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/database"
	"santunan/domain"
)

// Rows of the tables this package owns. Timestamps are set from the injected
// clock, never by gorm, hence autoCreateTime/autoUpdateTime:false.

type userRow struct {
	ID           int64     `gorm:"column:id;primaryKey"`
	Username     string    `gorm:"column:username"`
	FullName     string    `gorm:"column:full_name"`
	Role         string    `gorm:"column:role"`
	PasswordHash string    `gorm:"column:password_hash"`
	Active       bool      `gorm:"column:active"`
	CreatedAt    time.Time `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt    time.Time `gorm:"column:updated_at;autoUpdateTime:false"`
	// MustChange is password_change_required: the password is one-time.
	MustChange bool `gorm:"column:password_change_required"`
}

func (userRow) TableName() string { return "users" }

func (r userRow) toDomain() domain.User {
	return domain.User{
		ID:        r.ID,
		Username:  r.Username,
		FullName:  r.FullName,
		Role:      domain.Role(r.Role),
		Active:    r.Active,
		CreatedAt: r.CreatedAt.UTC(),

		PasswordChangeRequired: r.MustChange,
	}
}

// userColumns are what a domain.User needs; the hash is selected only where
// a password is checked.
var (
	userColumns       = []string{"id", "username", "full_name", "role", "active", "created_at", "password_change_required"}
	credentialColumns = append(append([]string{}, userColumns...), "password_hash")
)

type tokenRow struct {
	ID         int64      `gorm:"column:id;primaryKey"`
	TokenHash  string     `gorm:"column:token_hash"`
	UserID     int64      `gorm:"column:user_id"`
	Kind       string     `gorm:"column:kind"`
	CreatedAt  time.Time  `gorm:"column:created_at;autoCreateTime:false"`
	ExpiresAt  time.Time  `gorm:"column:expires_at"`
	RevokedAt  *time.Time `gorm:"column:revoked_at"`
	LastUsedAt *time.Time `gorm:"column:last_used_at"`
}

func (tokenRow) TableName() string { return "api_tokens" }

type eventRow struct {
	ID       int64     `gorm:"column:id;primaryKey"`
	At       time.Time `gorm:"column:at"`
	Kind     string    `gorm:"column:kind"`
	Username string    `gorm:"column:username"`
	UserID   *int64    `gorm:"column:user_id"`
	ActorID  *int64    `gorm:"column:actor_id"`
	IP       string    `gorm:"column:ip"`
	Reason   string    `gorm:"column:reason"`
	Detail   string    `gorm:"column:detail"`
	PrevHash string    `gorm:"column:prev_hash"`
	Hash     string    `gorm:"column:hash"`
}

func (eventRow) TableName() string { return "security_events" }

var eventColumns = []string{"id", "at", "kind", "username", "user_id", "actor_id", "ip", "reason", "detail", "prev_hash", "hash"}

// findUser loads a user by a condition on q (the read pool or a transaction).
// found is false when no row matches; other errors are returned as they are.
func findUser(q *gorm.DB, columns []string, query string, args ...any) (row userRow, found bool, err error) {
	err = q.Model(&userRow{}).Select(columns).Where(query, args...).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return userRow{}, false, nil
	}
	if err != nil {
		return userRow{}, false, err
	}
	return row, true, nil
}

// lockUser loads a user inside a transaction and locks the row until it
// ends (FOR UPDATE on PostgreSQL; SQLite has one writer): a login and a
// change of the same user's credentials then take turns, so a login cannot
// issue a token on credentials a concurrent reset or disable has replaced.
func lockUser(tx *gorm.DB, columns []string, id int64) (userRow, bool, error) {
	return findUser(tx.Clauses(clause.Locking{Strength: "UPDATE"}), columns, "id = ?", id)
}

// userInTx locks a user (lockUser), domain.ErrNotFound when absent.
func userInTx(tx *gorm.DB, id int64) (userRow, error) {
	row, found, err := lockUser(tx, credentialColumns, id)
	if err != nil {
		return userRow{}, fmt.Errorf("load user %d: %w", id, err)
	}
	if !found {
		return userRow{}, fmt.Errorf("user %d: %w", id, domain.ErrNotFound)
	}
	return row, nil
}

// readUser is userInTx on the read pool.
func (s *Service) readUser(ctx context.Context, id int64) (userRow, error) {
	row, found, err := findUser(s.db.Read.WithContext(ctx), userColumns, "id = ?", id)
	if err != nil {
		return userRow{}, database.Classify(fmt.Errorf("load user %d: %w", id, err))
	}
	if !found {
		return userRow{}, fmt.Errorf("user %d: %w", id, domain.ErrNotFound)
	}
	return row, nil
}

// nullableID stores 0 as NULL: "no user" rather than a user with id 0.
func nullableID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func idOrZero(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}
