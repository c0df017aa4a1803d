package workflow

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// TrackingGuard bounds the wrong heir NIKs tried with one claim code. The
// code's serial is the only unknown of a NIK when the birth date is known
// (10,000 values), which a per-IP rate limit alone would let a botnet walk.
type TrackingGuard struct {
	MaxFailures int           // wrong NIKs within Window that lock the code; default 5, at least 2
	Window      time.Duration // default 1h
	LockFor     time.Duration // default 1h; a right NIK is refused too meanwhile
}

func (g TrackingGuard) withDefaults() TrackingGuard {
	if g.MaxFailures < 2 {
		g.MaxFailures = 5
	}
	if g.Window <= 0 {
		g.Window = time.Hour
	}
	if g.LockFor <= 0 {
		g.LockFor = time.Hour
	}
	return g
}

// guessRow counts the wrong NIKs of one normalised code, existing or not:
// an unknown code locks exactly as a real one, so the lock tells nobody
// which codes exist.
type guessRow struct {
	Code        string     `gorm:"column:code;primaryKey"`
	Failures    int        `gorm:"column:failures"`
	WindowStart time.Time  `gorm:"column:window_start"`
	LockedUntil *time.Time `gorm:"column:locked_until"`
}

func (guessRow) TableName() string { return "tracking_guesses" }

// guesses keeps the counts in the tracking_guesses table.
type guesses struct {
	db    *database.DB
	guard TrackingGuard

	mu     sync.Mutex
	pruned time.Time
}

// lockedUntil returns when the lock on code ends, or the zero time when the
// code is not locked at now.
func (g *guesses) lockedUntil(ctx context.Context, code string, now time.Time) (time.Time, error) {
	var rows []guessRow
	err := g.db.Read.WithContext(ctx).Where("code = ? AND locked_until > ?", code, now).Limit(1).Find(&rows).Error
	if err != nil {
		return time.Time{}, database.Classify(fmt.Errorf("read tracking lock: %w", err))
	}
	if len(rows) == 0 || rows[0].LockedUntil == nil {
		return time.Time{}, nil
	}
	return *rows[0].LockedUntil, nil
}

// fail counts one wrong NIK for code and returns the lock it is under
// afterwards (nil if none). The row is locked before it is read (FOR UPDATE
// on PostgreSQL, the one writer on SQLite), so concurrent wrong guesses
// each count once and exactly one of them starts the lock.
func (g *guesses) fail(ctx context.Context, code string, now time.Time) (*domain.TrackingLockedError, error) {
	var locked *domain.TrackingLockedError
	err := g.db.InTx(ctx, func(tx *gorm.DB) error {
		locked = nil
		// The row exists before it is locked, so that two first failures
		// do not both insert.
		ins := tx.Exec(`INSERT INTO tracking_guesses (code, failures, window_start) VALUES (?, 1, ?)
			ON CONFLICT (code) DO NOTHING`, code, now)
		if ins.Error != nil {
			return fmt.Errorf("insert tracking guesses: %w", ins.Error)
		}
		var r guessRow
		if err := forUpdate(tx).Where("code = ?", code).Take(&r).Error; err != nil {
			return fmt.Errorf("lock tracking guesses: %w", err)
		}
		r, locked = g.count(r, ins.RowsAffected == 1, now)
		return tx.Model(&guessRow{}).Where("code = ?", code).Updates(map[string]any{
			"failures": r.Failures, "window_start": r.WindowStart, "locked_until": r.LockedUntil,
		}).Error
	})
	if err != nil {
		return nil, database.Classify(fmt.Errorf("count wrong NIK: %w", err))
	}
	if err := g.prune(ctx, now); err != nil {
		return locked, err
	}
	return locked, nil
}

// count adds one failure to r at now. A row this failure inserted already
// holds it (failures 1, window_start now), so it is counted as it stands.
func (g *guesses) count(r guessRow, inserted bool, now time.Time) (guessRow, *domain.TrackingLockedError) {
	if l := r.LockedUntil; l != nil && l.After(now) {
		// Guesses that raced the lock: refused as it is, not lengthening it.
		return r, domain.NewTrackingLockedError(r.Code, *l, now, false)
	}
	switch {
	case inserted:
	case r.LockedUntil != nil || now.Sub(r.WindowStart) >= g.guard.Window:
		// A lock that ended was paid for by its failures: count again.
		r.Failures, r.WindowStart, r.LockedUntil = 1, now, nil
	default:
		r.Failures++
	}
	if r.Failures < g.guard.MaxFailures {
		return r, nil
	}
	until := now.Add(g.guard.LockFor)
	r.LockedUntil = &until
	return r, domain.NewTrackingLockedError(r.Code, until, now, true)
}

// prune deletes rows whose window and lock have both ended, the first time
// this engine sees a new minute; several servers may each do it.
func (g *guesses) prune(ctx context.Context, now time.Time) error {
	minute := now.Truncate(time.Minute)
	g.mu.Lock()
	if !minute.After(g.pruned) {
		g.mu.Unlock()
		return nil
	}
	g.pruned = minute
	g.mu.Unlock()
	err := g.db.Write.WithContext(ctx).
		Where("window_start < ? AND (locked_until IS NULL OR locked_until < ?)", now.Add(-g.guard.Window), now).
		Delete(&guessRow{}).Error
	if err != nil && !errors.Is(err, context.Canceled) {
		return database.Classify(fmt.Errorf("prune tracking guesses: %w", err))
	}
	return nil
}
