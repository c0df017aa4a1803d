package api_test

import (
	"net/http"
	"slices"
	"sync"
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
		c = h.act(c, domain.RoleDukcapilClerk, "verify_death", map[string]any{"death_certificate_no": "3324-KM-20112026-0001", "version": c.Version})
		c = h.act(c, domain.RoleDinsosOfficer, "approve", nil)
		c = h.act(c, domain.RoleTreasurer, "start_payment", map[string]any{})
		c = h.act(c, domain.RoleTreasurer, "confirm_payment", map[string]any{"bank_reference": "JTG-0001"})
		if c.Status != "paid" || c.StatusLabel != "Dibayar" || c.Version != 5 || len(c.AllowedActions) != 0 {
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
		if want := []string{"submit", "verify_death", "approve", "start_payment", "confirm_payment"}; !slices.Equal(actions, want) {
			t.Fatalf("trail %v, want %v", actions, want)
		}
		if events.Events[2].ActorUsername != "dinsos_officer" {
			t.Fatalf("approve recorded actor %q", events.Events[2].ActorUsername)
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

// The concurrency promise, over HTTP: twenty simultaneous approvals
// give one 200 and nineteen 409s, and one new event.
func TestTwentyConcurrentApprovalsOverHTTP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.file(1)
		c = h.act(c, domain.RoleDukcapilClerk, "verify_death", map[string]any{"death_certificate_no": "AKTA-1"})
		const n = 20
		statuses := make([]int, n)
		var wg sync.WaitGroup
		gate := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-gate
				resp := h.do(http.MethodPost, actionPath(c.ID, "approve"), domain.RoleDinsosOfficer, map[string]any{})
				resp.Body.Close()
				statuses[i] = resp.StatusCode
			}()
		}
		close(gate)
		wg.Wait()
		counts := map[int]int{}
		for _, s := range statuses {
			counts[s]++
		}
		if counts[http.StatusOK] != 1 || counts[http.StatusConflict] != n-1 {
			t.Fatalf("statuses %v, want one 200 and %d 409s", counts, n-1)
		}
		var events struct {
			Events []struct {
				Action string `json:"action"`
			} `json:"events"`
		}
		h.expect(h.do(http.MethodGet, "/api/v1/claims/"+itoa(c.ID)+"/events", domain.RoleDinsosOfficer, nil), http.StatusOK, &events)
		if len(events.Events) != 3 || events.Events[2].Action != "approve" {
			t.Fatalf("events %+v, want submit, verify_death, one approve", events.Events)
		}
	})
}
