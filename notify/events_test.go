package notify_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/notify"
)

// Every event the heir should know of gives one message, delivered to the
// heir's phone with the code and the tracking link, never a NIK or the
// account number; events they need not hear of (a payment started) give
// none. Payments go through batches, and still reach the hook.
func TestEachEventSendsItsMessage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		srv := testserver.Start(t, db, testserver.Consenting())
		reason := map[string]any{"reason": "KK tidak terbaca; NIK 3324 1555 0580 0003 salah ketik"}
		cases := []struct {
			name  string
			bring func(n int) testserver.Claim
			want  []string
			// said is what the last message must quote of the reason.
			said string
		}{
			{"paid through a batch", srv.Paid, []string{"received", "death_verified", "approved", "paid"}, ""},
			{"payment failed", srv.PaymentFailed, []string{"received", "death_verified", "approved", "payment_failed"}, testserver.FailureReason},
			{"returned and resubmitted", func(n int) testserver.Claim {
				c := srv.Act(srv.File(n), domain.RoleDukcapilClerk, "return", reason)
				return srv.Act(c, domain.RoleDukcapilClerk, "resubmit", map[string]any{})
			}, []string{"received", "returned", "received"}, ""},
			{"rejected", func(n int) testserver.Claim {
				return srv.Act(srv.File(n), domain.RoleDukcapilClerk, "reject", reason)
			}, []string{"received", "rejected"}, "KK tidak terbaca; NIK *** salah ketik"},
			{"cancelled", func(n int) testserver.Claim {
				return srv.Act(srv.Approved(n), domain.RoleDinsosOfficer, "cancel", reason)
			}, []string{"received", "death_verified", "approved", "cancelled"}, "KK tidak terbaca; NIK *** salah ketik"},
			{"applied online and accepted", func(n int) testserver.Claim {
				return srv.Act(apply(t, srv, n), domain.RoleDukcapilClerk, "accept", map[string]any{})
			}, []string{"received", "received"}, ""},
			{"applied online and declined", func(n int) testserver.Claim {
				return srv.Act(apply(t, srv, n), domain.RoleDukcapilClerk, "decline", reason)
			}, []string{"received", "declined"}, "KK tidak terbaca; NIK *** salah ketik"},
		}
		for i, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				n := i + 1
				c := tc.bring(n)
				rows := waitRows(t, srv.With(t), c.ID, len(tc.want))
				if got := kinds(rows); !slices.Equal(got, tc.want) {
					t.Fatalf("messages %v, want %v", got, tc.want)
				}
				msgs := about(srv.Gateway, c.Code)
				if len(msgs) != len(tc.want) {
					t.Fatalf("gateway accepted %d messages about %s, want %d", len(msgs), c.Code, len(tc.want))
				}
				in := fixture.ClaimInput(n)
				byKey := map[string]testserver.GatewayMessage{}
				for _, m := range msgs {
					byKey[m.Key] = m
				}
				var last string
				for _, r := range rows {
					m := byKey[r.IdempotencyKey()]
					last = m.Text
					if r.Status != notify.StatusSent || r.Attempts != 1 || m.Key != r.IdempotencyKey() || r.ProviderMessageID != m.ProviderID {
						t.Errorf("row %+v, gateway %+v", r, m)
					}
					if m.To != c.Heir.Phone {
						t.Errorf("sent to %q, want the heir's phone", m.To)
					}
					if !strings.Contains(m.Text, "/lacak?kode="+c.Code) {
						t.Errorf("no tracking link: %q", m.Text)
					}
					for _, secret := range []string{in.Heir.NIK, in.Deceased.NIK, in.BankAccount.AccountNumber, "3324 1555 0580 0003"} {
						if strings.Contains(m.Text, secret) {
							t.Errorf("message leaks %q: %q", secret, m.Text)
						}
					}
					if r.Recipient != "" {
						t.Errorf("the phone stays in the sent row")
					}
				}
				if !strings.Contains(last, tc.said) {
					t.Errorf("the last message does not say %q: %q", tc.said, last)
				}
			})
		}
		// The returned claim's message says how to fix it online.
		returned := srv.Notifications(srv.Claim(3).ID)[1].Body
		if !strings.Contains(returned, "/perbaiki?kode=") || !strings.Contains(returned, "NIK *** salah ketik") {
			t.Errorf("returned message: %q", returned)
		}
		srv.AuditOK()
	})
}

// apply files fixture claim n as the heir would online.
func apply(t *testing.T, srv *testserver.Server, n int) testserver.Claim {
	t.Helper()
	in := fixture.ClaimInput(n)
	in.Heir.NotifyConsent = true
	c, err := srv.Services.Engine.File(context.Background(), domain.Actor{Username: "ahli-waris", Role: domain.RoleApplicant},
		domain.ActionApply, in)
	if err != nil {
		t.Fatal(err)
	}
	return srv.Claim(c.ID)
}

// Without the heir's consent nothing is queued, at any step.
func TestNoConsentNoMessage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		srv := testserver.Start(t, db)
		paid := srv.Paid(1)
		returned := srv.Bring(2, domain.StatusReturned)
		for _, c := range []testserver.Claim{paid, returned} {
			if rows := srv.Notifications(c.ID); len(rows) != 0 {
				t.Fatalf("claim %s without consent has messages: %+v", c.Code, rows)
			}
		}
		var list struct {
			Notifications []map[string]any `json:"notifications"`
		}
		srv.Expect(srv.Do(http.MethodGet, testserver.ClaimPath(paid.ID)+"/notifications", domain.RoleAuditor, nil), http.StatusOK, &list)
		if len(list.Notifications) != 0 {
			t.Fatalf("API lists %v", list.Notifications)
		}
		if n := len(srv.Gateway.Messages()); n != 0 {
			t.Fatalf("gateway got %d messages", n)
		}
	})
}
