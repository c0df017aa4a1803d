package auth

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// The account EnsureAdmin creates.
const (
	bootstrapUsername = "admin"
	bootstrapFullName = "Administrator"
)

// EnsureAdmin creates the first admin when there are no users at all, so a
// fresh installation can be signed in to. With password == "" it generates
// one and returns it in generated for the caller to print once. Either way
// the password is one-time, like every password someone else sets: the one
// printed lands in logs, the one given (SANTUNAN_ADMIN_PASSWORD) sits in a
// deployment's configuration, and both are read by more people than the
// admin; the first login must replace it. When users
// exist it does nothing. Two servers starting at once are safe: the unique
// username lets only one insert win, and the other reports created == false.
func (s *Service) EnsureAdmin(ctx context.Context, password string) (created bool, generated string, err error) {
	empty, err := s.noUsers(s.db.Read.WithContext(ctx))
	if err != nil {
		return false, "", database.Classify(fmt.Errorf("ensure admin: %w", err))
	}
	if !empty {
		return false, "", nil
	}
	detail := "password given"
	if password == "" {
		generated = generatePassword()
		password, detail = generated, "password generated"
	} else if err := validatePassword(password); err != nil {
		return false, "", fmt.Errorf("ensure admin: %w", err)
	}
	hash, err := s.hashPassword(password)
	if err != nil {
		return false, "", fmt.Errorf("ensure admin: %w", err)
	}
	now := s.now()
	in := NewUser{Username: bootstrapUsername, FullName: bootstrapFullName, Role: domain.RoleAdmin}
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		created = false
		// Checked again here: another server may have created it since.
		empty, err := s.noUsers(tx)
		if err != nil || !empty {
			return err
		}
		row, err := insertUser(tx, in, hash, now)
		if err != nil {
			return err
		}
		created = true
		return s.record(tx, SecurityEvent{
			At: now, Kind: EventAdminBootstrapped, Username: row.Username, UserID: row.ID, Detail: detail,
		})
	})
	if errors.Is(err, domain.ErrDuplicateUsername) {
		return false, "", nil
	}
	if err != nil {
		return false, "", fmt.Errorf("ensure admin: %w", err)
	}
	if !created {
		return false, "", nil
	}
	return true, generated, nil
}

func (s *Service) noUsers(q *gorm.DB) (bool, error) {
	var ids []int64
	if err := q.Model(&userRow{}).Limit(1).Pluck("id", &ids).Error; err != nil {
		return false, fmt.Errorf("look for users: %w", err)
	}
	return len(ids) == 0, nil
}
