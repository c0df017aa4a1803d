// Package database opens SQLite or PostgreSQL behind gorm, applies the
// migrations and runs transactions with the retries each engine needs.
package database

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"santunan/migrations"
)

// DB is the application's database. Write runs transactions; Read serves
// queries. On PostgreSQL both are one pool. On SQLite, Write is a single
// connection that begins every transaction with BEGIN IMMEDIATE (a deferred
// transaction that reads then writes fails with SQLITE_BUSY at once), while
// Read is a pool of read-only connections that WAL lets run beside the writer.
type DB struct {
	Dialect migrations.Dialect
	Write   *gorm.DB
	Read    *gorm.DB
	// onRetry is told of each transaction InTx runs again (WithRetryHook).
	onRetry func(sqlstate string)
}

// Options say where the database is.
type Options struct {
	// URL is a postgres:// URL; empty means SQLite at SQLitePath.
	URL        string
	SQLitePath string
}

// Open connects and checks the connection. It does not migrate.
func Open(ctx context.Context, opts Options) (*DB, error) {
	if opts.URL != "" {
		return openPostgres(ctx, opts.URL)
	}
	return openSQLite(ctx, opts.SQLitePath)
}

func gormConfig() *gorm.Config {
	return &gorm.Config{
		TranslateError: true,
		// ParameterizedQueries keeps values (NIKs, names) out of slow-query logs.
		Logger: quietRefusals{logger.New(log.New(os.Stderr, "", log.LstdFlags), logger.Config{
			SlowThreshold:             time.Second,
			LogLevel:                  logger.Warn,
			IgnoreRecordNotFoundError: true,
			ParameterizedQueries:      true,
		})},
		NowFunc: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
	}
}

// quietRefusals is gorm's logger without a line for a failed statement.
// The error goes back to the caller, who knows what it means: a unique
// index meeting a double submit is a 409, a deadlock InTx retries, and what
// nobody expected is logged once, as a 500 with its request id
// (api/errors.go). Logged here too, every client's refusal would be an
// ERROR line outside the JSON log. Slow statements are still reported.
type quietRefusals struct{ logger.Interface }

func (q quietRefusals) LogMode(level logger.LogLevel) logger.Interface {
	return quietRefusals{q.Interface.LogMode(level)}
}

func (q quietRefusals) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), _ error) {
	q.Interface.Trace(ctx, begin, fc, nil)
}

func openPostgres(ctx context.Context, url string) (*DB, error) {
	g, err := gorm.Open(postgres.Open(url), gormConfig())
	if err != nil {
		return nil, Classify(fmt.Errorf("open postgres: %w", err))
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, fmt.Errorf("postgres pool: %w", err)
	}
	sqlDB.SetMaxOpenConns(20)
	sqlDB.SetMaxIdleConns(10)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	db := &DB{Dialect: migrations.Postgres, Write: g, Read: g}
	if err := db.Ping(ctx); err != nil {
		_ = db.Close()
		return nil, err
	}
	return db, nil
}

func openSQLite(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("open sqlite: no path")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create database folder: %w", err)
		}
	}
	// _txlock and _time_format must not be combined in one DSN: the driver
	// then drops _txlock. We set only _txlock and keep the default time format.
	pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	uri := sqliteURI(path)
	writer, err := gorm.Open(sqlite.Open(uri+"?"+pragmas+"&_txlock=immediate"), gormConfig())
	if err != nil {
		return nil, fmt.Errorf("open sqlite writer: %w", err)
	}
	wdb, err := writer.DB()
	if err != nil {
		return nil, fmt.Errorf("sqlite writer pool: %w", err)
	}
	wdb.SetMaxOpenConns(1)
	// The single connection must outlive idle periods; closing it would only
	// cost a reopen, but there is no reason to.
	wdb.SetConnMaxIdleTime(0)

	reader, err := gorm.Open(sqlite.Open(uri+"?"+pragmas+"&_pragma=query_only(1)"), gormConfig())
	if err != nil {
		_ = wdb.Close()
		return nil, fmt.Errorf("open sqlite reader: %w", err)
	}
	rdb, err := reader.DB()
	if err != nil {
		_ = wdb.Close()
		return nil, fmt.Errorf("sqlite reader pool: %w", err)
	}
	rdb.SetMaxOpenConns(4)

	db := &DB{Dialect: migrations.SQLite, Write: writer, Read: reader}
	if err := db.Ping(ctx); err != nil {
		_ = db.Close()
		return nil, err
	}
	return db, nil
}

// sqliteURI makes a file: URI of a path. SQLite reads "?" as the start of
// the parameters and "#" as a fragment, so a path holding either (or "%")
// would open another file: they are percent-encoded.
func sqliteURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// Migrate applies pending migrations through the writer: ours, then the
// job queue's.
func (db *DB) Migrate(ctx context.Context) (int, error) {
	sqlDB, err := db.Write.DB()
	if err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	n, err := migrations.Up(ctx, sqlDB, db.Dialect)
	if err != nil {
		return 0, err
	}
	// The job queue's schema (notify/ delivers through river) comes with
	// ours, so every server and test database has it before a message is queued.
	m, err := migrations.River(ctx, sqlDB, db.Dialect)
	return n + m, err
}

// Ping checks that both pools reach the database.
func (db *DB) Ping(ctx context.Context) error {
	for _, g := range db.pools() {
		sqlDB, err := g.DB()
		if err != nil {
			return fmt.Errorf("ping: %w", err)
		}
		if err := sqlDB.PingContext(ctx); err != nil {
			return Classify(fmt.Errorf("ping: %w", err))
		}
	}
	return nil
}

// Close closes both pools.
func (db *DB) Close() error {
	var first error
	for _, g := range db.pools() {
		sqlDB, err := g.DB()
		if err == nil {
			err = sqlDB.Close()
		}
		if err != nil && first == nil {
			first = err
		}
	}
	return first
}

func (db *DB) pools() []*gorm.DB {
	if db.Read == db.Write {
		return []*gorm.DB{db.Write}
	}
	return []*gorm.DB{db.Write, db.Read}
}

// Pools are the connection pools by name, for their statistics: "write"
// and "read" on SQLite, one "shared" pool on PostgreSQL.
func (db *DB) Pools() (map[string]*sql.DB, error) {
	names := []string{"write", "read"}
	if db.Read == db.Write {
		names = []string{"shared"}
	}
	out := map[string]*sql.DB{}
	for i, g := range db.pools() {
		sqlDB, err := g.DB()
		if err != nil {
			return nil, fmt.Errorf("pool %s: %w", names[i], err)
		}
		out[names[i]] = sqlDB
	}
	return out, nil
}

// SQL returns the writer's *sql.DB, for tools that need plain SQL.
func (db *DB) SQL() (*sql.DB, error) { return db.Write.DB() }

// IsPostgres reports the dialect.
func (db *DB) IsPostgres() bool { return db.Dialect == migrations.Postgres }

// RedactURL hides the password in a database URL for logs.
func RedactURL(url string) string {
	at := strings.LastIndex(url, "@")
	scheme := strings.Index(url, "://")
	if at < 0 || scheme < 0 {
		return url
	}
	userinfo := url[scheme+3 : at]
	if colon := strings.Index(userinfo, ":"); colon >= 0 {
		return url[:scheme+3] + userinfo[:colon] + ":***" + url[at:]
	}
	return url
}
