package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sync"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Two complaint officers act on one complaint at the same moment through
// HTTP: exactly one wins each race, the other hears invalid_transition or
// version_conflict (never a 5xx), and the chain holds. Run on both
// databases (PostgreSQL is the one with concurrent writers).
func TestTwoOfficersRaceOnOneComplaint(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db, testserver.At(monday))
		s.AddUser("pengaduan2", "Petugas Pengaduan Dua", domain.RoleComplaintOfficer, testserver.Password)
		tokens := []string{s.Tokens[domain.RoleComplaintOfficer], s.Login("pengaduan2", testserver.Password)}
		race := func(path string, bodies ...any) []int {
			var wg sync.WaitGroup
			gate := make(chan struct{})
			out := make([]int, len(bodies))
			for i, b := range bodies {
				raw, _ := json.Marshal(b)
				req, err := http.NewRequest(http.MethodPost, s.URL+path, bytes.NewReader(raw))
				if err != nil {
					t.Fatal(err)
				}
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+tokens[i%2])
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-gate
					resp, err := s.Client.Do(req)
					if err != nil {
						t.Error(err)
						return
					}
					var e testserver.APIError
					_ = json.NewDecoder(resp.Body).Decode(&e)
					resp.Body.Close()
					out[i] = resp.StatusCode
					if resp.StatusCode == http.StatusConflict && e.Error.Code != "invalid_transition" && e.Error.Code != "version_conflict" {
						t.Errorf("refused with %s", e.Error.Code)
					}
				}()
			}
			close(gate)
			wg.Wait()
			return out
		}
		ok := func(codes []int) {
			t.Helper()
			won := 0
			for _, c := range codes {
				switch c {
				case http.StatusOK:
					won++
				case http.StatusConflict:
				default:
					t.Fatalf("answers %v", codes)
				}
			}
			if won != 1 {
				t.Fatalf("answers %v: want exactly one winner", codes)
			}
		}
		for round := 0; round < 3; round++ {
			c := s.FileComplaint(testserver.ComplaintBody(domain.CategoryWrongData), "")
			path := testserver.ComplaintPath(c.ID)
			// Both verify it at once.
			ok(race(path+"/verify", map[string]any{}, map[string]any{}))
			got := s.GetComplaint(c.ID, domain.RoleComplaintOfficer)
			// Both assign from the same version, to different offices.
			ok(race(path+"/assign", map[string]any{"unit": "dinsos", "version": got.Version},
				map[string]any{"unit": "keuangan", "version": got.Version}))
			if got = s.GetComplaint(c.ID, domain.RoleComplaintOfficer); got.Version != 3 || got.Status != "assigned" {
				t.Fatalf("after the races %+v", got)
			}
		}
		var audit struct {
			OK bool `json:"ok"`
		}
		s.Expect(s.Do(http.MethodGet, "/api/v1/audit/verify", domain.RoleAuditor, nil), http.StatusOK, &audit)
		if !audit.OK {
			t.Fatal("the chains do not hold after the races")
		}
	})
}
