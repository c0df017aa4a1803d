package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// The heir agreed online to messages; the clerk's accept on the page (a
// correction form) must not withdraw that consent unasked, or the heir
// hears nothing after the application.
func TestClerksAcceptOnThePageKeepsTheHeirsConsent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		phone := testserver.Phone(1)
		var filed struct {
			Code string `json:"code"`
		}
		h.Expect(h.Apply(h.PhoneToken(phone), testserver.ApplicationBody(1), nil), http.StatusCreated, &filed)
		h.Gateway.WaitFor(t, 2) // the code, then "received"
		var id int64
		if err := db.Read.Raw(`SELECT id FROM claims WHERE code = ?`, filed.Code).Scan(&id).Error; err != nil || id == 0 {
			t.Fatalf("claim %s: %v", filed.Code, err)
		}
		clerk := h.staff(domain.RoleDukcapilClerk)
		sid := strconv.FormatInt(id, 10)
		accept := clerk.get("/staf/klaim/" + sid + "/tindakan/accept").want(http.StatusOK)
		f := claimForm(1)
		f.Set("heir.phone", "0812 0000 001")
		// The clerk sends the form as it shows: the consent box as it is.
		if strings.Contains(accept.body, `name="heir.notify_consent" type="checkbox" value="true" checked`) {
			f.Set("heir.notify_consent", "true")
		}
		f.Set("version", regexpFind(t, accept.body, `name="version" value="([0-9]+)"`))
		clerk.follow(clerk.post("/staf/klaim/"+sid+"/tindakan/accept", f)).want(http.StatusOK)
		var consent bool
		if err := db.Read.Raw(`SELECT heir_notify_consent FROM claims WHERE id = ?`, id).Scan(&consent).Error; err != nil {
			t.Fatal(err)
		}
		if !consent {
			t.Errorf("after the clerk's accept the heir's consent to messages is gone")
		}
		if consent {
			h.Gateway.WaitFor(t, 3) // and the accept's message reached the heir
		}
	})
}
