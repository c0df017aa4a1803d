package database

import (
	"fmt"
	"hash/fnv"

	"gorm.io/gorm"
)

// XactLock makes transactions that name the same key take turns: on
// PostgreSQL it takes a transaction-scoped advisory lock keyed by a hash of
// key, held until tx ends (a hash collision only makes two keys wait for
// each other). SQLite needs nothing: its one writer connection runs every
// write transaction alone. Keys are namespaced by their user, e.g.
// "santunan/auth/login\x00" + username.
func XactLock(tx *gorm.DB, key string) error {
	if tx.Dialector.Name() != "postgres" {
		return nil
	}
	h := fnv.New64a()
	_, _ = h.Write([]byte(key))
	if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", int64(h.Sum64())).Error; err != nil {
		return fmt.Errorf("advisory lock: %w", err)
	}
	return nil
}
