package payments_test

import (
	"errors"
	"sync"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/together"
	"santunan/payments"
)

// openLines counts, per claim, the batch lines waiting for a result.
func openLines(t *testing.T, db *database.DB) map[int64]int {
	t.Helper()
	var rows []struct {
		ClaimID int64
		N       int
	}
	if err := db.Read.Raw(`SELECT claim_id, COUNT(*) AS n FROM disbursement_items WHERE state = 'pending' GROUP BY claim_id`).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[int64]int{}
	for _, r := range rows {
		out[r.ClaimID] = r.N
	}
	return out
}

// Two treasurers build batches from the same claims at the same moment:
// each claim lands in exactly one batch.
func TestTwoTreasurersSameClaims(t *testing.T) {
	for _, mode := range []string{"listed", "all approved"} {
		t.Run(mode, func(t *testing.T) {
			testdb.Each(t, func(t *testing.T, db *database.DB) {
				e := newEnv(t, db)
				e.budget(t, 100_000_000)
				ids := e.approved(t, 1, 40)
				second := fixture.Actor(t, db, domain.RoleTreasurer)
				req := payments.BatchRequest{ClaimIDs: ids}
				if mode == "all approved" {
					req = payments.BatchRequest{AllApproved: true}
				}
				batches := make([]payments.Batch, 2)
				actors := []domain.Actor{e.treasurer, second}
				errs := together.Run(2, func(i int) error {
					var err error
					batches[i], err = e.svc.CreateBatch(ctx, actors[i], req)
					return err
				})
				total := 0
				for i, err := range errs {
					switch {
					case err == nil:
						total += batches[i].ClaimCount
					case errors.Is(err, domain.ErrRefused), errors.Is(err, domain.ErrValidation):
						// Lost every claim to the other batch.
					default:
						t.Fatalf("batch %d: %v", i, err)
					}
				}
				lines := openLines(t, db)
				if total != len(ids) || len(lines) != len(ids) {
					t.Fatalf("batches hold %d claims, %d claims have open lines; want %d (errors %v)", total, len(lines), len(ids), errs)
				}
				for id, n := range lines {
					if n != 1 {
						t.Fatalf("claim %d has %d open lines", id, n)
					}
				}
				for _, id := range ids {
					if s := e.status(t, id); s != domain.StatusDisbursing {
						t.Fatalf("claim %d is %s", id, s)
					}
				}
				e.auditOK(t)
			})
		})
	}
}

// Two uploads of results for the same batch at once: each line is applied once.
func TestConcurrentResultFiles(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.budget(t, 100_000_000)
		b := e.sentBatch(t, e.approved(t, 1, 20))
		all := map[string]string{}
		for _, c := range codes(b) {
			all[c] = ""
		}
		file := payments.ResultFile{Format: payments.FormatCSV, Raw: resultCSV(b, all)}
		var wg sync.WaitGroup
		reps := make([]payments.ResultReport, 4)
		errs := make([]error, 4)
		for i := range reps {
			wg.Add(1)
			go func() {
				defer wg.Done()
				reps[i], errs[i] = e.svc.ApplyResults(ctx, e.treasurer, b.ID, file)
			}()
		}
		wg.Wait()
		applied := 0
		for i, err := range errs {
			if err != nil {
				t.Fatalf("upload %d: %v", i, err)
			}
			applied += reps[i].Paid
		}
		if applied != 20 {
			t.Fatalf("%d lines applied across uploads, want 20 once", applied)
		}
		e.auditOK(t)
	})
}
