package auth

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// NewUser is what an admin enters to create an account.
type NewUser struct {
	Username string
	FullName string
	Role     domain.Role
	Password string
}

// normalize checks every field and returns the cleaned input, or a
// *domain.ValidationError listing each bad field.
func (in NewUser) normalize() (NewUser, error) {
	fe := domain.FieldErrors{}
	in.Username = normalizeUsername(in.Username)
	if !validUsername(in.Username) {
		fe.Add("username", domain.ViolationUsernameInvalid)
	}
	name, code := normalizeFullName(in.FullName)
	if code != "" {
		fe.Add("full_name", code)
	}
	in.FullName = name
	if !in.Role.Valid() {
		fe.Add("role", domain.ViolationRoleInvalid)
	}
	if code := passwordViolation(in.Password); code != "" {
		fe.Add("password", code)
	}
	return in, fe.Err()
}

// CreateUser adds an account. Only an admin may. The password is one-time:
// the user must replace it at the first login, so the admin never knows the
// password the account is used with.
func (s *Service) CreateUser(ctx context.Context, actor domain.Actor, in NewUser, ip string) (domain.User, error) {
	if err := requireAdmin(actor); err != nil {
		return domain.User{}, err
	}
	in, err := in.normalize()
	if err != nil {
		return domain.User{}, err
	}
	hash, err := s.hashPassword(in.Password) // slow: outside the transaction
	if err != nil {
		return domain.User{}, err
	}
	now := s.now()
	var row userRow
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		var err error
		row, err = insertUser(tx, in, hash, now)
		if err != nil {
			return err
		}
		return s.record(tx, SecurityEvent{
			At: now, Kind: EventUserCreated, Username: row.Username, UserID: row.ID, ActorID: actor.UserID,
			IP: ip, Reason: string(row.Role), Detail: "role " + string(row.Role),
		})
	})
	if err != nil {
		return domain.User{}, fmt.Errorf("create user: %w", err)
	}
	return row.toDomain(), nil
}

// insertUser adds an active user with a one-time password in tx. A taken username gives
// domain.ErrDuplicateUsername: checked first so that SQLite (where the
// transaction holds the only writer) answers cleanly, and by the unique
// index for a PostgreSQL transaction that raced with another.
func insertUser(tx *gorm.DB, in NewUser, hash string, now time.Time) (userRow, error) {
	_, taken, err := findUser(tx, []string{"id"}, "username = ?", in.Username)
	if err != nil {
		return userRow{}, fmt.Errorf("check username: %w", err)
	}
	if taken {
		return userRow{}, fmt.Errorf("username %q: %w", in.Username, domain.ErrDuplicateUsername)
	}
	row := userRow{
		Username: in.Username, FullName: in.FullName, Role: string(in.Role),
		PasswordHash: hash, Active: true, CreatedAt: now, UpdatedAt: now, MustChange: true,
	}
	err = tx.Create(&row).Error
	if database.IsUniqueViolation(err) {
		return userRow{}, fmt.Errorf("username %q: %w: %w", in.Username, domain.ErrDuplicateUsername, err)
	}
	if err != nil {
		return userRow{}, fmt.Errorf("insert user: %w", err)
	}
	return row, nil
}

// ListUsers returns every user, ordered by username.
func (s *Service) ListUsers(ctx context.Context) ([]domain.User, error) {
	var rows []userRow
	err := s.db.Read.WithContext(ctx).Model(&userRow{}).Select(userColumns).Order("username").Find(&rows).Error
	if err != nil {
		return nil, database.Classify(fmt.Errorf("list users: %w", err))
	}
	out := make([]domain.User, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// GetUser returns one user, domain.ErrNotFound if there is none.
func (s *Service) GetUser(ctx context.Context, id int64) (domain.User, error) {
	row, err := s.readUser(ctx, id)
	if err != nil {
		return domain.User{}, err
	}
	return row.toDomain(), nil
}

// UserChange is what an admin changes of an account: nil fields stay.
type UserChange struct {
	Active   *bool
	Password *string // a one-time password: the user must replace it at the next login
}

// UpdateUser applies a change to a user, all of it or nothing: every field
// is checked before anything is written, and one transaction with the user
// row locked writes the change, revokes the user's tokens (a new password
// or disabling signs the user out everywhere) and logs each part. An admin
// may not disable themselves, so at least one admin always stays able to
// sign in. Setting the state a user already has changes and records
// nothing; a password is always replaced.
func (s *Service) UpdateUser(ctx context.Context, actor domain.Actor, id int64, ch UserChange, ip string) (domain.User, error) {
	if err := requireAdmin(actor); err != nil {
		return domain.User{}, err
	}
	fe := domain.FieldErrors{}
	if ch.Active == nil && ch.Password == nil {
		fe.Add("active", domain.ViolationRequired)
	}
	if ch.Active != nil && !*ch.Active && id == actor.UserID {
		fe.Add("active", domain.ViolationCannotDisableSelf)
	}
	if ch.Password != nil {
		if code := passwordViolation(*ch.Password); code != "" {
			fe.Add("password", code)
		}
	}
	if err := fe.Err(); err != nil {
		return domain.User{}, err
	}
	hash := ""
	if ch.Password != nil {
		var err error
		if hash, err = s.hashPassword(*ch.Password); err != nil { // slow: outside the transaction
			return domain.User{}, err
		}
	}
	now := s.now()
	var row userRow
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		var err error
		if row, err = userInTx(tx, id); err != nil {
			return err
		}
		var events []SecurityEvent
		revoke := false
		set := map[string]any{"updated_at": now}
		if ch.Password != nil {
			set["password_hash"], set["password_change_required"] = hash, true
			row.PasswordHash, row.MustChange, revoke = hash, true, true
			events = append(events, SecurityEvent{Kind: EventPasswordReset})
		}
		if ch.Active != nil && *ch.Active != row.Active {
			set["active"], row.Active = *ch.Active, *ch.Active
			kind := EventUserEnabled
			if !*ch.Active {
				kind, revoke = EventUserDisabled, true
			}
			events = append(events, SecurityEvent{Kind: kind})
		}
		if len(events) == 0 {
			return nil
		}
		if err := tx.Model(&userRow{}).Where("id = ?", id).Updates(set).Error; err != nil {
			return fmt.Errorf("update user %d: %w", id, err)
		}
		detail := ""
		if revoke {
			n, err := revokeUserTokens(tx, id, "", now)
			if err != nil {
				return err
			}
			detail = fmt.Sprintf("%d tokens revoked", n)
		}
		for _, ev := range events {
			ev.At, ev.Username, ev.UserID, ev.ActorID, ev.IP, ev.Detail = now, row.Username, id, actor.UserID, ip, detail
			if err := s.record(tx, ev); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return domain.User{}, fmt.Errorf("update user %d: %w", id, err)
	}
	return row.toDomain(), nil
}

// SetActive enables or disables a user (UpdateUser). Disabling revokes all
// of the user's tokens; Authenticate also refuses tokens of inactive users.
func (s *Service) SetActive(ctx context.Context, actor domain.Actor, id int64, active bool, ip string) (domain.User, error) {
	return s.UpdateUser(ctx, actor, id, UserChange{Active: &active}, ip)
}

// ResetPassword sets a one-time password and revokes all of the user's
// tokens (UpdateUser), so whoever held the old password is signed out
// everywhere and the user must choose a new one at the next login.
func (s *Service) ResetPassword(ctx context.Context, actor domain.Actor, id int64, password, ip string) error {
	_, err := s.UpdateUser(ctx, actor, id, UserChange{Password: &password}, ip)
	return err
}
