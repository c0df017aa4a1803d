package ratelimit

import (
	"context"
	"fmt"
	"sync"
	"time"

	"santunan/database"
)

// Shared counts requests in fixed windows in the rate_limits table: one
// statement per request, and at most once a minute per server one more
// that deletes the windows that ended.
type Shared struct {
	db *database.DB

	mu     sync.Mutex
	pruned time.Time // the window before which this server last deleted
}

// NewShared counts in db.
func NewShared(db *database.DB) *Shared { return &Shared{db: db} }

// Hit implements Counter. It runs in no transaction of its own: the upsert
// is atomic, and a count must never wait for, or roll back with, anything
// else.
func (s *Shared) Hit(ctx context.Context, bucket string, now time.Time) (int, time.Time, error) {
	window := windowOf(now)
	var n int
	err := s.db.Write.WithContext(ctx).Raw(`INSERT INTO rate_limits (bucket, window_start, count) VALUES (?, ?, 1)
		ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1
		RETURNING count`, bucket, window).Scan(&n).Error
	if err != nil {
		return 0, time.Time{}, database.Classify(fmt.Errorf("count request: %w", err))
	}
	if err := s.prune(ctx, window); err != nil {
		return n, window.Add(Window), err
	}
	return n, window.Add(Window), nil
}

// prune deletes the windows that ended before window, the first time this
// server sees window; the index on window_start makes it a range delete.
// Several servers may prune the same minute; that costs an empty delete.
func (s *Shared) prune(ctx context.Context, window time.Time) error {
	s.mu.Lock()
	if !window.After(s.pruned) {
		s.mu.Unlock()
		return nil
	}
	s.pruned = window
	s.mu.Unlock()
	err := s.db.Write.WithContext(ctx).Exec(`DELETE FROM rate_limits WHERE window_start < ?`, window).Error
	if err != nil {
		return database.Classify(fmt.Errorf("prune request counts: %w", err))
	}
	return nil
}
