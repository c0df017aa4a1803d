package stresstest

import (
	"net/http"
	"slices"
	"time"

	"santunan/domain"
)

// finalBatch is a batch as read after the run.
type finalBatch struct {
	ID          int64       `json:"id"`
	Status      string      `json:"status"`
	ClaimCount  int         `json:"claim_count"`
	TotalAmount int64       `json:"total_amount"`
	PaidCount   int         `json:"paid_count"`
	FailedCount int         `json:"failed_count"`
	Withdrawn   int         `json:"withdrawn_count"`
	SentAt      *time.Time  `json:"sent_at"`
	Items       []batchItem `json:"-"`
}

// checkPayments: no claim paid twice; every paid claim has a SUCCESS line
// of a batch whose transfer file was taken and listed that line (so it was
// not held back); every claim in payment has its one pending line; and
// every batch, result file and account check answered 2xx reads back as
// answered.
func (r *run) checkPayments(claims map[int64]*finalClaim) {
	listed := pages[finalBatch](r, batchesPath, domain.RoleAuditor)
	batches := map[int64]*finalBatch{}
	for i := range listed {
		b := &listed[i]
		var full struct {
			Items []batchItem `json:"items"`
		}
		if r.get(batchPath(b.ID), domain.RoleAuditor, &full) {
			b.Items = full.Items
		}
		batches[b.ID] = b
		r.checkTotals(b)
	}
	r.m.mu.Lock()
	defer r.m.mu.Unlock()

	paid, pending := map[int64][]int64{}, map[int64][]int64{}
	for _, b := range listed {
		rec := r.m.batchIDs[b.ID]
		for _, it := range b.Items {
			switch it.State {
			case "paid":
				paid[it.ClaimID] = append(paid[it.ClaimID], b.ID)
				switch {
				case b.SentAt == nil || it.TransferFile == nil:
					r.c.rec.broken("claim %s paid in batch %d, but no transfer file carried its line", it.ClaimCode, b.ID)
				case rec == nil || !rec.sent[it.ClaimCode]:
					r.c.rec.broken("claim %s paid in batch %d, but no transfer file the treasurer took listed it (held back or never sent)",
						it.ClaimCode, b.ID)
				}
			case "pending":
				pending[it.ClaimID] = append(pending[it.ClaimID], b.ID)
			}
			if it.TransferFile != nil && (rec == nil || !rec.sent[it.ClaimCode]) {
				r.c.rec.broken("batch %d: line %s is recorded sent in file %d, which no POST answered with it", b.ID, it.ClaimCode, *it.TransferFile)
			}
		}
	}
	for id, c := range claims {
		switch {
		case len(paid[id]) > 1:
			r.c.rec.broken("claim %s paid %d times, in batches %v", c.Code, len(paid[id]), paid[id])
		case (c.Status == string(domain.StatusPaid)) != (len(paid[id]) == 1):
			r.c.rec.broken("claim %s is %s with %d paid lines", c.Code, c.Status, len(paid[id]))
		}
		if (c.Status == string(domain.StatusDisbursing)) != (len(pending[id]) == 1) {
			r.c.rec.broken("claim %s is %s with %d pending lines (batches %v)", c.Code, c.Status, len(pending[id]), pending[id])
		}
	}
	r.checkPaymentAcks(batches)
}

// checkTotals: a batch's control totals and figures are its lines', and
// its reconciliation balances.
func (r *run) checkTotals(b *finalBatch) {
	n := map[string]int{}
	var total int64
	for _, it := range b.Items {
		n[it.State]++
		total += it.Amount
	}
	if b.ClaimCount != len(b.Items) || b.TotalAmount != total || b.PaidCount != n["paid"] || b.FailedCount != n["failed"] ||
		b.Withdrawn != n["withdrawn"] {
		r.c.rec.broken("batch %d: %d lines of %d, %d paid, %d failed, %d withdrawn; its figures say %d of %d, %d paid, %d failed, %d withdrawn",
			b.ID, len(b.Items), total, n["paid"], n["failed"], n["withdrawn"], b.ClaimCount, b.TotalAmount, b.PaidCount, b.FailedCount, b.Withdrawn)
	}
	var rec struct {
		Balanced bool `json:"balanced"`
		Pending  struct {
			Count int `json:"count"`
		} `json:"pending"`
	}
	if r.get(batchPath(b.ID)+"/reconciliation", domain.RoleAuditor, &rec) && (!rec.Balanced || rec.Pending.Count != n["pending"]) {
		r.c.rec.broken("batch %d: reconciliation balanced %v with %d pending, the lines have %d pending", b.ID, rec.Balanced, rec.Pending.Count, n["pending"])
	}
}

func (r *run) checkPaymentAcks(batches map[int64]*finalBatch) {
	line := func(batchID, claimID int64, code string) (batchItem, bool) {
		b := batches[batchID]
		if b == nil {
			return batchItem{}, false
		}
		for _, it := range b.Items {
			if it.ClaimID == claimID || (code != "" && it.ClaimCode == code) {
				return it, true
			}
		}
		return batchItem{}, false
	}
	for _, rec := range r.m.batches {
		b := batches[rec.id]
		if b == nil {
			r.c.rec.broken("batch %d, answered 201, is not listed", rec.id)
			continue
		}
		if rec.sentAck && b.SentAt == nil {
			r.c.rec.broken("batch %d: its transfer file was taken, but it is not marked sent", rec.id)
		}
		if rec.listed != nil {
			var got []int64
			for _, it := range b.Items {
				got = append(got, it.ClaimID)
			}
			slices.Sort(got)
			if want := slices.Sorted(slices.Values(rec.listed)); !slices.Equal(got, want) {
				r.c.rec.broken("batch %d was built of claims %v and holds %v", rec.id, want, got)
			}
		}
	}
	for _, a := range r.m.results {
		for code, state := range a.states {
			if it, ok := line(a.batchID, 0, code); !ok || it.State != state {
				r.c.rec.broken("batch %d: a result file answered 200 said %s is %s; the line reads %q", a.batchID, code, state, it.State)
			}
		}
	}
	for _, a := range r.m.checks {
		for _, id := range a.claims {
			if it, ok := line(a.batchID, id, ""); !ok || it.Check == nil {
				r.c.rec.broken("batch %d: the account check of claim %d, answered 200, is not recorded", a.batchID, id)
			}
		}
	}
}

// checkUsers: every user created is there with its role, disabled if a
// disable was acknowledged; and each token a login gave works exactly when
// nothing acknowledged since revoked it (a disable, a password reset, a
// logout), so no login racing a reset or disable keeps its token.
func (r *run) checkUsers() {
	var out struct {
		Items []domain.User `json:"items"`
	}
	if !r.get(usersPath, domain.RoleAdmin, &out) {
		return
	}
	byID := map[int64]domain.User{}
	for _, u := range out.Items {
		byID[u.ID] = u
	}
	r.m.mu.Lock()
	users, tokens := slices.Clone(r.m.users), slices.Clone(r.m.tokens)
	r.m.mu.Unlock()
	for _, u := range users {
		got, ok := byID[u.id]
		switch {
		case !ok:
			r.c.rec.broken("user %s, answered 201, is not listed", u.username)
		case string(got.Role) != u.role:
			r.c.rec.broken("user %s was created %s and is %s", u.username, u.role, got.Role)
		case got.Active == u.disabled:
			r.c.rec.broken("user %s: active %v, but a disable was acknowledged: %v", u.username, got.Active, u.disabled)
		}
	}
	for _, tk := range tokens {
		rep := r.c.send(call{method: http.MethodGet, path: "/api/v1/me", route: "check: GET /api/v1/me", token: tk.token})
		revoked := r.m.revoked(tk)
		switch {
		case revoked && rep.status != http.StatusUnauthorized:
			r.c.rec.broken("a token of %s answers %d after its user was disabled, its password reset or it was logged out",
				tk.user.username, rep.status)
		case !revoked && rep.status != http.StatusOK:
			r.c.rec.broken("a token of %s answers %d although nothing revoked it", tk.user.username, rep.status)
		}
	}
}
