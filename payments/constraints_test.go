package payments_test

import (
	"testing"

	"santunan/database"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/payments"
)

// "Never twice" holds in the database itself, whatever code runs against
// it: these statements go around the application and must all fail.
func TestDatabaseRefusesPayingTwice(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		ids := e.approved(t, 1, 2)
		paidBatch := e.sentBatch(t, ids[:1])
		if _, err := e.svc.ApplyResults(ctx, e.treasurer, paidBatch.ID, payments.ResultFile{Format: payments.FormatCSV,
			Raw: resultCSV(paidBatch, map[string]string{paidBatch.Items[0].ClaimCode: ""})}); err != nil {
			t.Fatal(err)
		}
		openBatch := e.batchOf(t, ids[1:])
		paid, open := ids[0], ids[1]
		now := fixture.Now
		insertLine := func(claimID int64, seq int, state string) error {
			return db.Write.Exec(`INSERT INTO disbursement_items (batch_id, seq, claim_id, claim_code, amount, bank_code,
				account_number, account_name, state, bank_reference, resolved_at)
				VALUES (?, ?, ?, ?, 1000000, '113', '1234567890', 'SITI AMINAH', ?, ?, ?)`,
				openBatch.ID, seq, claimID, "SKM-TEST-"+state[:4], state, map[bool]string{true: "REF"}[state == "paid"],
				map[bool]any{true: now, false: nil}[state != "pending"]).Error
		}
		refused := []struct {
			name string
			run  func() error
		}{
			{"a paid claim changes status", func() error {
				return db.Write.Exec(`UPDATE claims SET status = 'approved' WHERE id = ?`, paid).Error
			}},
			{"a paid claim changes amount", func() error {
				return db.Write.Exec(`UPDATE claims SET amount = 2000000 WHERE id = ?`, paid).Error
			}},
			{"a paid claim is deleted", func() error { return db.Write.Exec(`DELETE FROM claims WHERE id = ?`, paid).Error }},
			{"a second open line for a claim", func() error { return insertLine(open, 90, "pending") }},
			{"a second paid line for a paid claim", func() error { return insertLine(paid, 91, "paid") }},
			{"a recorded result changes", func() error {
				return db.Write.Exec(`UPDATE disbursement_items SET state = 'failed' WHERE claim_id = ? AND state = 'paid'`, paid).Error
			}},
			{"a batch line is deleted", func() error {
				return db.Write.Exec(`DELETE FROM disbursement_items WHERE claim_id = ?`, open).Error
			}},
			{"an open line is redirected to another account", func() error {
				return db.Write.Exec(`UPDATE disbursement_items SET account_number = '5550001111' WHERE claim_id = ? AND state = 'pending'`, open).Error
			}},
			{"a paid line without a bank reference", func() error {
				return db.Write.Exec(`UPDATE disbursement_items SET state = 'paid', resolved_at = ? WHERE claim_id = ?`, now, open).Error
			}},
			{"a claim approved in two decrees", func() error {
				if err := db.Write.Exec(`INSERT INTO decrees (number, decree_date, claim_count, total_amount, created_by, created_at)
					VALUES ('X/1', '2026-11-28', 1, 1000000, ?, ?), ('X/2', '2026-11-28', 1, 1000000, ?, ?)`,
					e.officer.UserID, now, e.officer.UserID, now).Error; err != nil {
					t.Fatal(err)
				}
				return db.Write.Exec(`INSERT INTO decree_items (decree_id, seq, claim_id, amount)
					SELECT id, 1, ?, 1000000 FROM decrees WHERE number IN ('X/1', 'X/2')`, open).Error
			}},
		}
		for _, r := range refused {
			if err := r.run(); err == nil {
				t.Errorf("the database accepted: %s", r.name)
			}
		}
		// The claim in the open batch is still payable: only finality is frozen.
		if err := db.Write.Exec(`UPDATE disbursement_items SET check_result = 'match' WHERE claim_id = ? AND state = 'pending'`, open).Error; err != nil {
			t.Fatalf("an open line cannot be updated: %v", err)
		}
	})
}

// The records that prove a payment cannot be edited or removed afterwards:
// result files, closed batches, released commitments; and on PostgreSQL no
// append-only table can be emptied with TRUNCATE.
func TestDatabaseKeepsPaymentRecords(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		ids := e.approved(t, 1, 1)
		b := e.sentBatch(t, ids)
		if _, err := e.svc.ApplyResults(ctx, e.treasurer, b.ID, payments.ResultFile{Format: payments.FormatCSV,
			Raw: resultCSV(b, map[string]string{b.Items[0].ClaimCode: ""})}); err != nil {
			t.Fatal(err)
		}
		refused := map[string]string{
			"a result file is edited":     `UPDATE disbursement_result_files SET sha256 = 'x'`,
			"a result file is deleted":    `DELETE FROM disbursement_result_files`,
			"a closed batch is reopened":  `UPDATE disbursement_batches SET status = 'open'`,
			"a batch is deleted":          `DELETE FROM disbursement_batches`,
			"a commitment is deleted":     `DELETE FROM budget_commitments`,
			"a commitment changes amount": `UPDATE budget_commitments SET amount = 1`,
		}
		if db.IsPostgres() {
			refused["the audit trail is truncated"] = `TRUNCATE claim_events CASCADE`
			refused["the security log is truncated"] = `TRUNCATE security_events`
		}
		for name, sql := range refused {
			if err := db.Write.Exec(sql).Error; err == nil {
				t.Errorf("the database accepted: %s", name)
			}
		}
	})
}
