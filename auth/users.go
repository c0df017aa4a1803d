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

// requireAdmin is checked here even though the API checks it too: the
// service does not rely on every caller remembering to.
func requireAdmin(actor domain.Actor) error {
	if actor.Role != domain.RoleAdmin {
		return fmt.Errorf("user management by role %q: %w", actor.Role, domain.ErrForbidden)
	}
	return nil
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

// CreateUser adds an account. Only an admin may.
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
		return record(tx, SecurityEvent{
			At: now, Kind: EventUserCreated, Username: row.Username,
			UserID: row.ID, ActorID: actor.UserID, IP: ip, Detail: "role " + string(row.Role),
		})
	})
	if err != nil {
		return domain.User{}, fmt.Errorf("create user: %w", err)
	}
	return row.toDomain(), nil
}

// insertUser adds an active user in tx. A taken username gives
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
		PasswordHash: hash, Active: true, CreatedAt: now, UpdatedAt: now,
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

// SetActive enables or disables a user. Disabling revokes all of the user's
// tokens in the same transaction (Authenticate also refuses tokens of
// inactive users, so they stop working at once either way). An admin may not
// disable themselves, so at least one admin always stays able to sign in.
// Setting the state a user already has changes and records nothing.
func (s *Service) SetActive(ctx context.Context, actor domain.Actor, id int64, active bool, ip string) (domain.User, error) {
	if err := requireAdmin(actor); err != nil {
		return domain.User{}, err
	}
	if !active && id == actor.UserID {
		return domain.User{}, domain.FieldError("active", domain.ViolationCannotDisableSelf)
	}
	now := s.now()
	var row userRow
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		var err error
		if row, err = userInTx(tx, id); err != nil || row.Active == active {
			return err
		}
		err = tx.Model(&userRow{}).Where("id = ?", id).
			Updates(map[string]any{"active": active, "updated_at": now}).Error
		if err != nil {
			return fmt.Errorf("update user %d: %w", id, err)
		}
		row.Active = active
		ev := SecurityEvent{At: now, Kind: EventUserEnabled, Username: row.Username, UserID: id, ActorID: actor.UserID, IP: ip}
		if !active {
			n, err := revokeUserTokens(tx, id, now)
			if err != nil {
				return err
			}
			ev.Kind, ev.Detail = EventUserDisabled, fmt.Sprintf("%d tokens revoked", n)
		}
		return record(tx, ev)
	})
	if err != nil {
		return domain.User{}, fmt.Errorf("set user %d active=%t: %w", id, active, err)
	}
	return row.toDomain(), nil
}

// ResetPassword sets a new password and revokes all of the user's tokens, so
// whoever held the old password is signed out everywhere.
func (s *Service) ResetPassword(ctx context.Context, actor domain.Actor, id int64, password, ip string) error {
	if err := requireAdmin(actor); err != nil {
		return err
	}
	if err := validatePassword(password); err != nil {
		return err
	}
	hash, err := s.hashPassword(password)
	if err != nil {
		return err
	}
	now := s.now()
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		row, err := userInTx(tx, id)
		if err != nil {
			return err
		}
		err = tx.Model(&userRow{}).Where("id = ?", id).
			Updates(map[string]any{"password_hash": hash, "updated_at": now}).Error
		if err != nil {
			return fmt.Errorf("update password of user %d: %w", id, err)
		}
		n, err := revokeUserTokens(tx, id, now)
		if err != nil {
			return err
		}
		return record(tx, SecurityEvent{
			At: now, Kind: EventPasswordReset, Username: row.Username, UserID: id,
			ActorID: actor.UserID, IP: ip, Detail: fmt.Sprintf("%d tokens revoked", n),
		})
	})
	if err != nil {
		return fmt.Errorf("reset password of user %d: %w", id, err)
	}
	return nil
}
