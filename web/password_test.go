package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/testdb"
)

// changePassword fills the change-password page and checks it succeeded.
func (v *visitor) changePassword(current, fresh string) *page {
	v.t.Helper()
	v.get("/staf/ganti-sandi").want(http.StatusOK)
	return v.post("/staf/ganti-sandi", url.Values{"current_password": {current}, "new_password": {fresh},
		"new_password_again": {fresh}}).wantRedirect("/staf/ganti-sandi?berhasil=1")
}

// A password the admin sets is one-time: after signing in with it, every
// staff page (GETs and POSTs alike) leads to the change-password page until
// it is replaced; then the user goes on to where they were headed, and
// their other sessions are over.
func TestOneTimePasswordIsReplacedBeforeAnythingElse(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		h.CreateUser("budi", "Budi Santoso", domain.RoleDukcapilClerk, "dari-admin-123")

		elsewhere := h.visitor()
		elsewhere.login("budi", "dari-admin-123").wantRedirect("/staf/ganti-sandi")

		v := h.visitor()
		v.get("/masuk?lanjut=" + url.QueryEscape("/staf/klaim/baru")).want(http.StatusOK)
		v.post("/masuk", url.Values{"username": {"budi"}, "password": {"dari-admin-123"}, "lanjut": {"/staf/klaim/baru"}}).
			wantRedirect("/staf/ganti-sandi?lanjut=" + url.QueryEscape("/staf/klaim/baru"))
		for _, path := range []string{"/staf", "/staf/klaim/baru", "/staf/pengguna", "/staf/log-keamanan"} {
			want := "/staf/ganti-sandi"
			if path != "/staf" {
				want += "?lanjut=" + url.QueryEscape(path)
			}
			v.get(path).wantRedirect(want)
		}
		p := v.get("/staf/ganti-sandi?lanjut=" + url.QueryEscape("/staf/klaim/baru")).want(http.StatusOK)
		p.has(i18n.Text(i18n.Indonesian, "password.required")).hasHTML(`autocomplete="current-password"`, `autocomplete="new-password"`)
		// A POST elsewhere changes nothing.
		v.post("/staf/klaim/baru", url.Values{"deceased.nik": {"3324150101800001"}}).wantRedirect("/staf/ganti-sandi")

		next := url.Values{"lanjut": {"/staf/klaim/baru"}}
		form := func(current, fresh, again string) url.Values {
			f := url.Values{"current_password": {current}, "new_password": {fresh}, "new_password_again": {again}}
			f.Set("lanjut", next.Get("lanjut"))
			return f
		}
		cases := []struct {
			name string
			form url.Values
			want string
		}{
			{"wrong current password", form("bukan-sandinya-1", "sandi-budi-sendiri", "sandi-budi-sendiri"), "Kata sandi saat ini tidak sesuai."},
			{"the two new ones differ", form("dari-admin-123", "sandi-budi-sendiri", "sandi-budi-lain"), "Kedua isian kata sandi baru tidak sama."},
			{"the same again", form("dari-admin-123", "dari-admin-123", "dari-admin-123"), "harus berbeda dari kata sandi saat ini"},
			{"too short", form("dari-admin-123", "pendek", "pendek"), "Kata sandi minimal 10 karakter."},
			{"nothing", form("", "", ""), "Wajib diisi."},
		}
		for _, tc := range cases {
			v.get("/staf/ganti-sandi")
			v.post("/staf/ganti-sandi", tc.form).want(http.StatusUnprocessableEntity).has(tc.want).
				hasNot("sandi-budi-sendiri", "bukan-sandinya-1")
		}

		v.get("/staf/ganti-sandi")
		p = v.post("/staf/ganti-sandi", form("dari-admin-123", "sandi-budi-sendiri", "sandi-budi-sendiri"))
		p.wantRedirect("/staf/ganti-sandi?berhasil=1")
		v.follow(p).want(http.StatusOK).has("Kata sandi Anda sudah diganti.").hasHTML(`href="/staf/klaim/baru"`)
		v.get("/staf/klaim/baru").want(http.StatusOK)
		// The session opened elsewhere with the one-time password is over;
		// that password opens nothing now, the new one opens the queue.
		elsewhere.get("/staf").wantRedirect("/masuk")
		h.visitor().login("budi", "dari-admin-123").want(http.StatusUnauthorized)
		h.visitor().login("budi", "sandi-budi-sendiri").wantRedirect("/staf").header.Get("Location")
	})
}

// Logging out needs no new password first; any user may change theirs.
func TestPasswordPageForEveryone(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		h.CreateUser("citra", "Citra", domain.RoleAuditor, "dari-admin-123")
		v := h.visitor()
		v.login("citra", "dari-admin-123").wantRedirect("/staf/ganti-sandi")
		v.get("/staf/ganti-sandi").want(http.StatusOK)
		v.post("/keluar", url.Values{}).wantRedirect("/masuk?sesi=ended")

		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get("/staf").want(http.StatusOK).hasHTML(`href="/staf/ganti-sandi"`)
		clerk.get("/staf/ganti-sandi").want(http.StatusOK).has(i18n.Text(i18n.Indonesian, "password.intro"))
		clerk.changePassword(password, "sandi-petugas-baru")
		clerk.get("/staf").want(http.StatusOK)
		h.visitor().login("dukcapil_clerk", "sandi-petugas-baru").wantRedirect("/staf")
	})
}
