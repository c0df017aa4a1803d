package complaints_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"santunan/complaints"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// Run with:
//
//	go test ./complaints -run '^$' -bench . -benchtime 300x
//	SANTUNAN_BENCH_COMPLAINTS=20000 TEST_DATABASE_URL=... go test ./complaints -run '^$' -bench . -benchtime 300x

func eachDB(b *testing.B, fn func(b *testing.B, db *database.DB)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, testdb.SQLite(b)) })
	if os.Getenv(testdb.EnvURL) != "" {
		b.Run("postgres", func(b *testing.B) { fn(b, testdb.Postgres(b)) })
	}
}

func benchService(db *database.DB) *complaints.Service {
	return complaints.New(db, workflow.New(db, workflow.Options{}), complaints.Options{})
}

var benchFiling = complaints.Filing{Category: domain.CategorySlowService, Text: "Klaim belum diproses dua minggu.",
	Identity: domain.IdentityAnonymous}

var officer = domain.Actor{UserID: 1, Username: "pengaduan", Role: domain.RoleComplaintOfficer}

// BenchmarkFile: check a complaint, insert it and its first chained event.
func BenchmarkFile(b *testing.B) {
	eachDB(b, func(b *testing.B, db *database.DB) {
		svc, ctx := benchService(db), context.Background()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := svc.File(ctx, benchFiling); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkVerify: one staff step (lock, CAS on version, chained event).
func BenchmarkVerify(b *testing.B) {
	eachDB(b, func(b *testing.B, db *database.DB) {
		svc, ctx := benchService(db), context.Background()
		ids := make([]int64, b.N)
		for i := range ids {
			c, err := svc.File(ctx, benchFiling)
			if err != nil {
				b.Fatal(err)
			}
			ids[i] = c.ID
		}
		b.ResetTimer()
		for _, id := range ids {
			if _, err := svc.Act(ctx, officer, id, domain.ComplaintActionVerify, complaints.ActInput{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkList: the officer's queue (received, earliest deadline first),
// first page and a page deep in it, over SANTUNAN_BENCH_COMPLAINTS
// complaints (default 2,000).
func BenchmarkList(b *testing.B) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("SANTUNAN_BENCH_COMPLAINTS")); err == nil && v > 0 {
		n = v
	}
	eachDB(b, func(b *testing.B, db *database.DB) {
		svc, ctx := benchService(db), context.Background()
		for i := 0; i < n; i++ {
			if _, err := svc.File(ctx, benchFiling); err != nil {
				b.Fatal(err)
			}
		}
		q := complaints.ListQuery{Status: domain.ComplaintReceived, Limit: 50}
		first, err := svc.List(ctx, officer, q)
		if err != nil || len(first.Items) != 50 {
			b.Fatal(err)
		}
		deep := q
		for i := 0; i < n/100 && first.Next != ""; i++ {
			deep.Cursor = first.Next
			if first, err = svc.List(ctx, officer, deep); err != nil {
				b.Fatal(err)
			}
		}
		b.Run("first", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := svc.List(ctx, officer, q); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("deep", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := svc.List(ctx, officer, deep); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
