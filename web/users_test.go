package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

func TestAdminManagesUsersInTheBrowser(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		admin := h.staff(domain.RoleAdmin)
		admin.get("/staf/pengguna").want(http.StatusOK).has("Pengguna", "dukcapil_clerk", "Petugas Dukcapil", "Tambah pengguna")

		// Create: errors keep what was typed (never the password).
		bad := url.Values{"username": {"Siti R"}, "full_name": {"Siti Rahayu"}, "role": {"dukcapil_clerk"}, "password": {"pendek"}}
		p := admin.post("/staf/pengguna", bad).want(http.StatusUnprocessableEntity)
		p.has("Nama pengguna terdiri dari 3 sampai 32 karakter", "Kata sandi minimal 10 karakter.").
			hasHTML(`value="Siti R"`, `value="Siti Rahayu"`, `<option value="dukcapil_clerk" selected>`).hasNot("pendek")
		good := url.Values{"username": {"siti.r"}, "full_name": {"Siti Rahayu"}, "role": {"dukcapil_clerk"}, "password": {"kata-sandi-awal-1"}}
		p = admin.post("/staf/pengguna", good).wantRedirect("/staf/pengguna?berhasil=created")
		admin.follow(p).has("Pengguna siti.r berhasil ditambahkan.")
		admin.post("/staf/pengguna", good).want(http.StatusConflict).has("Nama pengguna ini sudah dipakai.")

		// The admin's password is one-time: Siti replaces it first.
		siti := h.visitor()
		siti.login("siti.r", "kata-sandi-awal-1").wantRedirect("/staf/ganti-sandi")
		siti.changePassword("kata-sandi-awal-1", "kata-sandi-siti-3")
		siti.get("/staf").want(http.StatusOK)
		id := h.UserID("siti.r")

		// Disabling ends her session at once.
		p = admin.post("/staf/pengguna/"+itoa(id)+"/aktif", url.Values{"active": {"false"}}).wantRedirect("/staf/pengguna?berhasil=disabled")
		admin.follow(p).has("Pengguna siti.r dinonaktifkan; semua sesinya diakhiri.", "Nonaktif", "Aktifkan")
		siti.get("/staf").wantRedirect("/masuk")
		siti.login("siti.r", "kata-sandi-siti-3").want(http.StatusUnauthorized)
		admin.post("/staf/pengguna/"+itoa(id)+"/aktif", url.Values{"active": {"true"}}).wantRedirect("/staf/pengguna?berhasil=enabled")

		// A reset password replaces hers, and is one-time again.
		admin.get("/staf/pengguna")
		admin.post("/staf/pengguna/"+itoa(id)+"/sandi", url.Values{"password": {"pendek"}}).want(http.StatusUnprocessableEntity).
			has("Kata sandi minimal 10 karakter.").hasHTML(`<details class="action" open>`)
		admin.post("/staf/pengguna/"+itoa(id)+"/sandi", url.Values{"password": {"kata-sandi-baru-2"}}).
			wantRedirect("/staf/pengguna?berhasil=reset")
		h.visitor().login("siti.r", "kata-sandi-siti-3").want(http.StatusUnauthorized)
		h.visitor().login("siti.r", "kata-sandi-baru-2").wantRedirect("/staf/ganti-sandi")

		// The admin cannot lock themselves out.
		admin.get("/staf/pengguna")
		admin.post("/staf/pengguna/"+itoa(h.UserID("admin"))+"/aktif", url.Values{"active": {"false"}}).
			want(http.StatusUnprocessableEntity).has("Anda tidak dapat menonaktifkan akun Anda sendiri.")
		admin.post("/staf/pengguna/987654/aktif", url.Values{"active": {"false"}}).want(http.StatusNotFound)
	})
}

func TestOnlyTheAdminManagesUsers(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		for _, role := range []domain.Role{domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleTreasurer, domain.RoleAuditor} {
			v := h.staff(role)
			v.get("/staf/pengguna").want(http.StatusForbidden).has("Peran Anda tidak diizinkan")
			v.get("/staf")
			v.post("/staf/pengguna", url.Values{"username": {"penyusup"}, "full_name": {"X"}, "role": {"admin"},
				"password": {"kata-sandi-awal-1"}}).want(http.StatusForbidden)
			v.get("/staf").hasNot("/staf/pengguna")
		}
		h.staff(domain.RoleAdmin).get("/staf/klaim/baru").want(http.StatusForbidden)
		h.staff(domain.RoleTreasurer).get("/staf/klaim/baru").want(http.StatusForbidden)
		h.staff(domain.RoleDukcapilClerk).get("/staf").has("Klaim baru")
	})
}
