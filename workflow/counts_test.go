package workflow_test

import (
	"context"
	"os"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

func TestCountByStatus(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		counts, err := b.engine.CountByStatus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(counts) != 0 {
			t.Fatalf("empty database: counts = %v", counts)
		}
		want := map[domain.Status]int64{
			domain.StatusSubmitted: 3, domain.StatusDeathVerified: 2, domain.StatusPaid: 1, domain.StatusCancelled: 1,
		}
		n := 0
		for _, s := range domain.AllStatuses {
			for i := int64(0); i < want[s]; i++ {
				n++
				b.claimIn(t, n, s)
			}
		}
		counts, err = b.engine.CountByStatus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(counts) != len(want) {
			t.Fatalf("counts = %v, want %v", counts, want)
		}
		for s, w := range want {
			if counts[s] != w {
				t.Errorf("%s: %d, want %d", s, counts[s], w)
			}
		}
		open, err := b.engine.CountByStatus(ctx, domain.StatusSubmitted, domain.StatusReturned, domain.StatusPaid)
		if err != nil {
			t.Fatal(err)
		}
		if len(open) != 2 || open[domain.StatusSubmitted] != 3 || open[domain.StatusPaid] != 1 {
			t.Fatalf("counts of three statuses = %v", open)
		}
	})
}

// OldestByStatus finds the least recently changed claim of each status, to
// the microsecond, and leaves out statuses without claims.
func TestOldestByStatus(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		now := fixture.Now.Add(123456 * time.Microsecond)
		cfg := fixture.EngineOptions(t)
		cfg.Now = func() time.Time { return now }
		b := setup(t, db)
		b.engine = workflow.New(db, cfg)
		ctx := context.Background()
		first := now
		a := b.claimIn(t, 1, domain.StatusSubmitted)
		now = now.Add(time.Hour)
		b.claimIn(t, 2, domain.StatusSubmitted)
		now = now.Add(time.Hour)
		c := b.claimIn(t, 3, domain.StatusSubmitted)
		if _, err := b.engine.Apply(ctx, b.clerk, c.ID, domain.ActionVerifyDeath, validInput()); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Hour)
		if _, err := b.engine.Apply(ctx, b.clerk, a.ID, domain.ActionVerifyDeath, validInput()); err != nil {
			t.Fatal(err)
		}
		got, err := b.engine.OldestByStatus(ctx, domain.StatusSubmitted, domain.StatusDeathVerified, domain.StatusApproved)
		if err != nil {
			t.Fatal(err)
		}
		want := map[domain.Status]time.Time{
			domain.StatusSubmitted:     first.Add(time.Hour).UTC(),
			domain.StatusDeathVerified: first.Add(2 * time.Hour).UTC(),
		}
		if len(got) != len(want) {
			t.Fatalf("oldest = %v, want %v", got, want)
		}
		for st, w := range want {
			if !got[st].Equal(w) {
				t.Errorf("%s: %v, want %v", st, got[st], w)
			}
		}
	})
}

// BenchmarkCountByStatus is the staff home page's count query on the list
// benchmarks' seeded table (SANTUNAN_BENCH_CLAIMS claims, default 100000).
func BenchmarkCountByStatus(b *testing.B) {
	dbs := map[string]func(testing.TB) *database.DB{"sqlite": testdb.SQLite}
	if os.Getenv(testdb.EnvURL) != "" {
		dbs["postgres"] = testdb.Postgres
	}
	for dialect, open := range dbs {
		b.Run(dialect, func(b *testing.B) {
			// The seeded database lives as long as this outer run, which
			// runs once; the inner one is repeated to find b.N.
			engine := fixture.Engine(b, listDB(b, dialect, open))
			ctx := context.Background()
			b.Run("all_statuses", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := engine.CountByStatus(ctx); err != nil {
						b.Fatal(err)
					}
				}
			})
			// What a clerk's, officer's or treasurer's home counts.
			open := []domain.Status{domain.StatusSubmitted, domain.StatusReturned, domain.StatusDeathVerified,
				domain.StatusApproved, domain.StatusDisbursing, domain.StatusPaymentFailed}
			b.Run("open_statuses", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := engine.CountByStatus(ctx, open...); err != nil {
						b.Fatal(err)
					}
				}
			})
			// What a /metrics scrape asks for the queues' ages.
			b.Run("oldest_open", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := engine.OldestByStatus(ctx, open...); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
