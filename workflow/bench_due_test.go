package workflow_test

import (
	"context"
	"os"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// BenchmarkListByDue: the queues by due day and the overdue lists on
// SANTUNAN_BENCH_CLAIMS claims (a quarter in each of four statuses, three of
// them in a stage), their due days spread over 60 days.
//
//	SANTUNAN_BENCH_CLAIMS=1000000 go test ./workflow -run '^$' -bench ListByDue -benchtime 300x -timeout 30m
func BenchmarkListByDue(b *testing.B) {
	dbs := map[string]func(testing.TB) *database.DB{"sqlite": testdb.SQLite}
	if os.Getenv(testdb.EnvURL) != "" {
		dbs["postgres"] = testdb.Postgres
	}
	for dialect, open := range dbs {
		b.Run(dialect, func(b *testing.B) {
			db := listDB(b, dialect, open)
			// Stage days as the event hook would have set them: due between
			// 1 October and 29 November 2026.
			due := "strftime('%Y-%m-%d 00:00:00+00:00', '2026-10-01', '+' || (id % 60) || ' days')"
			if db.IsPostgres() {
				due = "DATE '2026-10-01' + (id % 60)::int"
			}
			err := db.Write.Exec("UPDATE claims SET stage_started_at = created_at, stage_due_on = "+due+
				" WHERE status IN ?", workflow.StagedStatuses()).Error
			if err != nil {
				b.Fatal(err)
			}
			if err := db.Write.Exec("ANALYZE").Error; err != nil {
				b.Fatal(err)
			}
			engine := fixture.Engine(b, db)
			ctx := context.Background()
			cutoff := domain.Date{Year: 2026, Month: 11, Day: 1} // about half of each queue overdue
			early := domain.Date{Year: 2026, Month: 10, Day: 3}  // a few overdue
			officer := []domain.Status{domain.StatusDeathVerified, domain.StatusPaymentFailed}
			first, err := engine.ListByDue(ctx, workflow.DueQuery{Statuses: []domain.Status{domain.StatusSubmitted}, Limit: 50})
			if err != nil {
				b.Fatal(err)
			}
			queries := map[string]workflow.DueQuery{
				"queue_by_due_first_page": {Statuses: []domain.Status{domain.StatusSubmitted}, Limit: 50},
				"queue_by_due_next_page":  {Statuses: []domain.Status{domain.StatusSubmitted}, Limit: 50, Cursor: first.NextCursor},
				"overdue_two_statuses":    {Statuses: officer, Before: &cutoff, Limit: 50},
				"overdue_home_top_10":     {Statuses: officer, Before: &cutoff, Limit: 10},
			}
			for name, q := range queries {
				b.Run(name, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						if _, err := engine.ListByDue(ctx, q); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
			for name, day := range map[string]domain.Date{"count_overdue_half": cutoff, "count_overdue_few": early} {
				b.Run(name, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						if _, _, err := engine.CountDueBefore(ctx, officer, day, 1000); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
