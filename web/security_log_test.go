package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"santunan/auth"
	"santunan/database"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/testdb"
)

// The auditor's page of the security log names, in Indonesian, every
// login and every change to an account, with who made it: here an admin
// who creates an auditor and resets a clerk's password on the pages.
func TestTheAuditorSeesTheSecurityLogPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		admin := h.staff(domain.RoleAdmin)
		admin.get("/staf/pengguna").want(http.StatusOK)
		admin.post("/staf/pengguna", url.Values{"username": {"auditor.dua"}, "full_name": {"Auditor Dua"},
			"role": {string(domain.RoleAuditor)}, "password": {"dari-admin-123"}}).wantRedirect("/staf/pengguna?berhasil=created")
		admin.post("/staf/pengguna/"+itoa(h.Users[domain.RoleDukcapilClerk].ID)+"/sandi",
			url.Values{"password": {"dari-admin-456"}}).wantRedirect("/staf/pengguna?berhasil=reset")

		auditor := h.staff(domain.RoleAuditor)
		auditor.get("/staf").hasHTML(`href="/staf/log-keamanan"`)
		auditor.get("/staf/log-keamanan").want(http.StatusOK).
			has("Log keamanan", "Kata sandi diatur ulang oleh administrator", "Pengguna dibuat", "peran Auditor",
				"auditor.dua", "Berhasil masuk", "sesi peramban", "28 November 2026 pukul 10.00 WIB")
		p := auditor.get("/staf/log-keamanan?username=auditor.dua").want(http.StatusOK)
		p.has("Kejadian untuk akun auditor.dua", "Pengguna dibuat").hasNot("Kata sandi diatur ulang")
		auditor.get("/staf/log-keamanan?username=" + url.QueryEscape("bukan nama")).want(http.StatusUnprocessableEntity).
			has("Nama pengguna terdiri dari 3 sampai 32 karakter")
		auditor.get("/staf/log-keamanan?kursor=xyz").want(http.StatusUnprocessableEntity)
	})
}

// Every kind of security event and every reason code has words on the
// auditor's page.
func TestSecurityLogPageNamesEveryEvent(t *testing.T) {
	for _, k := range auth.EventKinds {
		if !i18n.HasText("security.kind." + string(k)) {
			t.Errorf("no text security.kind.%s", k)
		}
	}
	for _, r := range []string{auth.ReasonUnknownUsername, auth.ReasonInactiveUser, auth.ReasonWrongPassword,
		auth.ReasonChangedDuringLogin, auth.ReasonMalformedUsername, "web", "api", "role"} {
		if !i18n.HasText("security.reason." + r) {
			t.Errorf("no text security.reason.%s", r)
		}
	}
}
