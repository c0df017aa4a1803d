package database_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

func TestMigrateIsIdempotent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		n, err := db.Migrate(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatalf("second migrate applied %d migrations, want 0", n)
		}
	})
}

// Both dialects must produce the same tables with the same columns, so the
// application code cannot work on one and fail on the other.
func TestSchemasHaveTheSameColumns(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	lite := columns(t, testdb.SQLite(t))
	pg := columns(t, testdb.Postgres(t))
	if strings.Join(lite, "\n") != strings.Join(pg, "\n") {
		t.Fatalf("schemas differ:\nsqlite:\n%s\n\npostgres:\n%s", strings.Join(lite, "\n"), strings.Join(pg, "\n"))
	}
}

func columns(t *testing.T, db *database.DB) []string {
	t.Helper()
	var out []string
	tables, err := db.Write.Migrator().GetTables()
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range tables {
		// River's tables are river's: each of its drivers keeps its own
		// schema (its migrations), which river's own suite tests.
		if table == "goose_db_version" || table == "goose_lock" || strings.HasPrefix(table, "sqlite_") ||
			strings.HasPrefix(table, "river_") {
			continue
		}
		cols, err := db.Write.Migrator().ColumnTypes(table)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cols {
			out = append(out, table+"."+c.Name())
		}
	}
	sort.Strings(out)
	return out
}

func TestUnreachablePostgresIsUnavailable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := database.Open(ctx, database.Options{URL: "postgres://postgres@127.0.0.1:1/none?connect_timeout=2"})
	if !errors.Is(err, domain.ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
}

func TestRedactURL(t *testing.T) {
	cases := map[string]string{
		"postgres://u:secret@h:5432/db": "postgres://u:***@h:5432/db",
		"postgres://u@h/db":             "postgres://u@h/db",
		"":                              "",
	}
	for in, want := range cases {
		if got := database.RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// Several servers starting at once on one database migrate it once.
func TestConcurrentMigrations(t *testing.T) {
	url := testdb.PostgresURL(t)
	ctx := context.Background()
	const servers = 4
	dbs := make([]*database.DB, servers)
	for i := range dbs {
		db, err := database.Open(ctx, database.Options{URL: url})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		dbs[i] = db
	}
	errs := make(chan error, servers)
	for _, db := range dbs {
		go func() {
			_, err := db.Migrate(ctx)
			errs <- err
		}()
	}
	for range servers {
		if err := <-errs; err != nil {
			t.Fatalf("concurrent migrate: %v", err)
		}
	}
	if n, err := dbs[0].Migrate(ctx); err != nil || n != 0 {
		t.Fatalf("after the concurrent runs: %d pending, %v", n, err)
	}
}

// What each database really says when a constraint or an append-only trigger
// refuses a write is classified as a conflict (409), on both engines.
func TestRealRefusalsAreConflicts(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		exec := func(sql string, args ...any) error {
			return db.InTx(ctx, func(tx *gorm.DB) error { return tx.Exec(sql, args...).Error })
		}
		now := time.Now().UTC()
		for _, setup := range []string{
			`INSERT INTO users (username, full_name, role, password_hash, active, created_at, updated_at) VALUES ('u', 'U', 'admin', 'x', true, ?, ?)`,
			`INSERT INTO budgets (year, ceiling, committed, updated_by, created_at, updated_at) VALUES (2026, 5, 0, 1, ?, ?)`,
			`INSERT INTO budget_changes (year, old_ceiling, new_ceiling, actor_id, actor_username, at) VALUES (2026, 0, 5, 1, 'u', ?)`,
		} {
			args := []any{now, now}[:strings.Count(setup, "?")]
			if err := exec(setup, args...); err != nil {
				t.Fatalf("%s: %v", setup, err)
			}
		}
		for name, sql := range map[string]string{
			"check":               `UPDATE budgets SET committed = 10 WHERE year = 2026`,
			"append-only trigger": `UPDATE budget_changes SET new_ceiling = 6 WHERE year = 2026`,
		} {
			if err := exec(sql); !errors.Is(err, domain.ErrConflict) {
				t.Errorf("%s: %v, want a conflict", name, err)
			}
		}
	})
}

// A path holding "#" or "?" opens that very file, not a shorter one.
func TestSQLitePathWithURICharacters(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	for _, name := range []string{"a#01.db", "b?x=1.db", "c%20.db"} {
		db, err := database.Open(ctx, database.Options{SQLitePath: filepath.Join(dir, name)})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		_ = db.Close()
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Fatalf("%s was not created: %v", name, err)
		}
	}
}

// A transaction that PostgreSQL keeps aborting for a deadlock or a
// serialization failure is run again, and when every attempt failed the
// caller gets a conflict (409, try again), never the raw 40P01 (a 500).
func TestRetriesThatRunOutAreConflicts(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		for _, code := range []string{"40P01", "40001"} {
			attempts := 0
			err := db.InTx(context.Background(), func(tx *gorm.DB) error {
				attempts++
				if db.IsPostgres() {
					// The server's own error, as a real deadlock gives it.
					return tx.Exec(`DO $$ BEGIN RAISE EXCEPTION 'raced' USING ERRCODE = '` + code + `'; END $$`).Error
				}
				return &pgconn.PgError{Code: code}
			})
			if !errors.Is(err, domain.ErrConflict) || attempts < 2 {
				t.Errorf("%s: %d attempts, then %v; want retries, then a conflict", code, attempts, err)
			}
		}
	})
}
