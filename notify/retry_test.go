package notify_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/notify"
)

// A gateway that keeps failing gets the message MaxAttempts times, with
// backoff; then the message is failed with the gateway's answer (the phone
// it echoed masked), shown to staff in the API and on the claim page, and
// counted in /metrics. A refusal a retry cannot change (400) fails at once.
func TestGatewayFailureRetriesThenFails(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		srv := testserver.Start(t, db, testserver.Consenting(), testserver.Env("SANTUNAN_NOTIFY_MAX_ATTEMPTS", "3"))
		srv.Gateway.FailNext(3, http.StatusServiceUnavailable, "quota exceeded for +6281234567890\n")
		c := srv.File(1)
		row := waitRows(t, srv, c.ID, 1)[0]
		if row.Status != notify.StatusFailed || row.Attempts != 3 || row.Recipient != "" ||
			row.LastError != "gateway answered 503: quota exceeded for ***" {
			t.Fatalf("row %+v", row)
		}
		if n := srv.Gateway.Requests(); n != 3 {
			t.Fatalf("gateway asked %d times, want 3", n)
		}

		srv.Gateway.FailNext(1, http.StatusBadRequest, `{"error":"invalid template"}`)
		c2 := srv.File(2)
		row2 := waitRows(t, srv, c2.ID, 1)[0]
		if row2.Status != notify.StatusFailed || row2.Attempts != 1 || !strings.Contains(row2.LastError, "400") {
			t.Fatalf("a permanent refusal: %+v", row2)
		}

		var list struct {
			Notifications []struct {
				Status    string `json:"status"`
				Attempts  int    `json:"attempts"`
				LastError string `json:"last_error"`
			} `json:"notifications"`
		}
		srv.Expect(srv.Do(http.MethodGet, testserver.ClaimPath(c.ID)+"/notifications", domain.RoleDinsosOfficer, nil), http.StatusOK, &list)
		if len(list.Notifications) != 1 || list.Notifications[0].Status != "failed" || list.Notifications[0].Attempts != 3 ||
			list.Notifications[0].LastError != row.LastError {
			t.Fatalf("API lists %+v", list)
		}
		metrics := scrape(t, srv)
		for _, want := range []string{`santunan_notifications_total{channel="sms",status="failed"} 2`,
			`santunan_notifications_total{channel="sms",status="retry"} 2`} {
			if !strings.Contains(metrics, want) {
				t.Errorf("metrics lack %s", want)
			}
		}
	})
}

func scrape(t *testing.T, srv *testserver.Server) string {
	t.Helper()
	resp := srv.Raw(http.MethodGet, "/metrics", "", "", nil)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /metrics: %d %v", resp.StatusCode, err)
	}
	return string(b)
}
