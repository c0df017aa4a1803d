package domain

import (
	"errors"
	"time"
)

// ErrTrackingLocked: too many wrong heir NIKs were tried with one claim
// code, so the code answers nothing for a while, not even to the right NIK.
// The heir is told to contact the office.
var ErrTrackingLocked = errors.New("tracking code locked")

// TrackingLockedError is ErrTrackingLocked with when the lock ends.
type TrackingLockedError struct {
	Code  string // the normalised code, for the security log
	Until time.Time
	// Locking is true for the failure that started the lock: the one
	// answer worth a line in the security log.
	Locking bool
	wait    time.Duration
}

// NewTrackingLockedError is the lock on code until until, seen at now.
func NewTrackingLockedError(code string, until, now time.Time, locking bool) *TrackingLockedError {
	return &TrackingLockedError{Code: code, Until: until.UTC(), Locking: locking, wait: until.Sub(now)}
}

func (e *TrackingLockedError) Error() string {
	return "tracking code locked until " + e.Until.Format(time.RFC3339)
}

func (e *TrackingLockedError) Unwrap() error { return ErrTrackingLocked }

// RetryAfter is how long the caller should wait, by the service's clock.
func (e *TrackingLockedError) RetryAfter() time.Duration { return e.wait }
