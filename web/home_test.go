package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

func TestHomeShowsEachRoleItsQueue(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		var verified []testserver.Claim
		for n := 1; n <= 4; n++ {
			c := h.File(n)
			if n%2 == 0 {
				c = h.Server.Verify(c, n)
				verified = append(verified, c)
			}
		}
		h.Clock.Advance(72 * 60 * 60 * 1e9) // three days later
		clerk := h.staff(domain.RoleDukcapilClerk).get("/staf").want(http.StatusOK)
		clerk.has("Antrean Petugas Dukcapil", "3 hari").hasHTML(`<span class="n">2</span>Diajukan · antrean Anda`,
			`<span class="n">2</span>Kematian terverifikasi</a>`)
		officer := h.staff(domain.RoleDinsosOfficer).get("/staf").want(http.StatusOK)
		for _, c := range verified {
			officer.has(c.Code)
		}
		if strings.Index(officer.body, verified[0].Code) > strings.Index(officer.body, verified[1].Code) {
			t.Fatal("queue is not oldest first")
		}
		treasurer := h.staff(domain.RoleTreasurer).get("/staf").want(http.StatusOK)
		treasurer.has("Tidak ada klaim di sini.")
		// Queue workers see the open statuses counted, the auditor all of them.
		if strings.Contains(clerk.body, `</span>Dibayar</a>`) {
			t.Error("the clerk's home counts paid claims")
		}
		auditor := h.staff(domain.RoleAuditor).get("/staf").want(http.StatusOK)
		auditor.hasHTML(`<span class="n">0</span>Dibayar</a>`, `<span class="n">2</span>Diajukan</a>`)
		if claimLinks(auditor) != 4 {
			t.Fatal("the auditor's home does not list every claim")
		}
		// The admin manages users, not claims.
		h.staff(domain.RoleAdmin).get("/staf").wantRedirect("/staf/pengguna")
	})
}

func TestHomeSearchAndPaging(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		var claims []testserver.Claim
		for n := 1; n <= 27; n++ {
			claims = append(claims, h.File(n))
		}
		clerk := h.staff(domain.RoleDukcapilClerk)
		first := clerk.get("/staf").want(http.StatusOK)
		if got := claimLinks(first); got != 25 {
			t.Fatalf("first page lists %d claims, want 25", got)
		}
		next := regexpFind(t, first.body, `href="(/staf\?[^"]*kursor=[^"]*)"`)
		second := clerk.get(next).want(http.StatusOK).has(claims[25].Code, claims[26].Code, "« Kembali ke awal")
		second.hasNot(claims[0].Code, "Halaman berikutnya »")
		for name, q := range map[string]string{"code": strings.ToLower(claims[3].Code), "deceased NIK": "3324150101500004",
			"heir NIK": "3324155505800004"} {
			p := clerk.get("/staf?q=" + url.QueryEscape(q)).want(http.StatusOK)
			if got := claimLinks(p); got != 1 || !strings.Contains(p.body, claims[3].Code) {
				t.Errorf("search by %s found %d claims", name, got)
			}
		}
		p := clerk.get("/staf?q=siti&status=semua").want(http.StatusOK).has("Hasil pencarian “siti”")
		if got := claimLinks(p); got != 25 {
			t.Errorf("name search lists %d, want a full page of 25", got)
		}
		clerk.get("/staf?status=bukan-status").want(http.StatusUnprocessableEntity)
		clerk.get("/staf?kursor=bukan").want(http.StatusUnprocessableEntity)
	})
}

// claimLinks counts the links to claim pages in a page.
func claimLinks(p *page) int {
	return len(regexp.MustCompile(`href="/staf/klaim/[0-9]+"`).FindAllString(p.body, -1))
}
