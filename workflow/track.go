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
	// Timeline holds each status the claim has passed through once, at
	// its first time, in order; Upcoming the usual steps still ahead, none
	// of them already in Timeline.
	Timeline []Stage
	Upcoming []domain.Status
	// Reason is why the claim stands where it does, when that is a stop
	// the heir must understand: what to fix (returned), why it ended
	// (rejected, cancelled), why the transfer failed (payment_failed).
	Reason string
	// MessagesOn: the heir agreed to messages, which they may stop.
	MessagesOn bool
	// Deadline is the last day of the claim window (the date of death plus
	// Options.WindowDays, as the filing rule counts it): by then a returned
	// claim should be fixed.
	Deadline domain.Date
	// Payout is where the money went, once the claim is paid.
	Payout *Payout
	// StageDue is the day the current stage's office is due to finish its
	// step (the service standard on the working-day calendar); nil while
	// the claim waits on no office.
	StageDue *domain.Date
}

// Payout tells the heir which account was paid, without its number.
type Payout struct {
	BankName     string
	AccountLast4 string
	At           time.Time // when the bank's transfer was confirmed (the paid event)
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
// claim (a receipt, a correction). The code is read forgivingly
// (NormalizeCode), the NIK with the spaces or dots of the KTP
// (domain.NIKAsTyped). An unknown code and a wrong NIK get the same
// domain.ErrNotFound; after too many of either for one code, the code is
// locked (*domain.TrackingLockedError, also for the right NIK) until the
// TrackingGuard's time has passed. A right NIK does not lift the lock.
func (e *Engine) Identify(ctx context.Context, code, heirNIK string) (domain.Claim, error) {
	if err := textFields("code", code, "heir_nik", heirNIK); err != nil {
		return domain.Claim{}, err
	}
	code, ok := readCode(strings.ToUpper(strings.TrimSpace(code)))
	if !ok {
		// No claim has a code of another shape, and the shape is public:
		// nothing to count.
		return domain.Claim{}, errNoSuchClaim
	}
	now := e.now()
	if until, err := e.guesses.lockedUntil(ctx, code, now); err != nil {
		return domain.Claim{}, err
	} else if !until.IsZero() {
		return domain.Claim{}, domain.NewTrackingLockedError(code, until, now, false)
	}
	var r claimRow
	err := e.store.read(ctx).Select(claimColumns).Where("code = ?", code).Take(&r).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Claim{}, database.Classify(fmt.Errorf("identify: %w", err))
	}
	// Compare in constant time, also when the code was unknown, so timing
	// tells no more than the answer does.
	stored := r.HeirNIK
	if stored == "" {
		stored = strings.Repeat("x", 16)
	}
	typed := domain.NIKAsTyped(strings.TrimSpace(heirNIK))
	if subtle.ConstantTimeCompare([]byte(stored), []byte(typed)) != 1 || r.ID == 0 {
		locked, err := e.guesses.fail(ctx, code, now)
		if err != nil {
			return domain.Claim{}, err
		}
		if locked != nil {
			return domain.Claim{}, locked
		}
		return domain.Claim{}, errNoSuchClaim
	}
	// Wrong guesses racing this one may have locked the code since the
	// check above: a burst must not be compared in full.
	if until, err := e.guesses.lockedUntil(ctx, code, now); err != nil {
		return domain.Claim{}, err
	} else if !until.IsZero() {
		return domain.Claim{}, domain.NewTrackingLockedError(code, until, now, false)
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
		MessagesOn: c.Heir.NotifyConsent, Deadline: c.Deceased.DateOfDeath.AddDays(e.cfg.WindowDays), StageDue: c.StageDue}
	for _, ev := range events {
		// Recorded events (a document attached, say) change no status and
		// are not stages for the heir.
		if ev.Seq > 1 && ev.FromStatus == ev.ToStatus {
			continue
		}
		if ev.ToStatus == t.Status {
			t.Reason = ev.Reason // the latest reason of the current status
		}
		if !passed(t.Timeline, ev.ToStatus) {
			t.Timeline = append(t.Timeline, Stage{Status: ev.ToStatus, At: ev.At})
		}
	}
	for _, st := range domain.StepsAfter(t.Status) {
		if !passed(t.Timeline, st) {
			t.Upcoming = append(t.Upcoming, st)
		}
	}
	if !reasonShown[t.Status] {
		t.Reason = ""
	}
	if t.Status == domain.StatusPaid {
		// A claim is paid once (paid is final): its last event is the one.
		t.Payout = payoutOf(c.BankAccount, events[len(events)-1].At)
	}
	return t, nil
}

// passed reports whether s is in the timeline already.
func passed(timeline []Stage, s domain.Status) bool {
	for _, st := range timeline {
		if st.Status == s {
			return true
		}
	}
	return false
}

// payoutOf is the bank and the last four digits of the account paid at at.
func payoutOf(a domain.BankAccount, at time.Time) *Payout {
	p := &Payout{BankName: a.BankCode, At: at}
	if b, ok := domain.BankByCode(a.BankCode); ok {
		p.BankName = b.Name
	}
	if n := len(a.AccountNumber); n >= 4 {
		p.AccountLast4 = a.AccountNumber[n-4:]
	}
	return p
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
