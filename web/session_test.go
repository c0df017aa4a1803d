package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

func TestLoginSetsASafeSessionCookie(t *testing.T) {
	for _, secure := range []bool{false, true} {
		t.Run(map[bool]string{false: "http", true: "https"}[secure], func(t *testing.T) {
			testdb.Each(t, func(t *testing.T, db *database.DB) {
				h := start(t, db, testserver.Env("SANTUNAN_COOKIE_SECURE", strconv.FormatBool(secure)))
				prefix := ""
				if secure {
					prefix = "__Host-"
				}
				v := h.visitor()
				form := v.get("/masuk").want(http.StatusOK).has("Masuk petugas")
				pre := form.cookie(prefix + "santunan_pra")
				if pre == nil || !pre.HttpOnly || pre.SameSite != http.SameSiteLaxMode || pre.Secure != secure || pre.Path != "/" {
					t.Fatalf("pre-session cookie = %+v", pre)
				}
				done := v.post("/masuk", url.Values{"username": {"dukcapil_clerk"}, "password": {password}}).wantRedirect("/staf")
				sess := done.cookie(prefix + "santunan_sesi")
				if sess == nil || sess.Value == "" || !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode ||
					sess.Secure != secure || sess.Path != "/" || sess.MaxAge != 0 || !sess.Expires.IsZero() {
					t.Fatalf("session cookie = %+v", sess)
				}
				if gone := done.cookie(prefix + "santunan_pra"); gone == nil || gone.MaxAge >= 0 {
					t.Fatalf("pre-session cookie not cleared after login: %+v", gone)
				}
				// The cookie is a browser session, not an API token.
				resp := h.Send(http.MethodGet, "/api/v1/me", sess.Value, nil)
				h.ExpectError(resp, http.StatusUnauthorized, "unauthenticated")
			})
		})
	}
}

func TestLoginFormNeedsItsCSRFToken(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		for name, token := range map[string]string{"missing": "", "forged": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"} {
			t.Run(name, func(t *testing.T) {
				v := h.visitor()
				v.get("/masuk").want(http.StatusOK)
				p := v.post("/masuk", url.Values{"_csrf": {token}, "username": {"dukcapil_clerk"}, "password": {password}})
				p.want(http.StatusForbidden).has("Formulir masuk sudah kedaluwarsa")
				if p.cookie("santunan_sesi") != nil {
					t.Fatal("a login without the CSRF token opened a session")
				}
				// The page came back with a fresh form that works.
				v.post("/masuk", url.Values{"username": {"dukcapil_clerk"}, "password": {password}}).wantRedirect("/staf")
			})
		}
	})
}

func TestLoginErrorsInIndonesian(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		v := h.visitor()
		p := v.login("dukcapil_clerk", "salah-sekali-123").want(http.StatusUnauthorized)
		p.has("Nama pengguna atau kata sandi salah.").hasHTML(`value="dukcapil_clerk"`).hasNot("salah-sekali-123")
		v.post("/masuk", url.Values{"username": {""}, "password": {""}}).want(http.StatusUnprocessableEntity).
			has("Isi nama pengguna dan kata sandi.")
		for i := 0; i < 4; i++ {
			v.post("/masuk", url.Values{"username": {"treasurer"}, "password": {"bukan-sandinya"}})
		}
		// The fifth failure locks this client out of the username; the page says
		// until when, in WIB.
		v.post("/masuk", url.Values{"username": {"treasurer"}, "password": {"bukan-sandinya"}}).
			want(http.StatusTooManyRequests).has("dikunci sementara untuk perangkat ini sampai 28 November 2026 pukul 10.15 WIB")
	})
}

func TestStaffPagesNeedASession(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		v := h.visitor()
		target := claimPath(c.ID)
		v.get(target).wantRedirect("/masuk?lanjut=" + url.QueryEscape(target))
		v.get("/staf/pengguna").wantRedirect("/masuk?lanjut=")
		// After login the clerk lands where they wanted to go.
		v.get("/masuk?lanjut=" + url.QueryEscape(target)).want(http.StatusOK)
		p := v.post("/masuk", url.Values{"username": {"dukcapil_clerk"}, "password": {password}, "lanjut": {target}})
		p.wantRedirect(target)
		v.follow(p).want(http.StatusOK).has(c.Code)
		// A signed-in visitor of the login page goes straight on.
		v.get("/masuk").wantRedirect("/staf")
	})
}

func TestLoginNeverRedirectsOffSite(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		for _, next := range []string{"https://jahat.example/", "//jahat.example/staf", "/\\jahat.example", "/lacak",
			"javascript:alert(1)", "/staf\r\nSet-Cookie: x=1", ""} {
			v := h.visitor()
			v.get("/masuk").want(http.StatusOK)
			p := v.post("/masuk", url.Values{"username": {"dinsos_officer"}, "password": {password}, "lanjut": {next}})
			if loc := p.header.Get("Location"); loc != "/staf" {
				t.Errorf("lanjut=%q redirected to %q, want /staf", next, loc)
			}
		}
	})
}

func TestIdleSessionEnds(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		v := h.staff(domain.RoleDinsosOfficer)
		for i := 0; i < 3; i++ {
			h.Clock.Advance(25 * time.Minute)
			v.get("/staf").want(http.StatusOK)
		}
		h.Clock.Advance(31 * time.Minute)
		p := v.get("/staf").wantRedirect("/masuk?lanjut=%2Fstaf&sesi=expired")
		if c := p.cookie("santunan_sesi"); c == nil || c.MaxAge >= 0 {
			t.Fatalf("expired session cookie not cleared: %+v", c)
		}
		v.follow(p).want(http.StatusOK).has("Sesi Anda telah berakhir")
	})
}

func TestLogoutEndsTheSession(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		v := h.staff(domain.RoleTreasurer)
		v.get("/staf").want(http.StatusOK)
		// Logging out is a form with the CSRF token like any other.
		v.post("/keluar", url.Values{"_csrf": {""}}).want(http.StatusForbidden)
		v.get("/staf").want(http.StatusOK)
		// Keep the token to replay it after logout.
		u, _ := url.Parse(h.URL)
		var token string
		for _, c := range v.client.Jar.Cookies(u) {
			if c.Name == "santunan_sesi" {
				token = c.Value
			}
		}
		p := v.post("/keluar", url.Values{}).wantRedirect("/masuk?sesi=ended")
		v.follow(p).has("Anda sudah keluar.")
		replay := h.visitor()
		replay.client.Jar.SetCookies(u, []*http.Cookie{{Name: "santunan_sesi", Value: token, Path: "/"}})
		replay.get("/staf").wantRedirect("/masuk")
	})
}

func TestFormPostWithoutCSRFIsRefused(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.withAkta(h.File(1))
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get(claimPath(c.ID)).want(http.StatusOK)
		other := h.staff(domain.RoleDukcapilClerk) // another session of the same user
		other.get("/staf").want(http.StatusOK)
		for name, token := range map[string]string{"missing": "", "another session's": other.csrf, "garbage": "x"} {
			t.Run(name, func(t *testing.T) {
				form := actionForm(c.Version, "death_certificate_no", "3324-KM-20112026-0001")
				form.Set("_csrf", token)
				clerk.post(actionPagePath(c.ID, "verify_death"), form).want(http.StatusForbidden).
					has("Formulir tidak dapat diterima")
			})
		}
		clerk.post("/staf/klaim/baru", func() url.Values { f := claimForm(2); f.Set("_csrf", ""); return f }()).
			want(http.StatusForbidden)
		var now testserver.Claim
		h.Expect(h.Do(http.MethodGet, "/api/v1/claims/"+itoa(c.ID), domain.RoleAuditor, nil), http.StatusOK, &now)
		if now.Status != "submitted" || now.Version != c.Version {
			t.Fatalf("a refused form changed the claim: %+v", now)
		}
		// With the page's own token the same form goes through.
		clerk.get(claimPath(c.ID))
		clerk.post(actionPagePath(c.ID, "verify_death"), actionForm(c.Version, "death_certificate_no", "3324-KM-20112026-0001")).
			wantRedirect(claimPath(c.ID) + "?berhasil=verify_death")
	})
}

func TestSecurityHeadersOnPages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		v := h.visitor()
		for _, path := range []string{"/", "/lacak", "/masuk", "/tidak-ada"} {
			p := v.get(path)
			csp := p.header.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "form-action 'self'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("%s: CSP %q lacks %q", path, csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Errorf("%s: CSP allows inline code: %q", path, csp)
			}
			if p.header.Get("X-Content-Type-Options") != "nosniff" || p.header.Get("Referrer-Policy") != "no-referrer" {
				t.Errorf("%s: headers %v", path, p.header)
			}
			if !strings.HasPrefix(p.header.Get("Content-Type"), "text/html; charset=utf-8") {
				t.Errorf("%s: content type %q", path, p.header.Get("Content-Type"))
			}
			// Nothing inline for the CSP to block: no script, no style.
			for _, bad := range []string{"<script", "<style", " style=", " onclick=", " onload="} {
				if strings.Contains(p.body, bad) {
					t.Errorf("%s: page has inline %q", path, bad)
				}
			}
		}
		if p := v.get("/tidak-ada"); p.status != http.StatusNotFound || !strings.Contains(p.body, "Halaman yang Anda cari tidak ada.") {
			t.Errorf("unknown page: %d %s", p.status, p.body)
		}
		// Under /api an unknown path is still the JSON error.
		h.ExpectError(h.Send(http.MethodGet, "/api/v1/tidak-ada", "", nil), http.StatusNotFound, "not_found")
	})
}

func TestStaticFilesAreEmbeddedAndCached(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		v := h.visitor()
		home := v.get("/")
		href := regexpFind(t, home.body, `href="(/static/app\.css\?v=[0-9a-f]+)"`)
		css := v.get(href).want(http.StatusOK)
		if ct := css.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
			t.Fatalf("css content type %q", ct)
		}
		if cc := css.header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
			t.Fatalf("versioned css Cache-Control %q", cc)
		}
		if !strings.Contains(css.body, ".badge") {
			t.Fatal("css body is not the stylesheet")
		}
		if cc := v.get("/static/app.css?v=old").header.Get("Cache-Control"); strings.Contains(cc, "immutable") {
			t.Fatalf("a stale version is cached for good: %q", cc)
		}
		v.get("/static/../server.go").want(http.StatusNotFound)
		v.get("/static/tidak-ada.css").want(http.StatusNotFound)
		// Pages themselves hold personal data and are never stored.
		if cc := h.staff(domain.RoleAuditor).get("/staf").header.Get("Cache-Control"); cc != "no-store" {
			t.Fatalf("staff page Cache-Control %q", cc)
		}
	})
}
