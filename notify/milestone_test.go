package notify_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// A consenting heir's claim filed by the clerk gives one message, at the
// gateway, with the code and the tracking link and no NIK.
func TestFiledClaimSendsReceived(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		srv := testserver.Start(t, db, testserver.Consenting())
		c := srv.File(1)
		msgs := srv.Gateway.WaitFor(t, 1)
		if msgs[0].To != c.Heir.Phone {
			t.Fatalf("to %q, want the heir's phone", msgs[0].To)
		}
		t.Log(msgs[0].Text)
	})
}

func TestEnqueueCode(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		srv := testserver.Start(t, db)
		err := db.InTx(context.Background(), func(tx *gorm.DB) error {
			return srv.Services.Notify.EnqueueCode(tx, "+6281200001111", "Kode Anda 123456", "phone-check-1")
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := srv.Gateway.LastTo(t, "+6281200001111"); got != "Kode Anda 123456" {
			t.Fatalf("code text %q", got)
		}
	})
}
