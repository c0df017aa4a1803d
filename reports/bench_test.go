package reports_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/reports"
)

// Benchmarks run on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is
// set. SANTUNAN_BENCH_CLAIMS sets how many claims are seeded (default
// 100000), about 143 a day (so 4,300 a month whatever the total: 100,000
// over the 700 days from 1 January 2025, a million over the 19 years
// before that too) across Kendal's twenty kecamatan (700 claims at a time
// in each), all paid (five events each) but one in ten of the last 60
// days' (death verified, two events). The month reported is October 2025,
// the year 2025.
//
//	go test ./reports -run '^$' -bench . -benchtime 20x
func BenchmarkReports(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("SANTUNAN_BENCH_CLAIMS")); err == nil && v > 0 {
		n = v
	}
	dbs := []struct {
		name string
		open func(testing.TB) *database.DB
	}{{"sqlite", testdb.SQLite}}
	if os.Getenv(testdb.EnvURL) != "" {
		dbs = append(dbs, struct {
			name string
			open func(testing.TB) *database.DB
		}{"postgres", testdb.Postgres})
	}
	for _, d := range dbs {
		b.Run(d.name, func(b *testing.B) {
			db := d.open(b)
			seedTrails(b, db, n)
			svc := newService(b, db, nil)
			head := domain.Actor{Role: domain.RoleOfficeHead}
			ctx := context.Background()
			for _, c := range []struct {
				name string
				run  func() (reports.Report, error)
			}{
				{"month", func() (reports.Report, error) { return svc.Monthly(ctx, head, reports.Query{Year: 2025, Month: 10}) }},
				{"month_kecamatan", func() (reports.Report, error) {
					return svc.Monthly(ctx, head, reports.Query{Year: 2025, Month: 10, Kecamatan: "332415"})
				}},
				{"year", func() (reports.Report, error) { return svc.Yearly(ctx, head, reports.Query{Year: 2025}) }},
				{"month_xlsx", func() (reports.Report, error) {
					r, err := svc.Monthly(ctx, head, reports.Query{Year: 2025, Month: 10})
					if err == nil {
						_, err = reports.XLSX(r, "id")
					}
					return r, err
				}},
			} {
				b.Run(c.name, func(b *testing.B) {
					var r reports.Report
					for i := 0; i < b.N; i++ {
						var err error
						if r, err = c.run(); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(r.Flow.Filed), "filed")
					b.ReportMetric(float64(r.Flow.Paid), "paid")
				})
			}
		})
	}
}

// seedTrails inserts n claims and their trails straight into the tables
// (for benchmarks only: the hashes are placeholders).
func seedTrails(b testing.TB, db *database.DB, n int) {
	b.Helper()
	clerk := fixture.Actor(b, db, domain.RoleDukcapilClerk)
	var villages []string
	seen := map[string]bool{}
	for _, v := range fixture.Areas(b).Villages("3324") {
		if !seen[v.KecamatanCode] {
			seen[v.KecamatanCode] = true
			villages = append(villages, v.Code)
		}
	}
	village := "CASE ((n / 700) % 20)"
	for i, v := range villages {
		village += fmt.Sprintf(" WHEN %d THEN '%s'", i, v)
	}
	village += " END"
	pg := db.IsPostgres()
	series := "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ?) SELECT n FROM s"
	nik, heirNIK := "printf('9%015d', n)", "printf('8%015d', n)"
	// plus adds whole days to a timestamp, written as both engines keep it.
	plus := func(ts, days string) string {
		return "strftime('%Y-%m-%d %H:%M:%S+00:00', " + ts + ", '+' || (" + days + ") || ' days')"
	}
	if pg {
		series = "SELECT n FROM generate_series(1, ?) AS n"
		nik, heirNIK = "'9' || lpad(n::text, 15, '0')", "'8' || lpad(n::text, 15, '0')"
		plus = func(ts, days string) string { return "(" + ts + " + (" + days + ") * interval '1 day')" }
	}
	days := max(700, n/143)
	first := time.Date(2025, 1, 1, 2, 0, 0, 0, time.UTC).AddDate(0, 0, 700-days).Format("2006-01-02 15:04:05")
	base := "'" + first + "+00:00'"
	if pg {
		base = "timestamptz '" + first + "+00'"
	}
	created := plus(base, fmt.Sprintf("n %% %d", days))
	// One in ten of the last 60 days' claims waits for approval: a few
	// thousand open claims, as an office has, the rest paid.
	open := fmt.Sprintf("(n %% 10 = 0 AND n %% %d >= %d)", days, days-60)
	start := time.Now()
	err := db.Write.Exec(`INSERT INTO claims (code, status, version, amount, deceased_nik, deceased_name, date_of_death, place_of_death,
		kk_number, address, village_code, heir_nik, heir_name, heir_relationship, heir_phone, bank_code,
		bank_account_number, bank_account_name, created_by, created_at, updated_at)
		SELECT 'SKM-R' || n, CASE WHEN `+open+` THEN 'death_verified' ELSE 'paid' END, 1, 1000000, `+nik+`, 'Ahmad Fauzi', ?,
		'Kendal', '3324151203100007', 'Jl. Raya', `+village+`, `+heirNIK+`, 'Siti Aminah', 'spouse', '+6281234567890', '113',
		'1234567890', 'SITI AMINAH', ?, `+created+`, `+created+` FROM (`+series+`) AS seq`,
		fixture.Now, clerk.UserID, n).Error
	if err != nil {
		b.Fatalf("seed claims: %v", err)
	}
	verify := "(c.id % 3) + 1"
	approve := verify + " + (c.id % 4) + 1"
	steps := []struct {
		seq              int
		action, from, to string
		days, where      string
	}{
		{1, "submit", "", "submitted", "0", ""},
		{2, "verify_death", "submitted", "death_verified", verify, ""},
		{3, "approve", "death_verified", "approved", approve, "c.status = 'paid'"},
		{4, "start_payment", "approved", "disbursing", approve + " + 1", "c.status = 'paid'"},
		{5, "confirm_payment", "disbursing", "paid", approve + " + 3", "c.status = 'paid'"},
	}
	for _, st := range steps {
		where := "1 = 1"
		if st.where != "" {
			where = st.where
		}
		err := db.Write.Exec(`INSERT INTO claim_events (claim_id, seq, action, from_status, to_status, actor_id,
			actor_username, actor_role, reason, changes, at, prev_hash, hash)
			SELECT c.id, ?, ?, ?, ?, c.created_by, 'seed', 'dukcapil_clerk', '', '{}', `+plus("c.created_at", st.days)+`, 'seed', 'seed'
			FROM claims c WHERE `+where, st.seq, st.action, st.from, st.to).Error
		if err != nil {
			b.Fatalf("seed %s events: %v", st.action, err)
		}
	}
	if err := db.Write.Exec("ANALYZE").Error; err != nil {
		b.Fatalf("analyze: %v", err)
	}
	var events int64
	db.Write.Raw("SELECT COUNT(*) FROM claim_events").Scan(&events)
	b.Logf("seeded %d claims, %d events in %s", n, events, strings.TrimSpace(time.Since(start).Round(time.Millisecond).String()))
}
