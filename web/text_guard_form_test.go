package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// pageTextCase is one text field of a page form (or a page's query).
type pageTextCase struct {
	name string
	role domain.Role // "" for a visitor who is not signed in
	open string      // the page whose form is posted (for its CSRF token)
	// post is the form posted to path (nil for a GET of path, whose
	// marker becomes the bad text).
	path string
	post url.Values
	// label is the field's label the answer names; own is true for a
	// field with a format of its own (its message is that format's).
	label string
	own   bool
}

// withBad is form with the marker in each value replaced by s.
func withBad(form url.Values, s string) url.Values {
	out := url.Values{}
	for k, vals := range form {
		for _, v := range vals {
			out.Add(k, strings.ReplaceAll(v, bad, s))
		}
	}
	return out
}

// Every text field of the page forms, and every query, refuses each bad
// text with 422 and a message in Indonesian naming the field, on both
// databases: bytes the database cannot hold before the handler runs,
// invisible characters beside the field with the form kept.
func TestBadTextRefusedInEveryPageForm(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		var logs testserver.LogBuffer
		h := start(t, db, testserver.Log(&logs))
		c := h.File(1)
		clerk, officer, admin := domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleAdmin
		newClaim := func(key string) url.Values {
			f := claimForm(9)
			f.Set(key, "Ahmad"+bad+"Fauzi")
			return f
		}
		label := func(field string) string { return i18n.Text(i18n.Indonesian, "field."+field) }
		ret := actionPagePath(c.ID, "return")
		users := "/staf/pengguna"
		cases := []pageTextCase{
			{"deceased name", clerk, "/staf/klaim/baru", "/staf/klaim/baru", newClaim("deceased.full_name"), label("deceased.full_name"), false},
			{"address", clerk, "/staf/klaim/baru", "/staf/klaim/baru", newClaim("deceased.address"), label("deceased.address"), false},
			{"place of death", clerk, "/staf/klaim/baru", "/staf/klaim/baru", newClaim("deceased.place_of_death"), label("deceased.place_of_death"), false},
			{"heir name", clerk, "/staf/klaim/baru", "/staf/klaim/baru", newClaim("heir.full_name"), label("heir.full_name"), false},
			{"account name", clerk, "/staf/klaim/baru", "/staf/klaim/baru", newClaim("bank_account.account_name"), label("bank_account.account_name"), false},
			{"NIK", clerk, "/staf/klaim/baru", "/staf/klaim/baru", newClaim("deceased.nik"), label("deceased.nik"), true},
			{"reason", clerk, ret, ret, actionForm(1, "reason", "Foto KTP buram "+bad+" ulangi"), label("reason"), false},
			{"version", clerk, ret, ret, url.Values{"version": {"1" + bad}, "reason": {"x"}}, label("version"), true},
			{"tracking code", "", "/lacak", "/lacak", url.Values{"code": {"SKM-" + bad}, "heir_nik": {"3324150101900002"}}, label("code"), false},
			{"tracking NIK", "", "/lacak", "/lacak", url.Values{"code": {c.Code}, "heir_nik": {"33241501019" + bad}}, label("heir_nik"), false},
			{"user's full name", admin, users, users, url.Values{"username": {"siti"}, "full_name": {"Siti" + bad}, "role": {"auditor"}, "password": {password}}, label("full_name"), false},
			{"new username", admin, users, users, url.Values{"username": {"siti" + bad}, "full_name": {"Siti"}, "role": {"auditor"}, "password": {password}}, label("username"), true},
			{"new password", admin, users, users, url.Values{"username": {"siti"}, "full_name": {"Siti"}, "role": {"auditor"}, "password": {password + bad}}, label("password"), false},
			{"decree number", officer, "/staf/sk/baru", "/staf/sk/baru", url.Values{"number": {"400.9/" + bad + "/2026"}, "date": {"2026-11-28"}, "claim_ids": {itoa(c.ID)}}, label("number"), true},
			{"budget year", officer, "/staf/anggaran", "/staf/anggaran", url.Values{"year": {"2026" + bad}, "ceiling": {"1000000"}}, label("year"), true},
			{"search", clerk, "", "/staf?q=Ahmad" + bad, nil, label("q"), false},
			{"claim id in the path", clerk, "", "/staf/klaim/1" + bad, nil, label("id"), false},
			{"tracking code in the link", "", "", "/lacak?kode=SKM-" + bad, nil, label("kode"), false},
			{"applicant's phone", "", "/ajukan", "/ajukan/kode", url.Values{"phone": {"0812" + bad + "3456"}}, label("phone"), false},
			{"one-time code", "", "/ajukan", "/ajukan/verifikasi", url.Values{"check_id": {"X"}, "code": {"12" + bad + "34"}}, "", true},
			{"correction's claim code", "", "/perbaiki", "/perbaiki/kode", url.Values{"code": {"SKM-" + bad}, "heir_nik": {"3324150101900002"}}, label("code"), false},
		}
		for _, bt := range testserver.BadTexts {
			for _, tc := range cases {
				t.Run(bt.Name+"/"+tc.name, func(t *testing.T) {
					h := h.sub(t)
					v := h.visitor()
					if tc.role != "" {
						v.login(string(tc.role), password).wantRedirect("/staf")
					}
					var p *page
					if tc.post == nil {
						p = v.get(strings.ReplaceAll(tc.path, bad, url.QueryEscape(bt.S)))
					} else {
						v.get(tc.open).want(http.StatusOK)
						p = v.post(tc.path, withBad(tc.post, bt.S))
					}
					p.want(http.StatusUnprocessableEntity)
					if !tc.own {
						p.has(tc.label, i18n.Violation(i18n.Indonesian, domain.ViolationInvalidCharacters))
					}
				})
			}
		}
		// Nothing was filed or changed.
		if got := h.Claim(c.ID); got.Status != "submitted" || got.Version != 1 {
			t.Fatalf("claim after the refusals: %+v", got)
		}
		var list struct {
			Items []testserver.Claim `json:"items"`
		}
		h.Expect(h.Do(http.MethodGet, "/api/v1/claims", domain.RoleAuditor, nil), http.StatusOK, &list)
		if len(list.Items) != 1 {
			t.Fatalf("%d claims after the refusals", len(list.Items))
		}
		logs.NoErrorLines(t)
	})
}

// A login with a bad username is refused and writes nothing the database
// cannot hold; its answer is a login refusal like any other (422 before
// the handler for bytes, 401 for invisible characters: a login form tells
// no more than "wrong username or password").
func TestBadTextInTheLoginForm(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		for _, bt := range testserver.BadTexts {
			v := h.visitor()
			v.get("/masuk").want(http.StatusOK)
			p := v.post("/masuk", url.Values{"username": {"dukcapil_clerk" + bt.S}, "password": {password}})
			if p.status != http.StatusUnprocessableEntity && p.status != http.StatusUnauthorized {
				t.Fatalf("%s: status %d", bt.Name, p.status)
			}
			if p.cookie("santunan_sesi") != nil {
				t.Fatalf("%s: a session was opened", bt.Name)
			}
		}
	})
}

// The guard sits on every page, whatever its handler reads: every form a
// page posts (url-encoded or multipart), and the query of every GET,
// refuse a field the handler does not even know when it holds bytes the
// database cannot hold. A route added without the guard fails here.
func TestEveryPageGuardsItsText(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		var logs testserver.LogBuffer
		h := start(t, db, testserver.Log(&logs))
		c := h.File(1)
		msg := i18n.Violation(i18n.Indonesian, domain.ViolationInvalidCharacters)
		// The role that passes each route's checks before the form is read.
		roleFor := func(path string) domain.Role {
			if strings.HasPrefix(path, "/staf/pembayaran") {
				return domain.RoleTreasurer
			}
			return domain.RoleDukcapilClerk
		}
		posts, gets := 0, 0
		for _, r := range h.Site.Pages.Routes() {
			path := testserver.RoutePath(r.Path, c.ID)
			t.Run(r.Method+" "+r.Path, func(t *testing.T) {
				h := h.sub(t)
				if r.Method == http.MethodGet {
					gets++
					v := h.staff(roleFor(r.Path))
					v.get(path+"?zz=%E2%80%AE").want(http.StatusUnprocessableEntity).has("zz", msg)
					return
				}
				posts++
				v := h.staff(roleFor(r.Path))
				v.get("/staf").want(http.StatusOK)
				v.post(path, url.Values{"zz": {"a\x00b"}}).want(http.StatusUnprocessableEntity).has("zz", msg)
				v.postFile(path, url.Values{"zz": {"a\xffb"}}, "file", "x.pdf", testserver.SamplePDF).want(http.StatusUnprocessableEntity).has("zz", msg)
				v = h.visitor()
				v.get("/masuk")
				if p := v.post(path, url.Values{"zz": {"a\xffb"}}); p.status >= 500 {
					t.Fatalf("without a session: %d", p.status)
				}
			})
		}
		if posts < 15 || gets < 20 {
			t.Fatalf("only %d form routes and %d GET routes checked", posts, gets)
		}
		logs.NoErrorLines(t)
	})
}
