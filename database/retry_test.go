package database_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/internal/testdb"
)

// A transaction that PostgreSQL aborts with a serialization failure runs
// again, and the retry hook (the /metrics counter) hears of it once, with
// the SQLSTATE; the original that WithRetryHook copied stays silent.
func TestInTxTellsTheRetryHookOfASerializationFailure(t *testing.T) {
	db := testdb.Postgres(t)
	if err := db.Write.Exec("CREATE TABLE retry_probe (id int PRIMARY KEY, n int NOT NULL)").Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Write.Exec("INSERT INTO retry_probe VALUES (1, 0)").Error; err != nil {
		t.Fatal(err)
	}
	var codes []string
	hooked := db.WithRetryHook(func(code string) { codes = append(codes, code) })

	if attempts := loseOneSerializationRace(t, hooked); attempts != 2 || len(codes) != 1 || codes[0] != "40001" {
		t.Fatalf("attempts %d, retries reported %v; want 2 attempts and one 40001", attempts, codes)
	}
	if attempts := loseOneSerializationRace(t, db); attempts != 2 || len(codes) != 1 {
		t.Fatalf("without the hook: attempts %d, retries reported %v", attempts, codes)
	}
	var n int
	if err := db.Read.Raw("SELECT n FROM retry_probe WHERE id = 1").Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	if n != 22 {
		t.Fatalf("n = %d, want 22: each race's other update, then its retried one", n)
	}
}

// loseOneSerializationRace runs a SERIALIZABLE transaction whose first
// attempt reads a row that another connection then changes, so that its own
// update fails with 40001; it returns how many attempts InTx made.
func loseOneSerializationRace(t *testing.T, db *database.DB) int {
	t.Helper()
	attempts := 0
	err := db.InTx(context.Background(), func(tx *gorm.DB) error {
		attempts++
		if err := tx.Exec("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE").Error; err != nil {
			return err
		}
		var n int
		if err := tx.Raw("SELECT n FROM retry_probe WHERE id = 1").Scan(&n).Error; err != nil {
			return err
		}
		if attempts == 1 {
			// Read is the same pool on PostgreSQL: another connection.
			if err := db.Read.Exec("UPDATE retry_probe SET n = n + 10 WHERE id = 1").Error; err != nil {
				return err
			}
		}
		return tx.Exec("UPDATE retry_probe SET n = ? WHERE id = 1", n+1).Error
	})
	if err != nil {
		t.Fatal(err)
	}
	return attempts
}
