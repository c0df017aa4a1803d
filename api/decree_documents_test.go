package api_test

import (
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// A decree refused because one of its claims lacks the documents approve
// needs names that claim, like every other refusal of a decree: the
// officer must know which of the many claims to fix. Nothing is approved.
func TestDecreeRefusalNamesTheClaimWithoutItsDocuments(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := testserver.Start(t, db)
		ready := s.Verified(1)
		s.AttachAll(ready, testserver.ApproveDocuments)
		bare := s.Verified(2)
		var e struct {
			Error struct {
				Code     string `json:"code"`
				Problems []struct {
					ClaimID int64  `json:"claim_id"`
					Field   string `json:"field"`
					Code    string `json:"code"`
				} `json:"problems"`
			} `json:"error"`
		}
		s.Expect(s.Do(http.MethodPost, "/api/v1/decrees", domain.RoleDinsosOfficer,
			map[string]any{"number": "400.9/1/2026", "date": "2026-11-25", "claim_ids": []int64{ready.ID, bare.ID}}),
			http.StatusUnprocessableEntity, &e)
		if e.Error.Code != "decree_refused" || len(e.Error.Problems) != 1 || e.Error.Problems[0].ClaimID != bare.ID ||
			e.Error.Problems[0].Field != "documents" || e.Error.Problems[0].Code != domain.ViolationDocumentsMissing {
			t.Fatalf("refusal %+v, want decree_refused naming claim %d's missing documents", e.Error, bare.ID)
		}
		if got := s.Claim(ready.ID).Status; got != string(domain.StatusDeathVerified) {
			t.Fatalf("the ready claim is %s after a refused decree", got)
		}
	})
}
