package notify_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/notify"
)

// Nothing personal reaches the log: not the phone, a NIK, the account, a
// message's text or a one-time code, neither when messages are sent, nor
// when the gateway fails (the worker's errors are logged), nor on the log
// channel, which writes only the notification's id and channel.
func TestNoPhoneOrNIKInLogs(t *testing.T) {
	for _, channel := range []string{"sms", "log"} {
		t.Run(channel, func(t *testing.T) {
			testdb.Each(t, func(t *testing.T, db *database.DB) {
				logs := &testserver.LogBuffer{}
				srv := testserver.Start(t, db, testserver.Consenting(), testserver.Log(logs),
					testserver.Env("SANTUNAN_NOTIFY_CHANNELS", channel, "SANTUNAN_LOG_LEVEL", "debug"))
				srv.Gateway.FailNext(1, http.StatusBadGateway, "upstream refused +6281234567890 / 081234567890")
				c := srv.File(1)
				err := db.InTx(context.Background(), func(tx *gorm.DB) error {
					return srv.Services.Notify.EnqueueCode(tx, "+6281299998888", "Kode verifikasi 493817", "log-check")
				})
				if err != nil {
					t.Fatal(err)
				}
				rows := waitRows(t, srv, c.ID, 1)
				if rows[0].Status != notify.StatusSent {
					t.Fatalf("row %+v", rows[0])
				}
				waitUntil(t, "the code to be sent", func() bool {
					var n notify.Notification
					return db.Read.Where("ref = ?", "log-check").Take(&n).Error == nil && n.Status == notify.StatusSent && n.Body == ""
				})
				out := logs.String()
				in := fixture.ClaimInput(1)
				for _, secret := range []string{"6281234567890", "081234567890", "6281299998888", in.Heir.NIK, in.Deceased.NIK,
					in.BankAccount.AccountNumber, "493817", "sudah diterima"} {
					if strings.Contains(out, secret) {
						t.Errorf("the log holds %q", secret)
					}
				}
				if channel == "log" && !strings.Contains(out, `"notification_id":`) {
					t.Errorf("the log channel wrote no line:\n%s", out)
				}
			})
		})
	}
}
