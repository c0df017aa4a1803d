package notify_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/notify"
)

// The heir stops messages with the tracking proof: the consent becomes
// false in an applicant's messages_stopped event (the trail verifies), the
// messages still queued are cancelled, later events send nothing, and a
// wrong NIK is the tracking's 404.
func TestStopMessages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		// One worker, which the gateway holds on the first message, so the
		// next one stays queued.
		srv := testserver.Start(t, db, testserver.Consenting(), testserver.Env("SANTUNAN_NOTIFY_WORKERS", "1"))
		arrived, release := srv.Gateway.Block()
		c := srv.File(1)
		<-arrived
		c = srv.Verify(c, 1)
		nik := fixture.ClaimInput(1).Heir.NIK

		srv.ExpectError(srv.Do(http.MethodPost, "/api/v1/public/track/stop-messages", "",
			map[string]string{"code": c.Code, "heir_nik": fixture.ClaimInput(2).Heir.NIK}), http.StatusNotFound, "not_found")
		var out struct {
			Code          string `json:"code"`
			NotifyConsent bool   `json:"notify_consent"`
		}
		srv.Expect(srv.Do(http.MethodPost, "/api/v1/public/track/stop-messages", "",
			map[string]string{"code": c.Code, "heir_nik": nik}), http.StatusOK, &out)
		if out.Code != c.Code || out.NotifyConsent {
			t.Fatalf("answer %+v", out)
		}
		release()
		// The message in flight went out: it ends sent, although cancelled meanwhile.
		var rows []notify.Notification
		waitUntil(t, "the message in flight to be recorded", func() bool {
			rows = srv.Notifications(c.ID)
			return rows[0].Status == notify.StatusSent
		})
		if len(rows) != 2 || rows[1].Status != notify.StatusCancelled || rows[1].Recipient != "" {
			t.Fatalf("after the stop: %+v", rows)
		}
		events := srv.Events(c.ID)
		last := events[len(events)-1]
		if last.Action != "messages_stopped" || last.Changes["heir.notify_consent"]["new"] != "false" {
			t.Fatalf("last event %+v", last)
		}
		// Asking again changes nothing; the next step sends nothing.
		srv.Expect(srv.Do(http.MethodPost, "/api/v1/public/track/stop-messages", "",
			map[string]string{"code": c.Code, "heir_nik": nik}), http.StatusOK, &out)
		srv.Approve(srv.Claim(c.ID))
		if n := len(srv.Notifications(c.ID)); n != 2 {
			t.Fatalf("%d messages after the stop", n)
		}
		if n := testserver.Count(srv.Events(c.ID), "messages_stopped"); n != 1 {
			t.Fatalf("%d messages_stopped events, want 1", n)
		}
		srv.AuditOK()
	})
}

// The tracking result offers the stop while messages are on, and the
// page's form stops them.
func TestStopMessagesPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		srv := testserver.Start(t, db, testserver.Consenting())
		c := srv.File(1)
		nik := fixture.ClaimInput(1).Heir.NIK
		page := postForm(t, srv, "/lacak", url.Values{"code": {c.Code}, "heir_nik": {nik}})
		if !strings.Contains(page, `action="/lacak/hentikan-pesan"`) {
			t.Fatal("the tracking result has no stop form")
		}
		page = postForm(t, srv, "/lacak/hentikan-pesan", url.Values{"code": {c.Code}, "heir_nik": {nik}})
		if !strings.Contains(page, "Pesan tentang klaim ini dihentikan") {
			t.Fatalf("no confirmation: %s", page)
		}
		page = postForm(t, srv, "/lacak", url.Values{"code": {c.Code}, "heir_nik": {nik}})
		if strings.Contains(page, `action="/lacak/hentikan-pesan"`) {
			t.Fatal("the stop is still offered after the stop")
		}
		var claim struct {
			Heir struct {
				NotifyConsent bool `json:"notify_consent"`
			} `json:"heir"`
		}
		srv.Expect(srv.Do(http.MethodGet, testserver.ClaimPath(c.ID), domain.RoleAuditor, nil), http.StatusOK, &claim)
		if claim.Heir.NotifyConsent {
			t.Fatal("consent still on")
		}
	})
}

func postForm(t *testing.T, srv *testserver.Server, path string, form url.Values) string {
	t.Helper()
	resp := srv.Raw(http.MethodPost, path, "", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s: %d", path, resp.StatusCode)
	}
	return string(body)
}
