package stresstest

import (
	"net/http"
	"net/url"
	"strconv"

	"santunan/domain"
)

// claimReaders are the roles that read claims.
var claimReaders = []domain.Role{domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor}

// read sends one of the reads staff and heirs make, racing the writes:
// lists, a claim and its trail, documents, the register match, budgets,
// decrees and their exports, batches and their reconciliation, unclaimed
// deaths, public tracking, and now and then the audit verification.
func (w *worker) read() {
	c, haveClaim := w.m.pick(w.rng)
	get := func(path, route string, role domain.Role) call {
		return call{method: http.MethodGet, path: path, route: "GET " + route, token: w.token(role)}
	}
	reader := oneOf(w.rng, claimReaders...)
	var k call
	switch x := w.rng.IntN(24); {
	case x < 3:
		q := url.Values{"limit": {strconv.Itoa(1 + w.rng.IntN(50))}}
		if w.chance(2) {
			q.Set("status", oneOf(w.rng, "submitted", "death_verified", "approved", "paid", "payment_failed"))
		}
		k = get(claimsPath+"?"+q.Encode(), claimsPath, reader)
	case x < 5 && haveClaim:
		q := oneOf(w.rng, c.code, c.deceasedNIK, c.heirNIK, "Fauzi", "siti")
		k = get(claimsPath+"?q="+url.QueryEscape(q), claimsPath+"?q", reader)
	case x == 5:
		k = get(claimsPath+"?q="+oneOf(w.rng, "%00", "%FF", "Fau%E2%80%AEzi", "a%00b"), claimsPath+"?q", reader).
			refused("a search term no field may take")
	case x == 6:
		k = get(claimsPath+"?cursor="+oneOf(w.rng, "xyz", "%00", "9999999999999999999999"), claimsPath+"?cursor", reader).
			refused("a cursor the server never gave")
	case x < 9 && haveClaim:
		k = get(claimPath(c.id)+oneOf(w.rng, "", "/events", "/documents"), claimsPath+"/:id{,/events,/documents}", reader)
	case x == 9 && haveClaim:
		k = get(claimPath(c.id)+"/death-record-match", claimsPath+"/:id/death-record-match",
			oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleAuditor))
	case x == 10:
		k = w.readDocument()
	case x == 11:
		year := strconv.Itoa(w.srv.year)
		k = get(oneOf(w.rng, "/api/v1/budgets", "/api/v1/budgets/"+year), "/api/v1/budgets{,/:year}",
			oneOf(w.rng, domain.RoleAdmin, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor))
	case x < 14:
		k = w.readDecree()
	case x < 17:
		k = w.readBatch()
	case x == 17:
		k = get(oneOf(w.rng, "/api/v1/death-records/unclaimed", "/api/v1/death-records/unclaimed.csv",
			"/api/v1/death-records/unclaimed/by-village"), "/api/v1/death-records/unclaimed{,.csv,/by-village}",
			oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleAuditor))
	case x < 21 && haveClaim:
		k = w.track(c)
	case x == 21 && w.chance(8):
		k = get("/api/v1/audit/verify", "/api/v1/audit/verify", oneOf(w.rng, domain.RoleAuditor, domain.RoleAdmin))
	default:
		k = get("/api/v1/me", "/api/v1/me", oneOf(w.rng, domain.AllRoles...))
	}
	if k.method == "" {
		return
	}
	r, ok := w.c.do(k)
	if ok && r.status == http.StatusOK && k.path == claimPath(c.id) {
		var v claimView
		if r.decode(&v) == nil && v.ID == c.id {
			w.m.saw(v, c.serial)
		}
	}
}

// readDocument opens a document the run uploaded (every opening is logged),
// or its claim's access log as the auditor.
func (w *worker) readDocument() call {
	w.m.mu.Lock()
	if len(w.m.docs) == 0 {
		w.m.mu.Unlock()
		return call{}
	}
	d := w.m.docs[w.rng.IntN(len(w.m.docs))]
	w.m.mu.Unlock()
	if w.chance(3) {
		return call{method: http.MethodGet, path: claimPath(d.claimID) + "/documents/access-log",
			route: "GET " + claimsPath + "/:id/documents/access-log", token: w.token(domain.RoleAuditor)}
	}
	return call{method: http.MethodGet, path: claimPath(d.claimID) + "/documents/" + strconv.FormatInt(d.docID, 10) + "/content",
		route: "GET " + claimsPath + "/:id/documents/:doc/content",
		token: w.token(oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleAuditor))}
}

func (w *worker) readDecree() call {
	role := oneOf(w.rng, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor)
	w.m.mu.Lock()
	var id int64
	if n := len(w.m.ackDecr); n > 0 {
		id = w.m.ackDecr[w.rng.IntN(n)].id
	}
	w.m.mu.Unlock()
	if id == 0 || w.chance(4) {
		return call{method: http.MethodGet, path: "/api/v1/decrees", route: "GET /api/v1/decrees", token: w.token(role)}
	}
	suffix := oneOf(w.rng, "", "/recipients.xlsx", "/recipients.pdf")
	return call{method: http.MethodGet, path: "/api/v1/decrees/" + strconv.FormatInt(id, 10) + suffix,
		route: "GET /api/v1/decrees/:id" + suffix, token: w.token(role)}
}

func (w *worker) readBatch() call {
	role := oneOf(w.rng, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor)
	b, ok := w.m.batch(w.rng)
	if !ok || w.chance(5) {
		return call{method: http.MethodGet, path: batchesPath, route: "GET " + batchesPath, token: w.token(role)}
	}
	suffix := oneOf(w.rng, "", "/reconciliation", "/reconciliation.xlsx")
	return call{method: http.MethodGet, path: batchPath(b.id) + suffix, route: "GET " + batchesPath + "/:id" + suffix, token: w.token(role)}
}

// track is the heir's public tracking, with the right NIK or another.
func (w *worker) track(c claimRec) call {
	body := map[string]any{"code": c.code, "heir_nik": c.heirNIK}
	k := jsonCall(http.MethodPost, "/api/v1/public/track", "POST /api/v1/public/track", "", body)
	switch w.rng.IntN(6) {
	case 0:
		body["heir_nik"] = heirNIK(c.serial + 1)
		if body["heir_nik"] == c.heirNIK {
			return k
		}
		return jsonCall(k.method, k.path, k.route, "", body).refused("the NIK is not the heir's")
	case 1:
		body["code"] = oneOf(w.rng, "SKM-\x00", "SKM-\u202eABC", "", "SKM-"+string(rune(0xfffd)))
		return jsonCall(k.method, k.path, k.route, "", body).refused("a code no claim has")
	}
	return k
}

// wrongRole sends a request its sender may never make: a role outside the
// endpoint's, no token, a token the server never gave, a route that is not.
func (w *worker) wrongRole() {
	claim, haveClaim := w.m.pick(w.rng)
	var id int64 = 1
	if haveClaim {
		id = claim.id
	}
	cases := []struct {
		method, path string
		body         any
		roles        []domain.Role
	}{
		{http.MethodGet, claimsPath, nil, []domain.Role{domain.RoleAdmin, ""}},
		{http.MethodGet, claimPath(id), nil, []domain.Role{domain.RoleAdmin}},
		{http.MethodGet, usersPath, nil, claimReaders},
		{http.MethodGet, "/api/v1/audit/verify", nil, []domain.Role{domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer}},
		{http.MethodGet, "/api/v1/budgets", nil, []domain.Role{domain.RoleDukcapilClerk, ""}},
		{http.MethodGet, "/api/v1/decrees", nil, []domain.Role{domain.RoleDukcapilClerk, domain.RoleAdmin}},
		{http.MethodGet, batchesPath, nil, []domain.Role{domain.RoleDukcapilClerk, domain.RoleAdmin}},
		{http.MethodGet, claimPath(id) + "/documents/access-log", nil, []domain.Role{domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAdmin}},
		{http.MethodGet, claimPath(id) + "/events", nil, []domain.Role{domain.RoleAdmin, ""}},
		{http.MethodPost, "/api/v1/death-records/import", "nik\n", []domain.Role{domain.RoleAuditor, domain.RoleTreasurer}},
		{http.MethodPost, claimPath(id) + "/actions/approve", map[string]any{}, []domain.Role{domain.RoleAuditor, domain.RoleAdmin, domain.RoleTreasurer, domain.RoleDukcapilClerk}},
		{http.MethodGet, "/api/v1/nothing-here", nil, domain.AllRoles},
		{http.MethodDelete, claimPath(id), nil, []domain.Role{domain.RoleAuditor, domain.RoleDinsosOfficer}},
	}
	cs := cases[w.rng.IntN(len(cases))]
	role := oneOf(w.rng, cs.roles...)
	k := jsonCall(cs.method, cs.path, cs.method+" (wrong role) "+pattern(cs.path), w.token(role), cs.body)
	if w.chance(10) {
		k.token = "bukan-token-yang-pernah-diberikan"
	}
	w.c.do(k.refused("sent by " + string(role) + ", who may never"))
}
