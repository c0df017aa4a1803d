package ratelimit_test

import (
	"context"
	"sort"
	"sync"
	"testing"
	"time"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/ratelimit"
)

var t0 = time.Date(2026, 11, 28, 3, 15, 20, 0, time.UTC)

// counters are the two counters, Shared on each database.
func counters(t *testing.T, fn func(t *testing.T, c ratelimit.Counter, db *database.DB)) {
	t.Run("memory", func(t *testing.T) { fn(t, ratelimit.NewMemory(), nil) })
	testdb.Each(t, func(t *testing.T, db *database.DB) { fn(t, ratelimit.NewShared(db), db) })
}

func hit(t *testing.T, c ratelimit.Counter, bucket string, now time.Time) (int, time.Time) {
	t.Helper()
	n, ends, err := c.Hit(context.Background(), bucket, now)
	if err != nil {
		t.Fatal(err)
	}
	return n, ends
}

// Each bucket counts on its own within a fixed window that starts on the
// minute; the next minute starts from one.
func TestCountsPerBucketAndWindow(t *testing.T) {
	counters(t, func(t *testing.T, c ratelimit.Counter, _ *database.DB) {
		for i := 1; i <= 3; i++ {
			if n, ends := hit(t, c, "track 203.0.113.1", t0.Add(time.Duration(i)*time.Second)); n != i || !ends.Equal(t0.Truncate(time.Minute).Add(time.Minute)) {
				t.Fatalf("hit %d: %d, window ends %v", i, n, ends)
			}
		}
		if n, _ := hit(t, c, "login 203.0.113.1", t0); n != 1 {
			t.Fatalf("another purpose: %d", n)
		}
		if n, _ := hit(t, c, "track 203.0.113.2", t0); n != 1 {
			t.Fatalf("another client: %d", n)
		}
		// A time in another zone is the same instant, the same window.
		if n, _ := hit(t, c, "track 203.0.113.2", t0.In(time.FixedZone("WIB", 7*3600))); n != 2 {
			t.Fatalf("same instant in WIB: %d", n)
		}
		if n, _ := hit(t, c, "track 203.0.113.1", t0.Truncate(time.Minute).Add(time.Minute)); n != 1 {
			t.Fatalf("the next minute: %d", n)
		}
	})
}

// Concurrent requests of one bucket each get their own count: the upsert
// is one atomic statement, with no lost update.
func TestConcurrentHitsAreAllCounted(t *testing.T) {
	counters(t, func(t *testing.T, c ratelimit.Counter, _ *database.DB) {
		const n = 40
		got := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				k, _, err := c.Hit(context.Background(), "track 2001:db8::/64", t0)
				if err != nil {
					t.Error(err)
				}
				got[i] = k
			}()
		}
		wg.Wait()
		sort.Ints(got)
		for i, k := range got {
			if k != i+1 {
				t.Fatalf("counts %v, want 1..%d", got, n)
			}
		}
	})
}

// The table keeps only the windows still running: the first request of a
// new minute deletes the ended ones, so it does not grow with the clients.
func TestSharedDeletesEndedWindows(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		c := ratelimit.NewShared(db)
		for i := range 5 {
			hit(t, c, "track 198.51.100."+string(rune('1'+i)), t0)
		}
		hit(t, c, "track 198.51.100.9", t0.Add(time.Minute))
		var rows int64
		if err := db.Read.Table("rate_limits").Count(&rows).Error; err != nil {
			t.Fatal(err)
		}
		if rows != 1 {
			t.Fatalf("%d rows after the window ended, want 1", rows)
		}
	})
}
