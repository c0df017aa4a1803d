// Package ratelimit counts requests per bucket (a purpose and a client) in
// fixed one-minute windows, for the API's rate limits (httpkit/ratelimit.go
// decides what to count and how much is allowed). Memory counts in one
// process; Shared counts in the database, so that every server on one
// PostgreSQL database counts a client's requests together.
package ratelimit

import (
	"context"
	"sync"
	"time"
)

// Window is the length of every counting window. Windows are fixed (they
// start on the minute), so a client may send up to twice the limit across
// a window's edge; what matters is that no client gets far beyond it.
const Window = time.Minute

// Counter counts requests.
type Counter interface {
	// Hit adds one request to bucket in the window that holds now and
	// returns the window's count, this request included, and when the
	// window ends.
	Hit(ctx context.Context, bucket string, now time.Time) (count int, ends time.Time, err error)
}

// windowOf is the start of the window that holds now.
func windowOf(now time.Time) time.Time { return now.UTC().Truncate(Window) }

// maxMemoryBuckets bounds what Memory holds in one window (about 100 bytes
// each); past it, new buckets share one count, so a flood from very many
// addresses is limited together instead of growing the map.
const maxMemoryBuckets = 100_000

// overflowBucket is the bucket they share.
const overflowBucket = "(overflow)"

// Memory counts in this process: enough for one server (SQLite).
type Memory struct {
	mu     sync.Mutex
	window time.Time
	counts map[string]int
}

// NewMemory returns an empty in-process counter.
func NewMemory() *Memory { return &Memory{counts: map[string]int{}} }

// Hit implements Counter. Every bucket shares the current window, so a
// new window simply starts a new map.
func (m *Memory) Hit(_ context.Context, bucket string, now time.Time) (int, time.Time, error) {
	w := windowOf(now)
	m.mu.Lock()
	defer m.mu.Unlock()
	if w.After(m.window) {
		m.window, m.counts = w, map[string]int{}
	}
	if _, ok := m.counts[bucket]; !ok && len(m.counts) >= maxMemoryBuckets {
		bucket = overflowBucket
	}
	m.counts[bucket]++
	return m.counts[bucket], m.window.Add(Window), nil
}
