package api_test

import (
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/testdb"
)

// A decree dated before the programme began (Perbup Kendal 20/2021) or
// after today is refused with 422 and a message on its date (the page:
// web/decree_test.go); nothing is approved.
func TestDecreeDateOutsideTheProgrammeIsRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.verifiedClaim(1)
		h.approveDocuments(c)
		for date, code := range map[string]string{
			"0001-01-01": domain.ViolationDateBeforeProgramme,
			"2020-12-31": domain.ViolationDateBeforeProgramme,
			"2026-11-29": domain.ViolationDateInFuture,
		} {
			decree := map[string]any{"number": "400.9/1/2026", "date": date, "claim_ids": []int64{c.ID}}
			e := h.expectError(h.do(http.MethodPost, "/api/v1/decrees", domain.RoleDinsosOfficer, decree), http.StatusUnprocessableEntity, "validation_failed")
			if want := i18n.Violation(i18n.English, code); e.Error.Fields["date"] != want || len(e.Error.Fields) != 1 {
				t.Errorf("date %s: fields %v, want date: %q", date, e.Error.Fields, want)
			}
		}
		if got := h.claim(c.ID).Status; got != "death_verified" {
			t.Fatalf("claim is %s after refused decrees", got)
		}
		// The programme's first day is a valid date for a decree.
		h.expect(h.do(http.MethodPost, "/api/v1/decrees", domain.RoleDinsosOfficer,
			map[string]any{"number": "400.9/2/2021", "date": "2021-01-01", "claim_ids": []int64{c.ID}}), http.StatusCreated, nil)
	})
}
