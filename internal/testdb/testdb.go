// Package testdb gives each test its own migrated database: a SQLite file in
// the test's temp folder always, and a fresh PostgreSQL schema when
// TEST_DATABASE_URL is set. One behaviour suite then runs on both engines.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver for schema setup

	"santunan/database"
)

// EnvURL names the variable that turns on the PostgreSQL half of the suite.
const EnvURL = "TEST_DATABASE_URL"

// Each runs fn once per available engine, as subtests "sqlite" and "postgres".
func Each(t *testing.T, fn func(t *testing.T, db *database.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	if os.Getenv(EnvURL) != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
	}
}

// SQLite returns a migrated database in a file of the test's temp folder.
func SQLite(t testing.TB) *database.DB {
	t.Helper()
	return open(t, database.Options{SQLitePath: filepath.Join(t.TempDir(), "test.db")})
}

// Postgres returns a migrated database in a new schema of TEST_DATABASE_URL,
// dropped when the test ends. Without TEST_DATABASE_URL the test is skipped;
// with it set, an unreachable server fails the test (CI must never skip).
func Postgres(t testing.TB) *database.DB {
	t.Helper()
	return open(t, database.Options{URL: PostgresURL(t)})
}

// PostgresURL creates a new, empty schema and returns the URL that uses
// it, for tests that open (and migrate) the database themselves.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvURL)
	if base == "" {
		t.Skip(EnvURL + " is not set: PostgreSQL tests are off")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open %s: %v", EnvURL, err)
	}
	t.Cleanup(func() { _ = admin.Close() })
	schema := "t_" + randomHex(t, 8)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("PostgreSQL at %s is not usable: %v", EnvURL, err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Logf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse %s: %v", EnvURL, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func open(t testing.TB, opts database.Options) *database.DB {
	t.Helper()
	ctx := context.Background()
	db, err := database.Open(ctx, opts)
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	// Registered before the schema drop's cleanup runs (cleanups run last-in
	// first-out), so the pool is closed before its schema goes.
	t.Cleanup(func() { _ = db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate test database: %v", err)
	}
	return db
}

func randomHex(t testing.TB, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// Fuzz are the databases a fuzz target's inputs are sent to: SQLite
// always, and PostgreSQL too when TEST_DATABASE_URL is set, so the seeds
// (and a corpus found by -fuzz) run on both in CI.
func Fuzz(f *testing.F) []*database.DB {
	dbs := []*database.DB{SQLite(f)}
	if os.Getenv(EnvURL) != "" {
		dbs = append(dbs, Postgres(f))
	}
	return dbs
}
