package database

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"santunan/domain"
)

// maxAttempts bounds retries of a transaction that PostgreSQL aborted for a
// serialization failure or a deadlock; both are safe to run again from the start.
const maxAttempts = 5

// InTx runs fn in one transaction on the writer. fn must use the tx it is
// given, never another handle, and must be safe to run again: on PostgreSQL
// the whole transaction is retried on 40001 and 40P01.
func (db *DB) InTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	var err error
	for attempt := 1; ; attempt++ {
		err = db.Write.WithContext(ctx).Transaction(fn)
		code := retryCode(err)
		if code == "" || attempt == maxAttempts {
			break
		}
		if db.onRetry != nil {
			db.onRetry(code)
		}
		// Back off a little, more each time, so the contenders spread out.
		select {
		case <-ctx.Done():
			return Classify(ctx.Err())
		case <-time.After(time.Duration(attempt*attempt) * 5 * time.Millisecond):
		}
	}
	if retryCode(err) != "" {
		// Every attempt lost to another transaction: the caller may try
		// again (409), which is no bug of ours (500).
		return fmt.Errorf("%w: aborted %d times: %w", domain.ErrConflict, maxAttempts, err)
	}
	return Classify(err)
}

// WithRetryHook returns the database with a hook that InTx calls with the
// SQLSTATE (40001 or 40P01) each time it runs a transaction again, for the
// retry counter of /metrics. The copy shares the pools; db is unchanged.
func (db *DB) WithRetryHook(onRetry func(sqlstate string)) *DB {
	c := *db
	c.onRetry = onRetry
	return &c
}

// retryCode is the SQLSTATE of a serialization failure or deadlock, both
// safe to run again from the start; "" for any other outcome.
func retryCode(err error) string {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && (pgErr.Code == "40001" || pgErr.Code == "40P01") {
		return pgErr.Code
	}
	return ""
}

// Classify marks errors that mean the database cannot be reached with
// domain.ErrUnavailable, so the API answers 503 rather than 500, and the
// database's refusal of a write (a constraint or a trigger) with
// domain.ErrConflict, so it answers 409. It is the one place where driver
// errors get a meaning; callers that expect a particular constraint (a
// unique index that means "duplicate") still find it with errors.Is.
func Classify(err error) error {
	if err == nil || errors.Is(err, domain.ErrUnavailable) || errors.Is(err, domain.ErrConflict) {
		return err
	}
	if unavailable(err) {
		return fmt.Errorf("%w: %w", domain.ErrUnavailable, err)
	}
	if IsConstraintViolation(err) {
		return fmt.Errorf("%w: %w", domain.ErrConflict, err)
	}
	return err
}

// sqliteConstraint is SQLITE_CONSTRAINT, the primary code of every
// constraint failure (unique, check, foreign key, RAISE in a trigger).
const sqliteConstraint = 19

// IsConstraintViolation reports an integrity refusal by either database:
// PostgreSQL's class 23 (unique, check, foreign key, exclusion, and the
// integrity_constraint_violation our append-only triggers raise) or
// SQLite's SQLITE_CONSTRAINT family, as the drivers or gorm's TranslateError
// report them. A NOT NULL failure is a bug of ours, not a race, and is left out.
func IsConstraintViolation(err error) bool {
	if errors.Is(err, gorm.ErrDuplicatedKey) || errors.Is(err, gorm.ErrForeignKeyViolated) ||
		errors.Is(err, gorm.ErrCheckConstraintViolated) {
		return true
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return len(pgErr.Code) == 5 && pgErr.Code[:2] == "23" && pgErr.Code != "23502"
	}
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		const sqliteNotNull = sqliteConstraint | 5<<8 // SQLITE_CONSTRAINT_NOTNULL
		return coded.Code()&0xff == sqliteConstraint && coded.Code() != sqliteNotNull
	}
	return false
}

func unavailable(err error) bool {
	var netErr net.Error
	var connectErr *pgconn.ConnectError
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &connectErr), errors.As(err, &netErr):
		return true
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET):
		return true
	case errors.As(err, &pgErr):
		// Class 08: connection exception; 57P01-57P03: admin shutdown, crash, cannot connect now.
		return len(pgErr.Code) == 5 && (pgErr.Code[:2] == "08" || pgErr.Code[:3] == "57P")
	}
	return false
}

// IsUniqueViolation reports a unique constraint failure (gorm's
// TranslateError turns both drivers' errors into gorm.ErrDuplicatedKey).
func IsUniqueViolation(err error) bool { return errors.Is(err, gorm.ErrDuplicatedKey) }

// ReadTx runs fn in a read-only transaction on the read pool, so that the
// queries in fn see one snapshot of the database (REPEATABLE READ on
// PostgreSQL; a WAL snapshot on SQLite) even while writers commit.
func (db *DB) ReadTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	var opts *sql.TxOptions
	if db.IsPostgres() {
		opts = &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	return Classify(db.Read.WithContext(ctx).Transaction(fn, opts))
}
