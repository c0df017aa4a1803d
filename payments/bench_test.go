package payments_test

import (
	"os"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/payments"
)

// BenchmarkBatchOf10000 builds a batch of 10,000 approved claims (each its
// start_payment event and version swap, in one transaction), takes its
// transfer file (each claim's transfer_sent event) and applies a result
// file that pays all of them (each its confirm_payment event). One op is
// all three; build-s/op, send-s/op and apply-s/op split it. The claims are filed and
// approved outside the timer. Run with -benchtime=1x: one op is seconds.
//
//	go test -run XXX -bench BatchOf10000 -benchtime 1x ./payments/
func BenchmarkBatchOf10000(b *testing.B) {
	const n = 10_000
	run := func(b *testing.B, db *database.DB) {
		e := newEnv(b, db)
		e.budget(b, domain.Rupiah(b.N*n)*domain.DefaultBenefit)
		var build, send, apply time.Duration
		b.ResetTimer()
		for i := range b.N {
			b.StopTimer()
			ids := e.approved(b, i*n, n)
			b.StartTimer()
			t0 := time.Now()
			batch, err := e.svc.CreateBatch(ctx, e.treasurer, payments.BatchRequest{ClaimIDs: ids})
			if err != nil {
				b.Fatal(err)
			}
			build += time.Since(t0)
			t2 := time.Now()
			if _, _, err := e.svc.SendTransfer(ctx, e.treasurer, batch.ID); err != nil {
				b.Fatal(err)
			}
			send += time.Since(t2)
			b.StopTimer()
			full, err := e.svc.GetBatch(ctx, e.treasurer, batch.ID)
			if err != nil {
				b.Fatal(err)
			}
			all := make(map[string]string, n)
			for _, c := range codes(full) {
				all[c] = ""
			}
			file := payments.ResultFile{Format: payments.FormatCSV, Raw: resultCSV(full, all)}
			b.StartTimer()
			t1 := time.Now()
			rep, err := e.svc.ApplyResults(ctx, e.treasurer, batch.ID, file)
			if err != nil || rep.Paid != n {
				b.Fatalf("apply: %+v %v", rep, err)
			}
			apply += time.Since(t1)
		}
		b.ReportMetric(build.Seconds()/float64(b.N), "build-s/op")
		b.ReportMetric(send.Seconds()/float64(b.N), "send-s/op")
		b.ReportMetric(apply.Seconds()/float64(b.N), "apply-s/op")
	}
	b.Run("sqlite", func(b *testing.B) { run(b, testdb.SQLite(b)) })
	if os.Getenv(testdb.EnvURL) != "" {
		b.Run("postgres", func(b *testing.B) { run(b, testdb.Postgres(b)) })
	}
}
