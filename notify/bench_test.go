package notify_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// BenchmarkDrain is the worker draining 10,000 queued messages against the
// fake gateway, per database: the messages are queued (500 per
// transaction) while no worker runs, then one server's worker
// (SANTUNAN_NOTIFY_WORKERS, default 4) is started and timed until the
// gateway has accepted them all. Figures in BENCHMARKS.md.
func BenchmarkDrain(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchDrain(b, testdb.SQLite(b)) })
	if os.Getenv(testdb.EnvURL) != "" {
		b.Run("postgres", func(b *testing.B) { benchDrain(b, testdb.Postgres(b)) })
	}
}

const drainMessages = 10_000

func benchDrain(b *testing.B, db *database.DB) {
	srv := testserver.Start(b, db)
	ctx := context.Background()
	if err := srv.Services.Notify.Stop(ctx); err != nil {
		b.Fatal(err)
	}
	sent := 0
	var enqueue, drain time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		start := time.Now()
		for batch := 0; batch < drainMessages/500; batch++ {
			err := db.InTx(ctx, func(tx *gorm.DB) error {
				for j := range 500 {
					ref := fmt.Sprintf("bench-%d-%d-%d", i, batch, j)
					if err := srv.Services.Notify.EnqueueCode(tx, "+6281200000001", "Kode 123456", ref); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		enqueue += time.Since(start)
		b.StartTimer()
		start = time.Now()
		w := srv.NewWorker()
		sent += drainMessages
		srv.Gateway.WaitFor(b, sent)
		drain += time.Since(start)
		b.StopTimer()
		if err := w.Stop(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(sent)/drain.Seconds(), "msgs/s")
	b.ReportMetric(float64(sent)/enqueue.Seconds(), "queued/s")
}
