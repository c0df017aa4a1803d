package migrations_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pressly/goose/v3"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/migrations"
)

var quotedTable = regexp.MustCompile(`CREATE TABLE "(\w+)"`)

// schemaOf is what the schema is made of, per engine: every table, index
// and trigger with its SQL (SQLite), or every column, index and trigger
// (PostgreSQL), sorted.
func schemaOf(t *testing.T, db *sql.DB, pg bool) string {
	t.Helper()
	q := `SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master
		WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'river_%' AND name <> 'goose_db_version' ORDER BY type, name`
	if pg {
		q = `SELECT x FROM (
			SELECT 'col ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS x
				FROM information_schema.columns WHERE table_schema = current_schema()
			UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
			UNION ALL SELECT 'trigger ' || event_object_table || ' ' || trigger_name || ' ' || action_timing || ' ' || event_manipulation
				FROM information_schema.triggers WHERE trigger_schema = current_schema()
			UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
				WHERE connamespace = current_schema()::regnamespace
		) s WHERE x NOT LIKE '%river%' AND x NOT LIKE '%goose%' ORDER BY x`
	}
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		// A rebuilt table's name comes back quoted by RENAME: the same table.
		out = append(out, quotedTable.ReplaceAllString(s, "CREATE TABLE $1"))
	}
	return strings.Join(out, "\n")
}

// Down to 00010 and up again gives back the schema that 00010 had and then
// the whole schema, on both engines; on SQLite the rebuilt tables keep
// their foreign keys, indexes and triggers (a paid claim stays final).
func TestDownToTenAndUpAgainKeepsTheSchema(t *testing.T) {
	for _, pg := range []bool{false, true} {
		name := map[bool]string{false: "sqlite", true: "postgres"}[pg]
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			opts := database.Options{SQLitePath: filepath.Join(t.TempDir(), "m.db")}
			dialect, gd := migrations.SQLite, goose.DialectSQLite3
			if pg {
				opts = database.Options{URL: testdb.PostgresURL(t)}
				dialect, gd = migrations.Postgres, goose.DialectPostgres
			}
			db, err := database.Open(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = db.Close() })
			raw, err := db.SQL()
			if err != nil {
				t.Fatal(err)
			}
			fsys, err := migrations.FS(dialect)
			if err != nil {
				t.Fatal(err)
			}
			p, err := goose.NewProvider(gd, raw, fsys)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.UpTo(ctx, 10); err != nil {
				t.Fatal(err)
			}
			at10 := schemaOf(t, raw, pg)
			if _, err := p.Up(ctx); err != nil {
				t.Fatal(err)
			}
			full := schemaOf(t, raw, pg)
			if _, err := p.DownTo(ctx, 10); err != nil {
				t.Fatalf("down to 10: %v", err)
			}
			if got := schemaOf(t, raw, pg); got != at10 {
				t.Errorf("schema after down to 10 differs from 10's:\n got %s\nwant %s", got, at10)
			}
			if _, err := p.Up(ctx); err != nil {
				t.Fatalf("up again: %v", err)
			}
			if got := schemaOf(t, raw, pg); got != full {
				t.Errorf("schema after up again differs:\n got %s\nwant %s", got, full)
			}
			if !pg {
				var n int
				if err := raw.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n != 0 {
					t.Errorf("foreign_key_check: %d rows", n)
				}
				for _, trig := range []string{"claims_paid_is_final", "claims_paid_no_delete"} {
					if !strings.Contains(full, "trigger "+trig) {
						t.Errorf("trigger %s missing after the rebuilds", trig)
					}
				}
			}
		})
	}
}
