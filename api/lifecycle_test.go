package api_test

import (
	"net/http"
	"slices"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

func TestLifecycleToPaidOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		if c.Status != "submitted" || c.StatusLabel != "Diajukan" || c.Amount != 1_000_000 || c.Version != 1 ||
			c.Heir.Phone != "+6281234567890" || c.Deceased.Sex != "male" || c.Deceased.BirthDate != "1950-01-01" ||
			c.Deceased.VillageName != "Candiroto" || c.BankAccount.BankName == "" || len(c.Warnings) != 0 {
			t.Fatalf("filed claim = %+v", c)
		}
		if want := []string{"verify_death", "return", "reject"}; !slices.Equal(c.AllowedActions, want) {
			t.Fatalf("clerk's allowed actions %v, want %v", c.AllowedActions, want)
		}
		// The production path: the akta, verify_death (with the version
		// seen), the other four documents, approve under the year's budget,
		// then a batch, its transfer file sent, and the bank's result.
		c = h.withAkta(c)
		c = h.act(c, domain.RoleDukcapilClerk, "verify_death", map[string]any{"death_certificate_no": "3324-KM-20112026-0001", "version": c.Version})
		c = h.on().Approve(c)
		if c.Status != "approved" || c.Version != 8 {
			t.Fatalf("approved claim = %+v", c)
		}
		b := h.on().NewBatch(c)
		h.on().SendTransferFile(b.ID)
		h.on().ApplyResults(b, nil)
		c = h.claim(c.ID)
		if c.Status != "paid" || c.StatusLabel != "Dibayar" || c.Version != 11 || len(c.AllowedActions) != 0 {
			t.Fatalf("paid claim = %+v", c)
		}

		var events struct {
			Events []struct {
				Seq           int    `json:"seq"`
				Action        string `json:"action"`
				ActorUsername string `json:"actor_username"`
				Hash          string `json:"hash"`
			} `json:"events"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/claims/"+itoa(c.ID)+"/events", domain.RoleAuditor, nil), http.StatusOK, &events)
		var actions []string
		for _, e := range events.Events {
			actions = append(actions, e.Action)
		}
		if want := []string{"submit", "document_uploaded", "verify_death", "document_uploaded", "document_uploaded", "document_uploaded",
			"document_uploaded", "approve", "start_payment", "transfer_sent", "confirm_payment"}; !slices.Equal(actions, want) {
			t.Fatalf("trail %v, want %v", actions, want)
		}
		for i, who := range map[int]string{7: "dinsos_officer", 8: "treasurer", 9: "treasurer", 10: "treasurer"} {
			if events.Events[i].ActorUsername != who {
				t.Fatalf("%s recorded actor %q, want %s", events.Events[i].Action, events.Events[i].ActorUsername, who)
			}
		}

		var verify struct {
			OK bool `json:"ok"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/audit/verify", domain.RoleAuditor, nil), http.StatusOK, &verify)
		if !verify.OK {
			t.Fatal("audit verify failed on an untouched trail")
		}
	})
}
