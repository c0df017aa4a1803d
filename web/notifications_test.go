package web_test

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

// The clerk ticks the heir's consent on the new-claim form (the paper
// form's box); the claim page then shows each message and how it went,
// the gateway's answer included. Unticked, the page says nothing is sent.
func TestConsentBoxAndMessagesSection(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get("/staf/klaim/baru").want(http.StatusOK).
			hasHTML(`name="heir.notify_consent" type="checkbox" value="true"`)

		// The gateway refuses for good (400): the message fails at once.
		h.Gateway.FailNext(1, http.StatusBadRequest, `{"error":"nomor tidak terdaftar"}`)
		f := claimForm(1)
		f.Set("heir.notify_consent", "true")
		p := clerk.post("/staf/klaim/baru", f)
		p.wantRedirect("/staf/klaim/")
		id := regexp.MustCompile(`/staf/klaim/(\d+)`).FindStringSubmatch(p.header.Get("Location"))[1]
		claim := h.Claim(mustID(t, id))
		// The worker sends after the commit; the deadline only ends a hung test.
		for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
			list := h.Notifications(claim.ID)
			if len(list) == 1 && list[0].Status == "failed" {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("messages %+v", list)
			}
		}
		officer := h.staff(domain.RoleDinsosOfficer)
		officer.get(claimPath(claim.ID)).want(http.StatusOK).
			has("Pesan ke ahli waris", "Diterima", "sms", "Gagal", `gateway answered 400: {"error":"nomor tidak terdaftar"}`)

		// Without the box, nothing is queued and the page says so.
		p = clerk.post("/staf/klaim/baru", claimForm(2))
		p.wantRedirect("/staf/klaim/")
		id = regexp.MustCompile(`/staf/klaim/(\d+)`).FindStringSubmatch(p.header.Get("Location"))[1]
		officer.get("/staf/klaim/" + id).want(http.StatusOK).has("Ahli waris tidak menyetujui pesan")
		if n := len(h.Notifications(mustID(t, id))); n != 0 {
			t.Fatalf("%d messages without consent", n)
		}
	})
}
