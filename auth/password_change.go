package auth

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// PasswordChange is a user replacing their own password. KeepToken is the
// token of the session making the change: it stays signed in, every other
// session of the user ends.
type PasswordChange struct {
	Current   string
	New       string
	KeepToken string
}

// ChangePassword replaces the password of the actor, who must give the
// current one, and clears a pending one-time password. A wrong current
// password counts as a failed login (it may lock this client out of the
// username) and is answered as a violation of current_password. The user
// row is locked as in Login, so an admin's reset or disable meanwhile wins
// or waits, never interleaves: a reset gives domain.ErrUnauthenticated (the
// session was ended by it).
func (s *Service) ChangePassword(ctx context.Context, actor domain.Actor, ch PasswordChange, ip string) (domain.User, error) {
	fe := domain.FieldErrors{}
	if ch.Current == "" {
		fe.Add("current_password", domain.ViolationRequired)
	}
	if code := passwordViolation(ch.New); code != "" {
		fe.Add("new_password", code)
	} else if ch.New == ch.Current {
		fe.Add("new_password", domain.ViolationPasswordUnchanged)
	}
	if err := fe.Err(); err != nil {
		return domain.User{}, err
	}
	read := s.db.Read.WithContext(ctx)
	cred, found, err := findUser(read, credentialColumns, "id = ?", actor.UserID)
	if err != nil {
		return domain.User{}, database.Classify(fmt.Errorf("change password: %w", err))
	}
	if !found || !cred.Active {
		return domain.User{}, fmt.Errorf("change password: %w", domain.ErrUnauthenticated)
	}
	a := newAttempt(cred.Username, ip, s.now())
	a.userID, a.hash = cred.ID, cred.PasswordHash
	if err := s.gate(ctx, read, a); err != nil {
		return domain.User{}, fmt.Errorf("change password: %w", err)
	}
	a.ok = s.passwordMatches(cred.PasswordHash, ch.Current)
	hash := ""
	if a.ok {
		if hash, err = s.hashPassword(ch.New); err != nil { // slow: outside the transaction
			return domain.User{}, err
		}
	}
	var (
		row     userRow
		refused error
	)
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		refused = nil
		th, err := s.lockThrottle(tx, a)
		if err != nil {
			return err
		}
		if refused = th.refusal(a.now, s.opts); refused != nil {
			return s.record(tx, refusedEvent(a, refused))
		}
		var found bool
		if row, found, err = lockUser(tx, credentialColumns, a.userID); err != nil {
			return fmt.Errorf("reload user: %w", err)
		}
		if !found || !row.Active || row.PasswordHash != a.hash {
			return domain.ErrUnauthenticated
		}
		if !a.ok {
			locked, note, err := s.fail(tx, th, a.now)
			if err != nil {
				return err
			}
			refused = domain.FieldError("current_password", domain.ViolationPasswordWrong)
			if locked != nil {
				refused = locked
			}
			return s.record(tx, SecurityEvent{At: a.now, Kind: EventPasswordChangeFailure, Username: a.name,
				UserID: a.userID, ActorID: a.userID, IP: a.ip, Reason: ReasonWrongPassword, Detail: failureNotes[ReasonWrongPassword] + note})
		}
		if err := succeed(tx, th, a.now); err != nil {
			return err
		}
		err = tx.Model(&userRow{}).Where("id = ?", a.userID).
			Updates(map[string]any{"password_hash": hash, "password_change_required": false, "updated_at": a.now}).Error
		if err != nil {
			return fmt.Errorf("update password of user %d: %w", a.userID, err)
		}
		row.PasswordHash, row.MustChange = hash, false
		n, err := revokeUserTokens(tx, a.userID, ch.KeepToken, a.now)
		if err != nil {
			return err
		}
		return s.record(tx, SecurityEvent{At: a.now, Kind: EventPasswordChanged, Username: a.name,
			UserID: a.userID, ActorID: a.userID, IP: a.ip, Detail: fmt.Sprintf("%d other tokens revoked", n)})
	})
	switch {
	case errors.Is(err, domain.ErrUnauthenticated):
		return domain.User{}, fmt.Errorf("change password: %w", err)
	case err != nil:
		return domain.User{}, fmt.Errorf("change password of user %d: %w", a.userID, err)
	case refused != nil:
		return domain.User{}, refused
	}
	return row.toDomain(), nil
}
