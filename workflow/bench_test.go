package workflow_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// Benchmarks run on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is
// set. SANTUNAN_BENCH_CLAIMS sets how many claims the list benchmarks page
// through (default 100000; BENCHMARKS.md also reports 1000000).
//
//	go test ./workflow -run '^$' -bench . -benchtime 2000x
func benchDBs(b *testing.B, fn func(b *testing.B, db *database.DB)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, testdb.SQLite(b)) })
	if os.Getenv(testdb.EnvURL) != "" {
		b.Run("postgres", func(b *testing.B) { fn(b, testdb.Postgres(b)) })
	}
}

func BenchmarkSubmit(b *testing.B) {
	benchDBs(b, func(b *testing.B, db *database.DB) {
		engine := fixture.Engine(b, db)
		clerk := fixture.Actor(b, db, domain.RoleDukcapilClerk)
		ctx := context.Background()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			in := fixture.ClaimInput(i%9999 + 1)
			// Vary the kecamatan date digits so every claim is a new death.
			in.Deceased.NIK = fmt.Sprintf("3324150101%02d%04d", 20+i/9999%70, i%9999+1)
			if _, err := engine.Submit(ctx, clerk, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkApproveWithAudit(b *testing.B) {
	benchDBs(b, func(b *testing.B, db *database.DB) {
		engine := fixture.Engine(b, db)
		officer := fixture.Actor(b, db, domain.RoleDinsosOfficer)
		ids := seedClaims(b, db, b.N, domain.StatusDeathVerified)
		ctx := context.Background()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := engine.Apply(ctx, officer, ids[i], domain.ActionApprove, workflow.ActionInput{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// listDB seeds SANTUNAN_BENCH_CLAIMS claims (default 100000) into a fresh
// database that lives as long as the benchmark b that opened it.
func listDB(b *testing.B, _ string, open func(testing.TB) *database.DB) *database.DB {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("SANTUNAN_BENCH_CLAIMS")); err == nil && v > 0 {
		n = v
	}
	db := open(b)
	seedClaims(b, db, n, "")
	return db
}

func BenchmarkList(b *testing.B) {
	dbs := map[string]func(testing.TB) *database.DB{"sqlite": testdb.SQLite}
	if os.Getenv(testdb.EnvURL) != "" {
		dbs["postgres"] = testdb.Postgres
	}
	for dialect, open := range dbs {
		b.Run(dialect, func(b *testing.B) {
			db := listDB(b, dialect, open)
			engine := fixture.Engine(b, db)
			ctx := context.Background()
			var maxID int64
			if err := db.Read.Raw("SELECT MAX(id) FROM claims").Scan(&maxID).Error; err != nil {
				b.Fatal(err)
			}
			deep := workflow.ListQuery{Status: domain.StatusApproved, Limit: 50}
			page, err := engine.List(ctx, workflow.ListQuery{Status: domain.StatusApproved, Limit: 50})
			if err != nil {
				b.Fatal(err)
			}
			deep.Cursor = page.NextCursor
			var nik string
			if err := db.Read.Raw("SELECT deceased_nik FROM claims WHERE id = ?", maxID/2).Scan(&nik).Error; err != nil {
				b.Fatal(err)
			}
			queries := map[string]workflow.ListQuery{
				"queue_first_page": {Status: domain.StatusSubmitted, Limit: 50},
				"queue_next_page":  deep,
				"all_first_page":   {Limit: 50},
				"search_nik":       {Q: nik, Limit: 50},
				"search_name":      {Q: "sulistyo", Limit: 50},
			}
			for name, q := range queries {
				b.Run(name, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						if _, err := engine.List(ctx, q); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// seedClaims inserts n claims straight into the table (no events), spread
// over the statuses unless one is given, and returns their ids. It is for
// benchmarks only: the rows bypass the engine.
func seedClaims(b testing.TB, db *database.DB, n int, status domain.Status) []int64 {
	b.Helper()
	clerk := fixture.Actor(b, db, domain.RoleDukcapilClerk)
	var before int64
	db.Write.Raw("SELECT COALESCE(MAX(id), 0) FROM claims").Scan(&before)
	statusExpr := "CASE (n % 4) WHEN 0 THEN 'submitted' WHEN 1 THEN 'death_verified' WHEN 2 THEN 'approved' ELSE 'paid' END"
	if status != "" {
		statusExpr = "'" + string(status) + "'"
	}
	series := "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ?) SELECT n FROM s"
	nik := "printf('9%015d', n)"
	heirNIK := "printf('8%015d', n)"
	name := "CASE WHEN n % 1000 = 0 THEN 'Sulistyo Rahardjo' ELSE 'Ahmad Fauzi' END"
	if db.IsPostgres() {
		series = "SELECT n FROM generate_series(1, ?) AS n"
		nik = "'9' || lpad(n::text, 15, '0')"
		heirNIK = "'8' || lpad(n::text, 15, '0')"
	}
	sql := `INSERT INTO claims (code, status, version, amount, deceased_nik, deceased_name, date_of_death, place_of_death,
		kk_number, address, village_code, heir_nik, heir_name, heir_relationship, heir_phone, bank_code,
		bank_account_number, bank_account_name, created_by, created_at, updated_at)
		SELECT 'SKM-B' || n, ` + statusExpr + `, 1, 1000000, ` + nik + `, ` + name + `, ?, 'Kendal', '3324151203100007',
		'Jl. Raya', '3324151001', ` + heirNIK + `, 'Siti Aminah', 'spouse', '+6281234567890', '113', '1234567890',
		'SITI AMINAH', ?, ?, ? FROM (` + series + `) AS seq`
	// Seeds a fresh table; the NIK column starts with 9 so it cannot meet a fixture NIK.
	err := db.Write.Exec(sql, fixture.Now, clerk.UserID, fixture.Now, fixture.Now, n).Error
	if err != nil {
		b.Fatalf("seed %d claims: %v", n, err)
	}
	// Each claim gets its first event so the engine can chain onto it; the
	// hash is a placeholder (audit verification is not what is measured).
	err = db.Write.Exec(`INSERT INTO claim_events (claim_id, seq, action, from_status, to_status, actor_id,
		actor_username, actor_role, reason, changes, at, prev_hash, hash)
		SELECT id, 1, 'submit', '', status, created_by, 'seed', 'dukcapil_clerk', '', '{}', created_at, 'seed', 'seed'
		FROM claims WHERE id > ?`, before).Error
	if err != nil {
		b.Fatalf("seed events: %v", err)
	}
	// Fresh statistics, as autovacuum would gather on a live database.
	if err := db.Write.Exec("ANALYZE").Error; err != nil {
		b.Fatalf("analyze: %v", err)
	}
	var ids []int64
	if err := db.Write.Raw("SELECT id FROM claims WHERE id > ? ORDER BY id", before).Scan(&ids).Error; err != nil {
		b.Fatal(err)
	}
	return ids
}
