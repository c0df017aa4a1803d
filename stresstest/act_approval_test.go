package stresstest

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"santunan/domain"
)

const benefit = 1_000_000 // the default amount of a claim

// setBudget sets a year's ceiling, mostly the current year's, near what it
// has committed so that approvals meet budget_exhausted too; now and then
// below the committed amount, a ceiling no budget may have, another year,
// or the wrong role.
func (w *worker) setBudget() {
	year := w.srv.year
	if w.chance(20) {
		year++
	}
	path := "/api/v1/budgets/" + strconv.Itoa(year)
	route := "POST /api/v1/budgets/:year"
	r, ok := w.c.do(jsonCall(http.MethodGet, path, "GET /api/v1/budgets/:year", w.token(domain.RoleDinsosOfficer), nil))
	if !ok {
		return
	}
	var b struct {
		Committed int64 `json:"committed"`
	}
	_ = r.decode(&b)
	role := oneOf(w.rng, domain.RoleDinsosOfficer, domain.RoleAdmin)
	ceiling := b.Committed + int64(w.rng.IntN(40))*benefit
	why := ""
	switch x := w.rng.IntN(16); {
	case x == 0 && b.Committed > 0:
		// Below what is committed, unless cancellations made room since.
		ceiling = b.Committed - benefit
	case x == 1:
		ceiling, why = -benefit, "a negative ceiling"
	case x == 2:
		ceiling, why = 2_000_000_000_000_000, "a ceiling above any budget"
	}
	body := map[string]any{"ceiling": ceiling}
	switch x := w.rng.IntN(16); {
	case x == 3:
		body, why = map[string]any{}, "no ceiling"
	case x == 4:
		body["ceiling"], why = "banyak", "a ceiling that is no number"
	case x == 5:
		path, why = "/api/v1/budgets/"+oneOf(w.rng, "0", "tahun", "-1", "99999"), "no such year"
	case x == 6:
		role = oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleTreasurer, domain.RoleAuditor)
		why = string(role) + " may not set a budget"
	}
	k := jsonCall(http.MethodPost, path, route, w.token(role), body)
	k = k.refused(why)
	if r, ok = w.c.do(k); !ok || !r.ok() {
		return
	}
	var got struct {
		Year    int   `json:"year"`
		Ceiling int64 `json:"ceiling"`
	}
	if err := r.decode(&got); err != nil || got.Year != year || got.Ceiling != ceiling {
		w.c.rec.broken("budget %d set to %v answered %s", year, body["ceiling"], clip(r.body))
	}
	w.m.mu.Lock()
	w.m.ceilings[year] = append(w.m.ceilings[year], got.Ceiling)
	w.m.mu.Unlock()
}

// decree approves verified claims into a decree: sets that overlap other
// decrees and single approvals, a number already taken, a date no decree
// may have, sometimes the same decree twice at once (one may win).
func (w *worker) decree() {
	claims := w.m.pickMany(w.rng, 1+w.rng.IntN(4), string(domain.StatusDeathVerified))
	if w.chance(5) {
		if c, ok := w.m.pick(w.rng); ok {
			claims = append(claims, c)
		}
	}
	if len(claims) == 0 {
		return
	}
	ids := make([]int64, 0, len(claims))
	for _, c := range claims {
		if !slices.Contains(ids, c.id) {
			ids = append(ids, c.id)
		}
	}
	w.m.mu.Lock()
	w.m.decreeNo++
	number := fmt.Sprintf("400.9/%d/%d", w.m.decreeNo, w.srv.year)
	taken := slices.Clone(w.m.decrees)
	w.m.mu.Unlock()
	today := w.srv.today()
	body := map[string]any{"number": number, "date": today.Format(time.DateOnly), "claim_ids": ids}
	why := ""
	switch x := w.rng.IntN(20); {
	case x < 3 && len(taken) > 0:
		body["number"], why = oneOf(w.rng, taken...), "the number was already decreed"
	case x == 3:
		body["number"], why = oneOf(w.rng, "", "SK#1", "400.9\x00/1", "400.9/\u202e1"), "an invalid number"
	case x == 4:
		body["date"], why = oneOf(w.rng, today.AddDate(0, 0, 1).Format(time.DateOnly), "2026-13-01", "0001-01-01", "kemarin"),
			"a date no decree may have"
	case x == 5:
		body["claim_ids"], why = oneOf(w.rng, []int64{}, []int64{0}, []int64{-4}), "no claims"
	case x == 6:
		body["claim_ids"], why = append(slices.Clone(ids), ids[0]), "a claim twice"
	}
	for _, c := range claims {
		if slices.Contains(finalStatuses, c.status) && why == "" {
			why = "claim " + c.code + " was " + c.status
		}
	}
	role := domain.RoleDinsosOfficer
	if w.chance(15) {
		role = oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleTreasurer, domain.RoleAuditor, domain.RoleAdmin)
		why = string(role) + " may not decree"
	}
	k := jsonCall(http.MethodPost, "/api/v1/decrees", "POST /api/v1/decrees", w.token(role), body)
	k = k.refused(why)
	if w.chance(10) {
		a, b := w.twice(k)
		w.decreed(a)
		w.decreed(b)
		if a.status == http.StatusCreated && b.status == http.StatusCreated {
			w.c.rec.broken("decree %v posted twice at once was made twice", body["number"])
		}
		return
	}
	if r, ok := w.c.do(k); ok {
		w.decreed(r)
	}
}

func (w *worker) decreed(r reply) {
	if r.status != http.StatusCreated {
		return
	}
	var d struct {
		ID         int64  `json:"id"`
		Number     string `json:"number"`
		Recipients []struct {
			ClaimID int64 `json:"claim_id"`
		} `json:"recipients"`
	}
	if err := r.decode(&d); err != nil || d.ID == 0 {
		w.c.rec.broken("decree answered 201 without a decree: %s", clip(r.body))
		return
	}
	a := decreeAck{id: d.ID, number: d.Number}
	for _, rc := range d.Recipients {
		a.claims = append(a.claims, rc.ClaimID)
		w.m.hint(rc.ClaimID, string(domain.StatusApproved))
	}
	w.m.mu.Lock()
	w.m.decrees = append(w.m.decrees, d.Number)
	w.m.ackDecr = append(w.m.ackDecr, a)
	w.m.mu.Unlock()
}
