package workdays_test

import (
	"context"
	"os"
	"testing"
	"time"

	"santunan/config"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workdays"
)

// BenchmarkCalendar: what a page or a transition pays for the calendar.
// cached is the usual case (the version row read, the days in memory);
// reload reads the days again, as after any change (the 2026 seed plus ten
// years of 25 days each).
//
//	go test ./workdays -run '^$' -bench Calendar -benchtime 2000x
func BenchmarkCalendar(b *testing.B) {
	dbs := map[string]func(testing.TB) *database.DB{"sqlite": testdb.SQLite}
	if os.Getenv(testdb.EnvURL) != "" {
		dbs["postgres"] = testdb.Postgres
	}
	for dialect, open := range dbs {
		b.Run(dialect, func(b *testing.B) {
			db := open(b)
			admin := fixture.Actor(b, db, domain.RoleAdmin)
			writer := workdays.New(db, workdays.Options{Standard: config.DefaultStandard()})
			ctx := context.Background()
			for y := 2027; y < 2037; y++ {
				for d := 1; d <= 25; d++ {
					day := domain.Date{Year: y, Month: time.Month(1 + d%12), Day: 1 + d}
					if _, err := writer.Add(ctx, admin, workdays.DayInput{Date: day.String(), Kind: "libur_nasional", Name: "Libur"}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.Run("cached", func(b *testing.B) {
				cal := workdays.New(db, workdays.Options{Standard: config.DefaultStandard()})
				for i := 0; i < b.N; i++ {
					if _, err := cal.Calendar(ctx); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("reload", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					cal := workdays.New(db, workdays.Options{Standard: config.DefaultStandard()})
					if _, err := cal.Calendar(ctx); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
