package api_test

import (
	"net/http"
	"testing"

	"santunan/database"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// Codes asked for one phone at the same moment: exactly the limit are
// sent, the rest refused, never a 5xx (the count is taken under a lock on
// the phone, so servers on one database agree too).
func TestRacingCodeRequestsForOnePhoneKeepTheLimit(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		results := s.Race(testserver.Times(8, testserver.Request{Method: http.MethodPost,
			Path: "/api/v1/public/phone-checks", Body: map[string]string{"phone": testserver.Phone(1)}})...)
		tally := testserver.Tally(results)
		if tally["201"] != 3 || tally["429 too_many_codes"] != 5 {
			t.Fatalf("answers %v, want 3 codes sent and 5 refused", tally)
		}
	})
}

// One verified phone files once, however many requests race with its token.
func TestRacingApplicationsWithOneTokenFileOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		token := s.PhoneToken(testserver.Phone(1))
		var reqs []*http.Request
		for n := 1; n <= 4; n++ {
			reqs = append(reqs, s.PublicFormRequest("/api/v1/public/applications", token, "application",
				testserver.ApplicationBody(n), nil))
		}
		statuses := map[int]int{}
		done := make(chan int, len(reqs))
		for _, r := range reqs {
			go func() {
				resp, err := s.Client.Do(r)
				if err != nil {
					done <- 0
					return
				}
				resp.Body.Close()
				done <- resp.StatusCode
			}()
		}
		for range reqs {
			statuses[<-done]++
		}
		if statuses[http.StatusCreated] != 1 || statuses[http.StatusUnauthorized]+statuses[http.StatusConflict] != 3 {
			t.Fatalf("statuses %v, want one filing", statuses)
		}
	})
}
