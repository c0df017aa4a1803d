package notify_test

import (
	"context"
	"testing"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/notify"
)

// The worker is killed while the gateway holds a message it has accepted
// (a crash mid-delivery: the message went, the answer was lost). Restarted,
// the worker sends it again with the same idempotency key, the gateway
// recognises it, and the row ends sent: one message accepted for the event.
func TestKilledMidDeliveryIsSentOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		srv := testserver.Start(t, db, testserver.Consenting())
		arrived, release := srv.Gateway.Block()
		c := srv.File(1)
		<-arrived
		if err := srv.Services.Notify.Kill(context.Background()); err != nil {
			t.Fatal(err)
		}
		release()
		rows := srv.Notifications(c.ID)
		if len(rows) != 1 || rows[0].Status != notify.StatusQueued || rows[0].Attempts != 1 || rows[0].NextAttemptAt == nil {
			t.Fatalf("after the kill: %+v", rows)
		}

		srv.NewWorker() // the server restarted
		rows = waitRows(t, srv, c.ID, 1)
		if rows[0].Status != notify.StatusSent || rows[0].Attempts != 2 {
			t.Fatalf("after the restart: %+v", rows[0])
		}
		msgs := about(srv.Gateway, c.Code)
		if len(msgs) != 1 || msgs[0].Key != rows[0].IdempotencyKey() || rows[0].ProviderMessageID != msgs[0].ProviderID {
			t.Fatalf("gateway accepted %+v for row %+v", msgs, rows[0])
		}
		if n := srv.Gateway.Requests(); n != 2 {
			t.Fatalf("gateway asked %d times, want the first attempt and its retry", n)
		}
	})
}
