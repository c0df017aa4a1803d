package stresstest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"santunan/domain"
)

// After the run, everything is read back through the API and checked
// (here and in invariants_money_test.go). Each broken rule is reported;
// the reads themselves must not answer 5xx either.

// finalClaim is a claim as read after the run, with its trail.
type finalClaim struct {
	claimView
	events []domain.Event
}

// check reads the server's state and checks every invariant.
func (r *run) check() {
	claims := r.readClaims()
	r.checkTrails(claims)
	r.checkDocuments()
	r.checkRegister()
	r.checkAudit()
	r.checkBudgets(claims)
	r.checkDecrees(claims)
	r.checkPayments(claims)
	r.checkUsers()
	counts := map[string]int{}
	for _, c := range claims {
		counts[c.Status]++
	}
	r.t.Logf("%d claims by status: %v", len(claims), counts)
}

// get reads a JSON answer as the role after the run; false (and a broken
// rule) on anything but 200.
func (r *run) get(path string, role domain.Role, out any) bool {
	rep := r.c.send(call{method: http.MethodGet, path: path, route: "check: GET " + pattern(path), token: r.srv.tokens[role]})
	if rep.status != http.StatusOK {
		r.c.rec.broken("after the run, GET %s as %s answered %d: %s", path, role, rep.status, clip(rep.body))
		return false
	}
	if err := rep.decode(out); err != nil {
		r.c.rec.broken("after the run, GET %s: %v", path, err)
		return false
	}
	return true
}

// pattern is a path as a route: ids as :id, no query.
func pattern(path string) string {
	path, _, _ = strings.Cut(path, "?")
	return idSegment.ReplaceAllString(path, "/:id")
}

var idSegment = regexp.MustCompile(`/[0-9]+`)

// pages reads every page of a keyset-paged list.
func pages[T any](r *run, path string, role domain.Role) []T {
	var all []T
	cursor := ""
	for {
		var page struct {
			Items      []T    `json:"items"`
			NextCursor string `json:"next_cursor"`
		}
		p := path + "?limit=100"
		if cursor != "" {
			p += "&cursor=" + url.QueryEscape(cursor)
		}
		if !r.get(p, role, &page) {
			return all
		}
		all = append(all, page.Items...)
		if page.NextCursor == "" {
			return all
		}
		cursor = page.NextCursor
	}
}

// readClaims lists every claim and reads each trail, eight at a time.
func (r *run) readClaims() map[int64]*finalClaim {
	listed := pages[claimView](r, claimsPath, domain.RoleAuditor)
	claims := make(map[int64]*finalClaim, len(listed))
	for _, c := range listed {
		claims[c.ID] = &finalClaim{claimView: c}
	}
	r.m.mu.Lock()
	for _, c := range r.m.claims {
		if claims[c.id] == nil {
			r.c.rec.broken("claim %d (%s), filed with a 201, is not listed", c.id, c.code)
		}
	}
	r.m.mu.Unlock()
	ids := make(chan *finalClaim)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for c := range ids {
				var out struct {
					Events []domain.Event `json:"events"`
				}
				if r.get(claimPath(c.ID)+"/events", domain.RoleAuditor, &out) {
					c.events = out.Events
				}
			}
		})
	}
	for _, c := range claims {
		ids <- c
	}
	close(ids)
	wg.Wait()
	return claims
}

// checkTrails: each trail runs 1..version to the claim's status; every
// acknowledged action is in it at the version its answer gave; one live
// claim per death.
func (r *run) checkTrails(claims map[int64]*finalClaim) {
	live := map[string][]string{}
	for _, c := range claims {
		if c.Status != string(domain.StatusRejected) && c.Status != string(domain.StatusCancelled) {
			live[c.Deceased.NIK] = append(live[c.Deceased.NIK], c.Code)
		}
		if len(c.events) != c.Version {
			r.c.rec.broken("claim %s is at version %d with %d events", c.Code, c.Version, len(c.events))
			continue
		}
		for i, e := range c.events {
			if e.Seq != i+1 {
				r.c.rec.broken("claim %s: event %d has seq %d", c.Code, i+1, e.Seq)
			}
		}
		if last := c.events[len(c.events)-1]; string(last.ToStatus) != c.Status {
			r.c.rec.broken("claim %s is %s but its trail ends in %s", c.Code, c.Status, last.ToStatus)
		}
	}
	for nik, codes := range live {
		if len(codes) > 1 {
			r.c.rec.broken("death %s has %d live claims: %v", nik, len(codes), codes)
		}
	}
	r.m.mu.Lock()
	defer r.m.mu.Unlock()
	for _, a := range r.m.states {
		c := claims[a.claimID]
		if c == nil || a.version > len(c.events) {
			r.c.rec.broken("claim %d: acknowledged %s at version %d is not in its trail", a.claimID, a.action, a.version)
			continue
		}
		if e := c.events[a.version-1]; string(e.Action) != a.action || string(e.ToStatus) != a.status {
			r.c.rec.broken("claim %s: acknowledged %s to %s at version %d, the trail has %s to %s",
				c.Code, a.action, a.status, a.version, e.Action, e.ToStatus)
		}
	}
}

// checkDocuments: every document answered 201 is listed on its claim.
func (r *run) checkDocuments() {
	r.m.mu.Lock()
	byClaim := map[int64][]int64{}
	for _, d := range r.m.docs {
		byClaim[d.claimID] = append(byClaim[d.claimID], d.docID)
	}
	r.m.mu.Unlock()
	for claimID, docs := range byClaim {
		var out struct {
			Documents []struct {
				ID int64 `json:"id"`
			} `json:"documents"`
		}
		if !r.get(claimPath(claimID)+"/documents", domain.RoleAuditor, &out) {
			continue
		}
		var have []int64
		for _, d := range out.Documents {
			have = append(have, d.ID)
		}
		for _, id := range docs {
			if !slices.Contains(have, id) {
				r.c.rec.broken("claim %d: document %d, answered 201, is not listed", claimID, id)
			}
		}
	}
}

// checkRegister: a death an import took in is in the register: its claim
// matches it, or differs from it, but is never "not in the register".
func (r *run) checkRegister() {
	r.m.mu.Lock()
	ids := slices.Clone(r.m.registered)
	r.m.mu.Unlock()
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		var m struct {
			Outcome string `json:"outcome"`
		}
		if r.get(claimPath(id)+"/death-record-match", domain.RoleAuditor, &m) && m.Outcome == string(domain.MatchNotFound) {
			r.c.rec.broken("claim %d: its death was imported (200), the register does not have it", id)
		}
	}
}

// checkAudit: the server's own verification of every chain and budget.
func (r *run) checkAudit() {
	var out struct {
		OK       bool              `json:"ok"`
		Problems []json.RawMessage `json:"problems"`
		Drifts   []json.RawMessage `json:"budget_drifts"`
	}
	if r.get("/api/v1/audit/verify", domain.RoleAuditor, &out) && !out.OK {
		problems, _ := json.Marshal(out.Problems)
		drifts, _ := json.Marshal(out.Drifts)
		r.c.rec.broken("audit verify is not ok: %d problems %s, budget drifts %s",
			len(out.Problems), clip(problems), clip(drifts))
	}
}

// checkBudgets recomputes each year's committed amount from the trails
// alone (each approval and release notes the budget year), independent of
// the commitments table audit verify reads, and checks every ceiling is
// one a 2xx acknowledged.
func (r *run) checkBudgets(claims map[int64]*finalClaim) {
	sums := map[int]int64{}
	holding := []string{string(domain.StatusApproved), string(domain.StatusDisbursing), string(domain.StatusPaid), string(domain.StatusPaymentFailed)}
	for _, c := range claims {
		year := ""
		for _, e := range c.events {
			if ch, ok := e.Changes["budget.year"]; ok {
				year = ch.New
			}
		}
		if (year != "") != slices.Contains(holding, c.Status) {
			r.c.rec.broken("claim %s is %s and its trail's budget year is %q", c.Code, c.Status, year)
		}
		if y, err := strconv.Atoi(year); err == nil {
			sums[y] += c.Amount
		}
	}
	var out struct {
		Items []struct {
			Year      int   `json:"year"`
			Ceiling   int64 `json:"ceiling"`
			Committed int64 `json:"committed"`
		} `json:"items"`
	}
	if !r.get("/api/v1/budgets", domain.RoleAuditor, &out) {
		return
	}
	r.m.mu.Lock()
	defer r.m.mu.Unlock()
	seen := map[int]bool{}
	for _, b := range out.Items {
		seen[b.Year] = true
		if b.Committed != sums[b.Year] {
			r.c.rec.broken("budget %d: committed %d, the trails' open commitments add up to %d", b.Year, b.Committed, sums[b.Year])
		}
		if b.Committed > b.Ceiling {
			r.c.rec.broken("budget %d: committed %d over its ceiling %d", b.Year, b.Committed, b.Ceiling)
		}
		if !slices.Contains(r.m.ceilings[b.Year], b.Ceiling) {
			r.c.rec.broken("budget %d: ceiling %d, which no 2xx acknowledged (%v)", b.Year, b.Ceiling, r.m.ceilings[b.Year])
		}
	}
	for y, sum := range sums {
		if !seen[y] && sum != 0 {
			r.c.rec.broken("claims hold %d of budget year %d, which has no budget", sum, y)
		}
	}
}

// checkDecrees: numbers are unique; each decree answered 201 holds the
// claims it answered, and each of them was approved.
func (r *run) checkDecrees(claims map[int64]*finalClaim) {
	type decree struct {
		ID         int64  `json:"id"`
		Number     string `json:"number"`
		Recipients []struct {
			ClaimID int64 `json:"claim_id"`
		} `json:"recipients"`
	}
	numbers := map[string]int{}
	for _, d := range pages[decree](r, "/api/v1/decrees", domain.RoleAuditor) {
		numbers[d.Number]++
		if numbers[d.Number] == 2 {
			r.c.rec.broken("decree number %s was decreed twice", d.Number)
		}
	}
	r.m.mu.Lock()
	acks := slices.Clone(r.m.ackDecr)
	r.m.mu.Unlock()
	for _, a := range acks {
		var d decree
		if !r.get("/api/v1/decrees/"+strconv.FormatInt(a.id, 10), domain.RoleAuditor, &d) {
			continue
		}
		var got []int64
		for _, rc := range d.Recipients {
			got = append(got, rc.ClaimID)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(a.claims))
		if d.Number != a.number || !slices.Equal(got, want) {
			r.c.rec.broken("decree %d: answered %s with claims %v, reads %s with %v", a.id, a.number, want, d.Number, got)
		}
		for _, id := range got {
			c := claims[id]
			if c == nil || !slices.ContainsFunc(c.events, func(e domain.Event) bool { return e.Action == domain.ActionApprove }) {
				r.c.rec.broken("decree %s lists claim %d, whose trail has no approval", a.number, id)
			}
		}
	}
}
