package migrations

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
)

// riverLockKey serialises river's migrations when several servers start at
// once on one PostgreSQL database (goose has its lock table; river's
// migrator has none of its own).
const riverLockKey = 0x5a4e_7269_7665_72 // "ZNriver"

// River applies the job queue's own schema (river_job and its companions)
// with river's migrator, which versions it in its own table. The queue
// (notify/) delivers the messages recorded in our transactions; its tables
// are river's to change, so they are not copied into our goose files.
func River(ctx context.Context, db *sql.DB, d Dialect) (int, error) {
	if d == SQLite {
		// One server, one writer connection: nothing to serialise.
		m, err := rivermigrate.New(riversqlite.New(db), nil)
		if err != nil {
			return 0, fmt.Errorf("job queue schema: %w", err)
		}
		res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
		if err != nil {
			return 0, fmt.Errorf("job queue schema: %w", err)
		}
		return len(res.Versions), nil
	}
	m, err := rivermigrate.New(riverdatabasesql.New(db), nil)
	if err != nil {
		return 0, fmt.Errorf("job queue schema: %w", err)
	}
	// A session lock on a connection of its own: river's migrations
	// cannot run in one outer transaction (a new enum value is used in the
	// version that adds it), so they run on the pool while this one waits.
	conn, err := db.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("job queue schema lock: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", int64(riverLockKey)); err != nil {
		return 0, fmt.Errorf("job queue schema lock: %w", err)
	}
	defer func() {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", int64(riverLockKey))
	}()
	res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return 0, fmt.Errorf("job queue schema: %w", err)
	}
	return len(res.Versions), nil
}
