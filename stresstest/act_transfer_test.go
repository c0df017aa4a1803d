package stresstest

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"slices"
	"strconv"

	"santunan/domain"
)

// transferFile takes a batch's bulk-transfer file for the bank (a POST:
// the lines it lists are the only ones the bank can pay, each sent once),
// or downloads a file that was sent again (a GET: the same bytes).
func (w *worker) transferFile() {
	b, ok := w.m.batch(w.rng)
	if !ok {
		return
	}
	w.m.mu.Lock()
	seqs := make([]int, 0, len(b.transfers))
	for seq := range b.transfers {
		seqs = append(seqs, seq)
	}
	w.m.mu.Unlock()
	path := batchPath(b.id) + "/transfer-file"
	k := call{method: http.MethodPost, path: path, route: "POST " + batchesPath + "/:id/transfer-file", token: w.token(domain.RoleTreasurer)}
	seq := 0
	if len(seqs) > 0 && w.chance(3) {
		seq = oneOf(w.rng, seqs...)
		k = call{method: http.MethodGet, path: path + "?file=" + strconv.Itoa(seq), route: "GET " + batchesPath + "/:id/transfer-file",
			token: k.token}
	}
	if w.chance(15) {
		role := oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleAuditor, domain.RoleAdmin)
		k.token = w.token(role)
		k = k.refused(string(role) + " may not take the transfer file")
	}
	r, ok := w.c.do(k)
	switch {
	case !ok || !r.ok():
	case seq > 0:
		w.m.mu.Lock()
		sent := b.transfers[seq]
		w.m.mu.Unlock()
		if !bytes.Equal(r.body, sent) {
			w.c.rec.broken("batch %d: transfer file %d downloaded again differs from the one sent", b.id, seq)
		}
	default:
		w.sentFile(b, r)
	}
}

// sentFile records the lines of a transfer file the treasurer took: no line
// may be in two files.
func (w *worker) sentFile(b *batchRec, r reply) {
	rows, err := csv.NewReader(bytes.NewReader(r.body)).ReadAll()
	if err != nil || len(rows) == 0 {
		w.c.rec.broken("transfer file of batch %d is no CSV: %v", b.id, err)
		return
	}
	col := slices.Index(rows[0], "reference")
	seq, _ := strconv.Atoi(r.header.Get("X-Transfer-File"))
	if n, _ := strconv.Atoi(r.header.Get("X-Control-Count")); col < 0 || n != len(rows)-1 || seq <= 0 {
		w.c.rec.broken("transfer file of batch %d: %d lines, X-Control-Count %q, X-Transfer-File %q, header %v",
			b.id, len(rows)-1, r.header.Get("X-Control-Count"), r.header.Get("X-Transfer-File"), rows[0])
		return
	}
	w.m.mu.Lock()
	defer w.m.mu.Unlock()
	b.sentAck = true
	b.transfers[seq] = r.body
	for _, row := range rows[1:] {
		if b.sent[row[col]] {
			w.c.rec.broken("batch %d: line %s sent to the bank in two transfer files", b.id, row[col])
		}
		b.sent[row[col]] = true
	}
}

// resolveLine resolves a line the bank was never sent, as the treasurer:
// takes it out of the batch (withdraw) or fails it, with a reason. A line a
// transfer file carried is the bank's to answer, and must be refused.
func (w *worker) resolveLine() {
	b, ok := w.m.batch(w.rng)
	if !ok {
		return
	}
	items := w.m.items(b)
	if len(items) == 0 {
		return
	}
	it := items[w.rng.IntN(len(items))]
	for _, cand := range items {
		if cand.State == "pending" && !w.m.wasSent(b, cand.ClaimCode) && !w.chance(3) {
			it = cand
			break
		}
	}
	verb := oneOf(w.rng, "withdraw", "fail")
	why, kind := reason(w.rng)
	k := jsonCall(http.MethodPost, batchPath(b.id)+"/items/"+strconv.FormatInt(it.ClaimID, 10)+"/"+verb,
		"POST "+batchesPath+"/:id/items/:claim_id/"+verb, w.token(domain.RoleTreasurer), map[string]any{"reason": why})
	switch {
	case kind != reasonGood:
		k = k.refused("a reason that must be refused")
	case w.m.wasSent(b, it.ClaimCode):
		k = k.refused("a transfer file carried the line")
	case it.State != "pending":
		k = k.refused("the line was " + it.State)
	}
	if w.chance(15) {
		role := oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleAuditor, domain.RoleAdmin)
		k.token = w.token(role)
		k = k.refused(string(role) + " may not resolve a line")
	}
	r, ok := w.c.do(k)
	if !ok || r.status != http.StatusOK {
		return
	}
	state, status := "withdrawn", domain.StatusApproved
	if verb == "fail" {
		state, status = "failed", domain.StatusPaymentFailed
	}
	w.m.hint(it.ClaimID, string(status))
	w.m.mu.Lock()
	w.m.results = append(w.m.results, resultAck{batchID: b.id, states: map[string]string{it.ClaimCode: state}})
	w.m.mu.Unlock()
}
