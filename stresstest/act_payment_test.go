package stresstest

import (
	"net/http"
	"slices"
	"strings"

	"santunan/domain"
)

const batchesPath = "/api/v1/disbursements"

func batchPath(id int64) string { return idPath(batchesPath, id) }

// buildBatch builds a batch of approved claims, listed or all of them;
// sometimes a request no batch may come from.
func (w *worker) buildBatch() {
	claims := w.m.pickMany(w.rng, 1+w.rng.IntN(4), string(domain.StatusApproved))
	ids := []int64{}
	why := ""
	for _, c := range claims {
		ids = append(ids, c.id)
	}
	var body map[string]any
	switch x := w.rng.IntN(20); {
	case x < 5:
		body = map[string]any{"all_approved": true}
	case x == 5:
		body, why = map[string]any{"all_approved": true, "claim_ids": []int64{1}}, "all_approved with a list"
	case x == 6:
		body, why = map[string]any{"claim_ids": oneOf(w.rng, []int64{}, []int64{0}, []int64{-1})}, "no claims"
	case x == 7:
		if c, ok := w.m.pick(w.rng, finalStatuses...); ok && slices.Contains(finalStatuses, c.status) {
			body, why = map[string]any{"claim_ids": append(ids, c.id)}, "claim "+c.code+" was "+c.status
		}
	}
	if body == nil {
		if len(ids) == 0 {
			return
		}
		body = map[string]any{"claim_ids": ids}
	}
	role := domain.RoleTreasurer
	if w.chance(15) {
		role = oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleAuditor, domain.RoleAdmin)
		why = string(role) + " may not build a batch"
	}
	k := jsonCall(http.MethodPost, batchesPath, "POST "+batchesPath, w.token(role), body)
	r, ok := w.expect(k, why, http.StatusCreated)
	if !ok {
		return
	}
	var b struct {
		ID int64 `json:"id"`
	}
	if err := r.decode(&b); err != nil || b.ID == 0 {
		w.c.rec.broken("batch answered 201 without a batch: %s", clip(r.body))
		return
	}
	rec := &batchRec{id: b.ID, sent: map[string]bool{}, transfers: map[int][]byte{}}
	if _, listed := body["claim_ids"]; listed {
		rec.listed = ids
	}
	w.m.mu.Lock()
	w.m.batches = append(w.m.batches, rec)
	w.m.batchIDs[rec.id] = rec
	w.m.mu.Unlock()
	w.refresh(rec)
}

// refresh reads a batch's lines again (a read racing the writes, too).
func (w *worker) refresh(b *batchRec) bool {
	r, ok := w.c.do(jsonCall(http.MethodGet, batchPath(b.id), "GET "+batchesPath+"/:id", w.token(domain.RoleTreasurer), nil))
	if !ok || r.status != http.StatusOK {
		return false
	}
	var got struct {
		Items []batchItem `json:"items"`
	}
	if err := r.decode(&got); err != nil {
		w.c.rec.broken("batch read is no batch: %s", clip(r.body))
		return false
	}
	w.m.mu.Lock()
	b.items = got.Items
	w.m.mu.Unlock()
	for _, it := range got.Items {
		switch it.State {
		case "pending":
			w.m.hint(it.ClaimID, string(domain.StatusDisbursing))
		case "paid":
			w.m.hint(it.ClaimID, string(domain.StatusPaid))
		case "failed":
			w.m.hint(it.ClaimID, string(domain.StatusPaymentFailed))
		}
	}
	return true
}

// pending is a random handful of a batch's lines still waiting for the bank.
func (w *worker) pending(b *batchRec, max int) []batchItem {
	var out []batchItem
	for _, it := range w.m.items(b) {
		if it.State == "pending" {
			out = append(out, it)
		}
	}
	w.rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out[:min(len(out), 1+w.rng.IntN(max))]
}

// checkAccounts records the names the bank holds for some lines: the heir's
// (a match) or someone else's (a mismatch: the line is held back).
func (w *worker) checkAccounts() {
	b, ok := w.m.batch(w.rng)
	if !ok {
		return
	}
	type check struct {
		ClaimID    int64  `json:"claim_id"`
		NameAtBank string `json:"name_at_bank"`
	}
	items := []check{}
	for _, it := range w.pending(b, 3) {
		name := strings.ToLower(it.AccountName)
		if w.chance(3) {
			name = "BUDI SANTOSO"
		}
		items = append(items, check{ClaimID: it.ClaimID, NameAtBank: name})
	}
	why := ""
	switch x := w.rng.IntN(15); {
	case x == 0:
		items, why = append(items, check{ClaimID: 1 << 40, NameAtBank: accountName}), "a claim not in the batch"
	case x == 1 && len(items) > 0:
		items[0].NameAtBank, why = oneOf(w.rng, "SITI\x00AMINAH", "SITI \u202eAMINAH", ""), "a name no field may take"
	case x == 2:
		items, why = []check{}, "no lines"
	}
	if len(items) == 0 && why == "" {
		return
	}
	role := domain.RoleTreasurer
	if w.chance(15) {
		role = oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleAuditor, domain.RoleAdmin)
		why = string(role) + " may not check accounts"
	}
	k := jsonCall(http.MethodPost, batchPath(b.id)+"/account-checks", "POST "+batchesPath+"/:id/account-checks",
		w.token(role), map[string]any{"items": items})
	k = k.refused(why)
	if w.chance(20) {
		// The bank's inquiry is not contracted: a clear 409, never a 500.
		k = jsonCall(http.MethodPost, batchPath(b.id)+"/account-inquiry", "POST "+batchesPath+"/:id/account-inquiry",
			w.token(domain.RoleTreasurer), nil)
	}
	r, ok := w.c.do(k)
	if !ok || r.status != http.StatusOK || strings.HasSuffix(k.path, "inquiry") {
		return
	}
	a := checkAck{batchID: b.id}
	for _, it := range items {
		a.claims = append(a.claims, it.ClaimID)
	}
	w.m.mu.Lock()
	w.m.checks = append(w.m.checks, a)
	w.m.mu.Unlock()
}
