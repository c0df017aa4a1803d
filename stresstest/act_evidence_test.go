package stresstest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode"

	"santunan/domain"
	"santunan/internal/testserver"
)

// The documents a claim needs, in the order a clerk brings them.
var neededKinds = []string{string(domain.DocumentAktaKematian), string(domain.DocumentKTPAhliWaris),
	string(domain.DocumentKartuKeluarga), string(domain.DocumentSuratAhliWaris), string(domain.DocumentBukuTabungan)}

// upload uploads a document to a claim still being assembled: mostly the
// next one it lacks, by the clerk or the officer; now and then a
// replacement, a file that is no document, an unknown kind, the wrong role.
func (w *worker) upload() {
	statuses := []string{string(domain.StatusSubmitted), string(domain.StatusReturned)}
	switch w.rng.IntN(10) {
	case 0:
		// A new bank book while the claim is being paid: the upload races
		// the batch and the bank's result.
		statuses = []string{string(domain.StatusApproved), string(domain.StatusDisbursing), string(domain.StatusPaymentFailed)}
	case 1, 2, 3, 4:
		statuses = []string{string(domain.StatusDeathVerified)}
	}
	c, ok := w.m.pick(w.rng, statuses...)
	if !ok {
		return
	}
	docs := w.m.docsOf(c.id)
	kind := oneOf(w.rng, append(neededKinds, string(domain.DocumentLainnya))...)
	for _, k := range neededKinds {
		if !docs[k] && !w.chance(5) {
			kind = k
			break
		}
	}
	data, name := document(w.rng, fmt.Sprintf("%s-%d-%d", kind, c.id, w.rng.Uint32()))
	role := oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer)
	why := ""
	switch x := w.rng.IntN(30); {
	case x == 0:
		data, why = []byte("MZ\x90\x00 this is no document"), "not a PDF, JPEG or PNG"
	case x == 1:
		data, why = []byte{}, "an empty file"
	case x == 2:
		kind, why = oneOf(w.rng, "ktp", "", "akta_kematian\x00"), "an unknown kind"
	case x == 3:
		role = oneOf(w.rng, domain.RoleTreasurer, domain.RoleAuditor, domain.RoleAdmin)
		why = string(role) + " may not upload"
	case x < 6:
		// Names a clerk's scanner or an attacker might send: they are
		// cleaned, never refused.
		name = oneOf(w.rng, "bukti\u202egpj.exe", "../../etc/passwd", "C:\\scan\\akta.pdf", "a\x00b.pdf", "scan\u200b.pdf")
	}
	if slices.Contains(finalStatuses, c.status) && why == "" {
		why = "the claim was " + c.status
	}
	up := testserver.UploadRequest(c.id, role, kind, name, data)
	k := call{method: up.Method, path: up.Path, route: "POST " + claimsPath + "/:id/documents",
		token: w.token(role), ctype: up.ContentType, body: up.Body.([]byte)}
	r, ok := w.expect(k, why, http.StatusCreated)
	if !ok {
		return
	}
	var d struct {
		ID       int64  `json:"id"`
		Kind     string `json:"kind"`
		Filename string `json:"filename"`
	}
	if err := r.decode(&d); err != nil || d.ID == 0 {
		w.c.rec.broken("upload answered 201 with no document: %s", clip(r.body))
		return
	}
	if strings.IndexFunc(d.Filename, func(r rune) bool { return unicode.Is(unicode.Cf, r) || unicode.IsControl(r) }) >= 0 {
		w.c.rec.broken("document %d kept the file name %q with control or format characters", d.ID, d.Filename)
	}
	w.m.uploaded(c.id, d.Kind, d.ID)
}

// importDeaths sends the clerk's SIAK import: lines for known claims that
// match them or differ (then verify_death needs the clerk's confirmation),
// now and then a line that must be refused. The file is taken line by line,
// so bad lines are reported, not a 4xx.
func (w *worker) importDeaths() {
	today := w.srv.today()
	var b strings.Builder
	b.WriteString("nik,full_name,sex,date_of_death,death_certificate_no,village_code,registered_on\n")
	var lines []int64 // the claim of each data line (file line i+2)
	for range 1 + w.rng.IntN(4) {
		c, ok := w.m.pick(w.rng, string(domain.StatusSubmitted), string(domain.StatusReturned))
		if !ok {
			return
		}
		lines = append(lines, c.id)
		name := deceasedName
		if w.chance(3) {
			name = "Bambang Sutrisno"
		}
		fmt.Fprintf(&b, "%s,%s,L,%s,%s,%s,%s\n", c.deceasedNIK, name, dateOfDeath(today, c.serial),
			certificateNo(c.serial), villageCode, today.Format(time.DateOnly))
	}
	if w.chance(4) {
		b.WriteString(oneOf(w.rng, "123,Nama,L,2026-01-01,X,1,2026-01-01\n", "3324150101500001,Ahmad\x00,L,2026-11-01,KM-1,3324151001,2026-11-02\n",
			"3324150101500001;Ahmad;L\n"))
	}
	role := domain.RoleDukcapilClerk
	k := call{method: http.MethodPost, path: "/api/v1/death-records/import", route: "POST /api/v1/death-records/import",
		ctype: "text/csv", body: []byte(b.String())}
	if w.chance(10) {
		role = oneOf(w.rng, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor, domain.RoleAdmin)
		k = k.refused(string(role) + " may not import the register")
	}
	k.token = w.token(role)
	r, ok := w.c.do(k)
	if !ok || r.status != http.StatusOK {
		return
	}
	var rep struct {
		Problems []struct {
			Line int `json:"line"`
		} `json:"problems"`
	}
	if err := r.decode(&rep); err != nil {
		w.c.rec.broken("import answered 200 without a report: %s", clip(r.body))
		return
	}
	refused := map[int]bool{}
	for _, p := range rep.Problems {
		refused[p.Line] = true
	}
	w.m.mu.Lock()
	defer w.m.mu.Unlock()
	for i, id := range lines {
		if !refused[i+2] {
			w.m.registered = append(w.m.registered, id)
		}
	}
}

// checkOnline asks the (fake) Dukcapil web service about a claim's death.
func (w *worker) checkOnline() {
	c, ok := w.m.pick(w.rng, string(domain.StatusSubmitted))
	if !ok {
		return
	}
	k := call{method: http.MethodPost, path: claimPath(c.id) + "/death-record-match/online",
		route: "POST " + claimsPath + "/:id/death-record-match/online", token: w.token(domain.RoleDukcapilClerk),
		upstreamDown: w.srv.isDown(c.deceasedNIK)}
	if w.chance(8) {
		role := oneOf(w.rng, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor, domain.RoleAdmin)
		k.token = w.token(role)
		k = k.refused(string(role) + " may not ask Dukcapil")
	}
	w.c.do(k)
}
