// Package migrations holds the schema as goose SQL files, one folder per
// database dialect with the same version numbers in each.
package migrations

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed postgres/*.sql sqlite/*.sql
var files embed.FS

// Dialect names a folder of migrations.
type Dialect string

const (
	Postgres Dialect = "postgres"
	SQLite   Dialect = "sqlite"
)

// FS returns the migration files of one dialect.
func FS(d Dialect) (fs.FS, error) {
	sub, err := fs.Sub(files, string(d))
	if err != nil {
		return nil, fmt.Errorf("migrations for %s: %w", d, err)
	}
	return sub, nil
}

// Up applies every pending migration and returns how many were applied.
func Up(ctx context.Context, db *sql.DB, d Dialect) (int, error) {
	fsys, err := FS(d)
	if err != nil {
		return 0, err
	}
	gooseDialect := goose.DialectPostgres
	if d == SQLite {
		gooseDialect = goose.DialectSQLite3
	}
	var opts []goose.ProviderOption
	if d == Postgres {
		// Several servers may start at once on one database: a lock table
		// (in the schema being migrated) lets one migrate while the others wait.
		locker, err := lock.NewPostgresTableLocker()
		if err != nil {
			return 0, fmt.Errorf("migration lock: %w", err)
		}
		opts = append(opts, goose.WithLocker(locker))
	}
	provider, err := goose.NewProvider(gooseDialect, db, fsys, opts...)
	if err != nil {
		return 0, fmt.Errorf("migration provider: %w", err)
	}
	results, err := provider.Up(ctx)
	if err != nil {
		return 0, fmt.Errorf("apply migrations: %w", err)
	}
	return len(results), nil
}
