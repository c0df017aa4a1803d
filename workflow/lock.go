package workflow

import (
	"fmt"
	"slices"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/domain"
)

// Lock first, then decide. Under PostgreSQL's READ COMMITTED a plain SELECT
// takes no lock, so two transactions could both read a claim as approved,
// both pass the table's check and both run guards that write (a budget
// commitment, a release) before the version compare-and-swap decides: the
// loser then fails on a constraint instead of hearing "someone else acted
// first". So every read of a claim inside a write transaction locks its row
// (SELECT ... FOR UPDATE), which also makes a waiting transaction read the
// winner's committed row once it gets the lock. SQLite has one writer: a
// write transaction there holds the whole database already.
//
// The order of locks is fixed so that two transactions never wait for each
// other: claims by ascending id (LockClaims), then the budget row (the
// approve and cancel guards), then a batch row (payments).

// lockChunk bounds the ids of one locking statement.
const lockChunk = 500

// forUpdate adds FOR UPDATE to a query on PostgreSQL.
func forUpdate(db *gorm.DB) *gorm.DB {
	if db.Dialector.Name() == "postgres" {
		return db.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	return db
}

// lockAndLoadClaim reads a claim inside a write transaction, holding its
// row lock until the transaction ends.
func lockAndLoadClaim(tx *gorm.DB, id int64) (domain.Claim, error) {
	return loadClaim(forUpdate(tx), id)
}

// LockClaims locks the rows of the given claims in ascending id order, for
// an operation on many claims (a decree, a batch, a result file) that must
// hold all of them before it checks or writes anything, so that it cannot
// deadlock with another such operation or with a single action. Ids that
// name no claim are left to the reads that follow, which report them.
func (t *Tx) LockClaims(ids []int64) error {
	if t.db.Dialector.Name() != "postgres" || len(ids) == 0 {
		return nil
	}
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	for start := 0; start < len(sorted); start += lockChunk {
		part := sorted[start:min(start+lockChunk, len(sorted))]
		var locked []int64
		err := t.db.Raw("SELECT id FROM claims WHERE id IN ? ORDER BY id FOR UPDATE", part).Scan(&locked).Error
		if err != nil {
			return fmt.Errorf("lock %d claims: %w", len(part), err)
		}
	}
	return nil
}
