package notify_test

import (
	"context"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/notify"
)

// Three workers on one database (the server's and two more, as three
// servers on one PostgreSQL would run) drain the same queue: each message
// is asked of the gateway once, none twice, none lost.
func TestWorkersOnOneDatabaseSendEachOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		srv := testserver.Start(t, db, testserver.Consenting())
		srv.NewWorker()
		srv.NewWorker()
		const claims, codes = 8, 20
		var ids []int64
		for i := 1; i <= claims; i++ {
			ids = append(ids, srv.Verified(i).ID) // received, death_verified
		}
		for i := range codes {
			err := db.InTx(context.Background(), func(tx *gorm.DB) error {
				return srv.Services.Notify.EnqueueCode(tx, "+6281200000001", fmt.Sprintf("Kode %06d", i), fmt.Sprintf("race-%d", i))
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		total := claims*2 + codes
		srv.Gateway.WaitFor(t, total)
		for _, id := range ids {
			for _, r := range waitRows(t, srv, id, 2) {
				if r.Status != notify.StatusSent || r.Attempts != 1 {
					t.Fatalf("row %+v", r)
				}
			}
		}
		keys := map[string]bool{}
		for _, m := range srv.Gateway.Messages() {
			if keys[m.Key] {
				t.Fatalf("key %s accepted twice", m.Key)
			}
			keys[m.Key] = true
		}
		if n := srv.Gateway.Requests(); n != total || len(keys) != total {
			t.Fatalf("gateway asked %d times for %d keys, want %d once each", n, len(keys), total)
		}
	})
}
