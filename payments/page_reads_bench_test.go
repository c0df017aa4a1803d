package payments_test

import (
	"os"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/payments"
)

// The reads behind the pages: the batch page reads its batch once through
// Reconcile (figures and every line, for a batch of 10,000 lines), and
// every claim page reads the claim's decree and batches (ClaimPayment).
// The claims are filed, approved and batched outside the timer.
//
//	go test -run XXX -bench PageReads -benchtime 20x ./payments/
func BenchmarkPageReads(b *testing.B) {
	const n = 10_000
	run := func(b *testing.B, db *database.DB) {
		e := newEnv(b, db)
		e.budget(b, domain.Rupiah(n)*domain.DefaultBenefit)
		ids := e.approved(b, 0, n)
		batch, err := e.svc.CreateBatch(ctx, e.treasurer, payments.BatchRequest{ClaimIDs: ids})
		if err != nil {
			b.Fatal(err)
		}
		b.Run("reconcile-10000-lines", func(b *testing.B) {
			for range b.N {
				rec, err := e.svc.Reconcile(ctx, e.auditor, batch.ID)
				if err != nil || len(rec.Items) != n || !rec.Balanced {
					b.Fatalf("reconcile: %v", err)
				}
			}
		})
		b.Run("claim-payment", func(b *testing.B) {
			for i := range b.N {
				cp, err := e.svc.ClaimPayment(ctx, e.auditor, ids[i%n])
				if err != nil || len(cp.Batches) != 1 {
					b.Fatalf("claim payment: %+v %v", cp, err)
				}
			}
		})
	}
	b.Run("sqlite", func(b *testing.B) { run(b, testdb.SQLite(b)) })
	if os.Getenv(testdb.EnvURL) != "" {
		b.Run("postgres", func(b *testing.B) { run(b, testdb.Postgres(b)) })
	}
}
