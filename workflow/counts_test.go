package workflow_test

import (
	"context"
	"os"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
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
		})
	}
}
