package applications

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/database"
	"santunan/domain"
)

// Session is a verified check: its token (the cookie's or the
// X-Phone-Token header's value) and when it ends.
type Session struct {
	Token     string
	ExpiresAt time.Time
}

// Verify checks a code against a check. A wrong code counts, committed
// even though the answer is a refusal; after MaxAttempts the check is
// spent. The right code ends the check's use as a code and opens a
// session bound to the check's phone and purpose.
func (s *Service) Verify(ctx context.Context, checkID, code string) (Session, error) {
	if v := domain.TextViolation(checkID); v != "" {
		return Session{}, domain.FieldError("check_id", v)
	}
	if v := domain.TextViolation(code); v != "" {
		return Session{}, domain.FieldError("code", v)
	}
	code = strings.TrimSpace(code)
	token, err := newSecret(32)
	if err != nil {
		return Session{}, err
	}
	now := s.now()
	var refusal string
	var out Session
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		refusal, out = "", Session{}
		q := tx.Where("id = ?", strings.TrimSpace(checkID))
		if tx.Dialector.Name() == "postgres" {
			q = q.Clauses(clause.Locking{Strength: "UPDATE"})
		}
		var row checkRow
		if err := q.Take(&row).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				// Unknown or purged: to the heir, a code that is no more.
				refusal = domain.ViolationOTPExpired
				return nil
			}
			return fmt.Errorf("load phone check: %w", err)
		}
		switch {
		case row.VerifiedAt != nil:
			refusal = domain.ViolationOTPUsed
		case row.Attempts >= s.opts.MaxAttempts:
			refusal = domain.ViolationOTPAttempts
		case !now.Before(row.ExpiresAt):
			refusal = domain.ViolationOTPExpired
		case !sameHash(row.CodeHash, codeHash(row.ID, code)):
			refusal = domain.ViolationOTPWrong
			if row.Attempts+1 >= s.opts.MaxAttempts {
				refusal = domain.ViolationOTPAttempts
			}
			return tx.Model(&checkRow{}).Where("id = ?", row.ID).
				Update("attempts", gorm.Expr("attempts + 1")).Error
		default:
			h, until := tokenHash(token), now.Add(s.opts.SessionTTL)
			out = Session{Token: token, ExpiresAt: until}
			return tx.Model(&checkRow{}).Where("id = ? AND verified_at IS NULL", row.ID).
				Updates(map[string]any{"verified_at": now, "token_hash": h, "token_expires_at": until}).Error
		}
		return nil
	})
	if err != nil {
		return Session{}, database.Classify(err)
	}
	if refusal != "" {
		return Session{}, domain.FieldError("code", refusal)
	}
	return out, nil
}

// verified is what a session proves: a phone, for a purpose.
type verified struct {
	CheckID string
	Phone   string
	Purpose string
}

// session finds the live session of token (verified, not consumed, not
// expired); anything else is domain.ErrPhoneCheckRequired.
func (s *Service) session(db *gorm.DB, token string) (verified, error) {
	if token == "" || domain.TextViolation(token) != "" {
		return verified{}, fmt.Errorf("no token: %w", domain.ErrPhoneCheckRequired)
	}
	var row checkRow
	err := db.Where("token_hash = ? AND consumed_at IS NULL AND token_expires_at > ?", tokenHash(token), s.now()).
		Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return verified{}, fmt.Errorf("unknown, used or expired token: %w", domain.ErrPhoneCheckRequired)
	}
	if err != nil {
		return verified{}, database.Classify(fmt.Errorf("load session: %w", err))
	}
	return verified{CheckID: row.ID, Phone: row.Phone, Purpose: row.Purpose}, nil
}

// consume ends a session inside the transaction that uses it, so that one
// verified phone files once; zero rows means another request used it first.
func consume(tx *gorm.DB, checkID string, at time.Time) error {
	res := tx.Model(&checkRow{}).Where("id = ? AND consumed_at IS NULL", checkID).Update("consumed_at", at)
	if res.Error != nil {
		return fmt.Errorf("consume phone check: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("session already used: %w", domain.ErrPhoneCheckRequired)
	}
	return nil
}

// ApplySession reports whether token is a live session of an "apply"
// check, with its phone masked (what the form shows as the heir's phone).
func (s *Service) ApplySession(ctx context.Context, token string) (string, error) {
	sess, err := s.session(s.db.Read.WithContext(ctx), token)
	if err != nil {
		return "", err
	}
	if sess.Purpose != domain.PurposeApply {
		return "", errWrongPurpose
	}
	return MaskPhone(sess.Phone), nil
}
