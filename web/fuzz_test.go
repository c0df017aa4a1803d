package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"santunan/domain"
	"santunan/internal/testdb"
)

// fuzzSeeds are texts the fuzz target of the pages starts from.
var fuzzSeeds = []string{"Ahmad Fauzi", "", "\x00", "\xff\xfe", "%FF", "%00", "a\u202eb", "\u200b", "\ufeff", "\r\n",
	"SKM-\x00", strings.Repeat("é", 300), "<script>", "1e9", "-1"}

// Whatever a person (or a script posing as one) puts in any field of the
// page forms or a page's query, the answer is a page, never a 500: the new
// claim, an action's reason, tracking, login, users, decrees, the budget
// and the search.
func FuzzPageForms(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(uint8(i), s)
	}
	type target struct {
		h                     *harness
		clerk, officer, admin *visitor
		public                *visitor
		claimID               int64
	}
	var targets []target
	for _, db := range testdb.Fuzz(f) {
		h := start(f, db)
		tg := target{h: h, clerk: h.staff(domain.RoleDukcapilClerk), officer: h.staff(domain.RoleDinsosOfficer),
			admin: h.staff(domain.RoleAdmin), public: h.visitor(), claimID: h.File(500).ID}
		// Each visitor holds its session's CSRF token from then on.
		tg.clerk.get("/staf")
		tg.officer.get("/staf")
		tg.admin.get("/staf/pengguna")
		tg.public.get("/masuk")
		targets = append(targets, tg)
	}
	f.Fuzz(func(t *testing.T, which uint8, value string) {
		for _, tg := range targets {
			claim := claimForm(int(which) % 400)
			keys := make([]string, 0, len(claim))
			for k := range claim {
				keys = append(keys, k)
			}
			claim.Set(keys[int(which)%len(keys)], value)
			forms := []struct {
				v    *visitor
				path string
				form url.Values
			}{
				{tg.clerk, "/staf/klaim/baru", claim},
				{tg.clerk, actionPagePath(tg.claimID, "return"), actionForm(1, "reason", value)},
				{tg.clerk, actionPagePath(tg.claimID, "verify_death"), actionForm(1, "death_certificate_no", value, "reason", value)},
				{tg.public, "/lacak", url.Values{"code": {value}, "heir_nik": {value}}},
				{tg.public, "/masuk", url.Values{"username": {value}, "password": {value}}},
				{tg.admin, "/staf/pengguna", url.Values{"username": {value}, "full_name": {value}, "role": {value}, "password": {value}}},
				{tg.officer, "/staf/sk/baru", url.Values{"number": {value}, "date": {value}, "claim_ids": {value}}},
				{tg.officer, "/staf/anggaran", url.Values{"year": {value}, "ceiling": {value}}},
				{tg.admin, "/staf/kalender?tahun=2027", url.Values{"date": {value}, "kind": {value}, "name": {value}, "reason": {value}}},
				{tg.admin, "/staf/kalender/hapus", url.Values{"date": {value}, "reason": {value}}},
			}
			for _, fm := range forms {
				fm.v.t = t
				p := fm.v.post(fm.path, fm.form)
				if p.status >= 500 || (p.status != http.StatusSeeOther && !strings.HasPrefix(p.header.Get("Content-Type"), "text/html")) {
					t.Fatalf("POST %s with %q: %d %s", fm.path, value, p.status, p.header.Get("Content-Type"))
				}
			}
			for _, path := range []string{"/staf?q=", "/lacak?kode=", "/staf/klaim/", "/staf/kalender?tahun=", "/staf/kalender/hapus?tanggal=", "/staf?terlambat=1&kursor="} {
				tg.clerk.t = t
				if p := tg.clerk.get(path + url.QueryEscape(value)); p.status >= 500 {
					t.Fatalf("GET %s%q: %d", path, value, p.status)
				}
			}
		}
	})
}
