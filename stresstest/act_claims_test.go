package stresstest

import (
	"net/http"
	"slices"
	"strconv"

	"santunan/domain"
	"santunan/workflow"
)

const claimsPath = "/api/v1/claims"

func claimPath(id int64) string { return idPath(claimsPath, id) }

// Final statuses: a claim seen in one never moves again.
var finalStatuses = []string{string(domain.StatusPaid), string(domain.StatusRejected), string(domain.StatusCancelled)}

// fileClaim files a claim: mostly a new death, sometimes bad input, a
// duplicate of a known death, the wrong role, or the same new death twice
// at once (at most one may be filed).
func (w *worker) fileClaim() {
	today := w.srv.today()
	n := w.newDeath()
	k := jsonCall(http.MethodPost, claimsPath, "POST "+claimsPath, w.token(domain.RoleDukcapilClerk), claimBody(n, today))
	switch x := w.rng.IntN(20); {
	case x < 3:
		body, ctype, why := badClaim(w.rng, n, today)
		k.body, k.ctype = body, ctype
		k = k.refused(why)
	case x < 5:
		if c, ok := w.m.pick(w.rng); ok {
			// A second claim for a known death: 409 duplicate_claim,
			// unless its claim was rejected or cancelled.
			n = c.serial
			k = jsonCall(http.MethodPost, claimsPath, k.route, k.token, claimBody(n, today))
		}
	case x < 6:
		role := oneOf(w.rng, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor, domain.RoleAdmin)
		k.token = w.token(role)
		k = k.refused(string(role) + " may not file a claim")
	case x < 7:
		a, b := w.twice(k)
		w.filed(a, n)
		w.filed(b, n)
		if a.status == http.StatusCreated && b.status == http.StatusCreated {
			w.c.rec.broken("the same death (NIK %s) filed twice at once: two claims", deceasedNIK(n))
		}
		return
	}
	if r, ok := w.c.do(k); ok {
		w.filed(r, n)
	}
}

// newDeath is the serial of a death not filed yet, which Dukcapil's web
// service may know of.
func (w *worker) newDeath() int {
	n := w.m.nextSerial()
	w.srv.knows(w.rng, n)
	return n
}

func (w *worker) filed(r reply, n int) {
	if r.status == http.StatusCreated {
		w.claimAnswer(r, domain.ActionSubmit, n)
	}
}

// claimAnswer reads a 2xx that carries a claim after an action: the claim
// must stand where the table says the action leads, and the trail must
// hold the action at the version answered (checked after the run).
func (w *worker) claimAnswer(r reply, action domain.Action, serial int) (claimView, bool) {
	var c claimView
	if err := r.decode(&c); err != nil || c.ID == 0 {
		w.c.rec.broken("%s answered %d with no claim: %s", action, r.status, clip(r.body))
		return c, false
	}
	if tr, ok := w.table.Lookup(action); ok && string(tr.To) != c.Status {
		w.c.rec.broken("%s on claim %d answered status %s, want %s", action, c.ID, c.Status, tr.To)
	}
	if serial == 0 {
		if known, ok := w.m.get(c.ID); ok {
			serial = known.serial
		}
	}
	w.m.saw(c, serial)
	w.m.ack(stateAck{claimID: c.ID, version: c.Version, action: string(action), status: c.Status})
	return c, true
}

// The actions a worker takes on claims, with how often: those that move
// claims along most, the reserved payment actions and a made-up one rarely.
var claimActions = []struct {
	action domain.Action
	weight int
}{
	{domain.ActionVerifyDeath, 14}, {domain.ActionApprove, 10}, {domain.ActionReturn, 3}, {domain.ActionResubmit, 4},
	{domain.ActionReject, 2}, {domain.ActionCancel, 3}, {domain.ActionRetryPayment, 6},
	{domain.ActionStartPayment, 1}, {domain.ActionConfirmPayment, 1}, {domain.ActionFailPayment, 1},
	{domain.ActionWithdrawPayment, 1}, {"pay_twice", 1},
}

// act takes an action on a claim, mostly one that the claim's last known
// status allows, by the role the table names; now and then a role that may
// never take it, a stale version, or input that must be refused.
func (w *worker) act() {
	total := 0
	for _, a := range claimActions {
		total += a.weight
	}
	x := w.rng.IntN(total)
	var action domain.Action
	for _, a := range claimActions {
		if x < a.weight {
			action = a.action
			break
		}
		x -= a.weight
	}
	tr, known := w.table.Lookup(action)
	var from []string
	for _, statuses := range tr.From {
		for _, s := range statuses {
			from = append(from, string(s))
		}
	}
	c, ok := w.m.pick(w.rng, from...)
	if action == domain.ActionApprove && !w.chance(4) {
		// Mostly a claim whose documents are all there: the approval then
		// meets the budget and the races, not only documents_missing.
		if ready := w.m.pickMany(w.rng, 1, string(domain.StatusDeathVerified)); len(ready) > 0 {
			c, ok = ready[0], true
		}
	}
	if !ok {
		return
	}
	body, valid := w.actionBody(action, c)
	role, mayEver := w.actor(tr, c)
	path := claimPath(c.id) + "/actions/" + string(action)
	k := jsonCall(http.MethodPost, path, "POST "+claimsPath+"/:id/actions/"+string(action), w.token(role), body)
	if w.chance(12) && c.version > 1 {
		body["version"] = c.version - 1 - w.rng.IntN(c.version-1)
		k = jsonCall(k.method, k.path, k.route, k.token, body).refused("a version older than one already answered")
	} else if w.chance(6) {
		body["version"] = c.version
		k = jsonCall(k.method, k.path, k.route, k.token, body)
	}
	switch {
	case !known:
		k = k.refused("no such action")
	case slices.Contains(reservedActions, action):
		k = k.refused("payment actions are taken through batches only")
	case !mayEver:
		k = k.refused(string(role) + " may never take " + string(action))
	case slices.Contains(finalStatuses, c.status):
		k = k.refused("the claim was " + c.status + ", which is final")
	case !valid:
		k = k.refused("the input is invalid")
	}
	if w.chance(15) {
		// The same action twice at once, as two clerks at two desks: it
		// moves the claim once.
		a, b := w.twice(k)
		for _, r := range []reply{a, b} {
			if r.ok() {
				w.claimAnswer(r, action, c.serial)
			}
		}
		if a.ok() && b.ok() {
			w.c.rec.broken("%s taken twice at once on claim %d succeeded twice", action, c.id)
		}
		return
	}
	r, ok := w.c.do(k)
	if ok && r.ok() {
		w.claimAnswer(r, action, c.serial)
	}
}

// reservedActions are the actions taken only through batches.
var reservedActions = []domain.Action{domain.ActionStartPayment, domain.ActionConfirmPayment, domain.ActionFailPayment,
	domain.ActionWithdrawPayment}

// actor picks who takes an action on c: the role the table allows from the
// claim's last known status (or any role it names), one time in ten a role
// that may never take it.
func (w *worker) actor(tr workflow.Transition, c claimRec) (domain.Role, bool) {
	var roles, fitting []domain.Role
	for role, statuses := range tr.From {
		roles = append(roles, role)
		if slices.Contains(statuses, domain.Status(c.status)) {
			fitting = append(fitting, role)
		}
	}
	slices.Sort(roles)
	slices.Sort(fitting)
	if len(roles) == 0 || w.chance(10) {
		var never []domain.Role
		for _, r := range domain.AllRoles {
			if !slices.Contains(roles, r) {
				never = append(never, r)
			}
		}
		if len(never) > 0 {
			return oneOf(w.rng, never...), false
		}
	}
	if len(fitting) > 0 {
		return oneOf(w.rng, fitting...), true
	}
	return oneOf(w.rng, roles...), true
}

// actionBody is the request of an action on c, and whether it is valid.
func (w *worker) actionBody(action domain.Action, c claimRec) (map[string]any, bool) {
	body := map[string]any{}
	why, kind := reason(w.rng)
	needsReason := false
	switch action {
	case domain.ActionVerifyDeath:
		body["death_certificate_no"] = certificateNo(c.serial)
		body["confirm_register_mismatch"] = w.chance(2)
		if w.chance(15) {
			body["death_certificate_no"] = oneOf(w.rng, "", "KM\x00001", "KM \u202e001")
			return body, false
		}
		if w.chance(8) {
			body["date_of_death"] = dateOfDeath(w.srv.today(), c.serial+1)
		}
	case domain.ActionReturn, domain.ActionReject, domain.ActionCancel, domain.ActionFailPayment:
		needsReason = true
	case domain.ActionResubmit:
		switch w.rng.IntN(6) {
		case 0:
			body["heir"] = map[string]any{"nik": heirNIK(c.serial), "full_name": "Siti Aminah", "relationship": "spouse", "phone": "12345"}
			return body, false
		case 1, 2:
			body["bank_account"] = bankAccount(c.serial+w.rng.IntN(1000), accountName)
		case 3:
			body["heir"] = map[string]any{"nik": heirNIK(c.serial), "full_name": "Siti Aminah", "relationship": "child", "phone": "+6281234567891"}
		}
	case domain.ActionRetryPayment:
		switch w.rng.IntN(8) {
		case 0:
			return body, false // the corrected account is required
		case 1:
			body["bank_account"] = map[string]any{"bank_code": "113", "account_number": "12-34", "account_name": accountName}
			return body, false
		default:
			body["bank_account"] = bankAccount(c.serial+1+w.rng.IntN(1000), accountName)
		}
	case domain.ActionConfirmPayment:
		body["bank_reference"] = "JTG" + strconv.Itoa(c.serial)
	}
	if needsReason || w.chance(4) {
		body["reason"] = why
	}
	switch {
	case kind == reasonInvalid && body["reason"] != nil:
		return body, false
	case kind == reasonEmpty && needsReason:
		return body, false
	}
	return body, true
}
