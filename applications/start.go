package applications

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/i18n"
)

// Check is a started phone check: its id (for Verify), when its code
// expires, and the phone masked (what a page may show).
type Check struct {
	ID          string
	ExpiresAt   time.Time
	MaskedPhone string
}

// TooManyCodesError refuses a phone that asked for too many codes; it
// says how long to wait.
type TooManyCodesError struct{ Wait time.Duration }

func (e *TooManyCodesError) Error() string        { return "too many codes for this phone" }
func (e *TooManyCodesError) Is(target error) bool { return target == domain.ErrTooManyCodes }

// RetryAfter is how long the phone must wait (the Retry-After header).
func (e *TooManyCodesError) RetryAfter() time.Duration { return e.Wait }

// StartApply sends a code to phone for an online application.
func (s *Service) StartApply(ctx context.Context, phone string) (Check, error) {
	if code := domain.TextViolation(phone); code != "" {
		return Check{}, domain.FieldError("phone", code)
	}
	p, code := domain.NormalizePhone(phone)
	if code != "" {
		return Check{}, domain.FieldError("phone", code)
	}
	return s.start(ctx, p, domain.PurposeApply)
}

// start creates a check for a normalised phone and records its message in
// the same transaction. The phone's recent checks are counted under an
// advisory lock on the phone, so that two servers cannot both send the
// last code allowed.
func (s *Service) start(ctx context.Context, phone, purpose string) (Check, error) {
	if s.opts.Sender == nil {
		return Check{}, errors.New("phone check: no code sender is wired")
	}
	id, err := newSecret(15)
	if err != nil {
		return Check{}, err
	}
	code, err := newCode()
	if err != nil {
		return Check{}, err
	}
	now := s.now()
	row := checkRow{ID: id, Phone: phone, Purpose: purpose, CodeHash: codeHash(id, code),
		ExpiresAt: now.Add(s.opts.CodeTTL), CreatedAt: now}
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := database.XactLock(tx, "santunan/applications/phone\x00"+phone); err != nil {
			return err
		}
		if err := s.refuseTooMany(tx, phone, now); err != nil {
			return err
		}
		if err := tx.Where("created_at < ?", now.Add(-keepFor)).Delete(&checkRow{}).Error; err != nil {
			return fmt.Errorf("purge phone checks: %w", err)
		}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("insert phone check: %w", err)
		}
		text := i18n.Textf(i18n.Indonesian, "otp.message", "code", code,
			"minutes", fmt.Sprint(int(s.opts.CodeTTL.Minutes())))
		return s.opts.Sender.EnqueueCode(tx, phone, text, "phone_check:"+id)
	})
	if err != nil {
		return Check{}, database.Classify(err)
	}
	return Check{ID: id, ExpiresAt: row.ExpiresAt, MaskedPhone: MaskPhone(phone)}, nil
}

func (s *Service) refuseTooMany(tx *gorm.DB, phone string, now time.Time) error {
	var recent []time.Time
	err := tx.Model(&checkRow{}).Where("phone = ? AND created_at > ?", phone, now.Add(-s.opts.PhoneWindow)).
		Order("created_at").Pluck("created_at", &recent).Error
	if err != nil {
		return fmt.Errorf("count phone checks: %w", err)
	}
	if len(recent) < s.opts.PerPhone {
		return nil
	}
	// The oldest code in the window must leave it before another is sent.
	wait := recent[len(recent)-s.opts.PerPhone].Add(s.opts.PhoneWindow).Sub(now)
	return &TooManyCodesError{Wait: max(wait, time.Second)}
}

// MaskPhone shows a phone's last four digits only: +62•••••••7890.
func MaskPhone(phone string) string {
	if len(phone) <= 7 {
		return "•••"
	}
	hidden := len(phone) - 3 - 4
	out := phone[:3]
	for i := 0; i < hidden; i++ {
		out += "•"
	}
	return out + phone[len(phone)-4:]
}
