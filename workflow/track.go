package workflow

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// Tracking is what an heir may learn about a claim: its status, its stages
// and the amount; no staff names, NIKs or bank data.
type Tracking struct {
	Code         string
	Status       domain.Status
	Amount       domain.Rupiah
	DeceasedName string // full; the API masks it
	Timeline     []Stage
	// Reason is why the claim stands where it does, when that is a stop
	// the heir must understand: what to fix (returned), why it ended
	// (rejected, cancelled), why the transfer failed (payment_failed).
	Reason string
	// MessagesOn: the heir agreed to messages, which they may stop.
	MessagesOn bool
}

// Stage is one status the claim has passed through.
type Stage struct {
	Status domain.Status
	At     time.Time
}

// reasonShown are the statuses whose reason the heir sees.
var reasonShown = map[domain.Status]bool{
	domain.StatusReturned: true, domain.StatusRejected: true, domain.StatusCancelled: true, domain.StatusPaymentFailed: true,
}

// errNoSuchClaim is the one answer for an unknown code and a wrong NIK, so
// that tracking cannot be used to learn which codes exist.
var errNoSuchClaim = fmt.Errorf("no claim with this code and heir NIK: %w", domain.ErrNotFound)

// Identify finds a claim by its public code and the heir's NIK: the one
// proof the public gives, for tracking and for anything an heir does on a
// claim (a receipt, a correction). An unknown code and a wrong NIK get the
// same domain.ErrNotFound.
func (e *Engine) Identify(ctx context.Context, code, heirNIK string) (domain.Claim, error) {
	if err := textFields("code", code, "heir_nik", heirNIK); err != nil {
		return domain.Claim{}, err
	}
	var r claimRow
	err := e.store.read(ctx).Select(claimColumns).Where("code = ?", NormalizeCode(code)).Take(&r).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Claim{}, database.Classify(fmt.Errorf("identify: %w", err))
	}
	// Compare in constant time, also when the code was unknown, so timing
	// tells no more than the answer does.
	stored := r.HeirNIK
	if stored == "" {
		stored = strings.Repeat("x", 16)
	}
	if subtle.ConstantTimeCompare([]byte(stored), []byte(strings.TrimSpace(heirNIK))) != 1 || r.ID == 0 {
		return domain.Claim{}, errNoSuchClaim
	}
	return r.claim(), nil
}

// Track finds a claim by its public code and the heir's NIK (Identify) and
// tells what the heir may learn of it.
func (e *Engine) Track(ctx context.Context, code, heirNIK string) (Tracking, error) {
	c, err := e.Identify(ctx, code, heirNIK)
	if err != nil {
		return Tracking{}, err
	}
	events, err := eventsOf(e.store.read(ctx), []int64{c.ID})
	if err != nil {
		return Tracking{}, database.Classify(err)
	}
	t := Tracking{Code: c.Code, Status: c.Status, Amount: c.Amount, DeceasedName: c.Deceased.FullName,
		MessagesOn: c.Heir.NotifyConsent}
	for _, ev := range events {
		// Recorded events (a document attached, say) change no status and
		// are not stages for the heir.
		if ev.Seq > 1 && ev.FromStatus == ev.ToStatus {
			continue
		}
		t.Timeline = append(t.Timeline, Stage{Status: ev.ToStatus, At: ev.At})
		if ev.ToStatus == t.Status {
			t.Reason = ev.Reason
		}
	}
	if !reasonShown[t.Status] {
		t.Reason = ""
	}
	return t, nil
}

// textFields refuses, per field, text that domain.TextViolation refuses:
// pairs are field, value. A code or NIK with an invisible character can
// match nothing, and the caller learns which field to retype.
func textFields(pairs ...string) error {
	errs := domain.FieldErrors{}
	for i := 0; i+1 < len(pairs); i += 2 {
		if code := domain.TextViolation(pairs[i+1]); code != "" {
			errs.Add(pairs[i], code)
		}
	}
	return errs.Err()
}
