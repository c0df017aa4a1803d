package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"santunan/applications"
	"santunan/auth"
	"santunan/complaints"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/payments"
	"santunan/receipts"
	"santunan/reports"
	"santunan/survey"
	"santunan/workdays"
	"santunan/workflow"
)

// pagePolicies says which capability's policy each page asks, in one table.
func pagePolicies(table workflow.Table) map[string]testserver.Policy {
	both, signedIn := testserver.Both, testserver.SignedIn
	claims := testserver.Policy(domain.Role.ReadsClaims)
	readsPayments, pays := testserver.Policy(payments.CanReadPayments), both(payments.CanReadPayments, payments.CanPay)
	decrees, budgets := testserver.Policy(payments.CanReadPayments), testserver.Policy(payments.CanReadBudgets)
	return map[string]testserver.Policy{
		"GET /": nil, "GET /static/*file": nil, "GET /lacak": nil, "POST /lacak": nil, "POST /lacak/hentikan-pesan": nil, "GET /masuk": nil, "POST /masuk": nil,
		"POST /keluar": signedIn, "GET /staf": signedIn, "GET /staf/ganti-sandi": signedIn, "POST /staf/ganti-sandi": signedIn,
		// The heir's online forms: public, behind a phone check (applications/).
		"GET /ajukan": nil, "POST /ajukan/kode": nil, "POST /ajukan/verifikasi": nil, "POST /ajukan": nil,
		"GET /perbaiki": nil, "POST /perbaiki/kode": nil, "POST /perbaiki/verifikasi": nil,
		"GET /perbaiki/formulir": nil, "POST /perbaiki/formulir": nil,
		"GET /staf/pengajuan-daring": applications.CanReadIntake,

		"GET /staf/klaim/baru": both(claims, table.MaySubmit), "POST /staf/klaim/baru": both(claims, table.MaySubmit),
		// An action's own role check is the transition table's, on the claim
		// found (none here): web/claim_action.go.
		"GET /staf/klaim/:id": claims, "GET /staf/klaim/:id/tindakan/:action": claims, "POST /staf/klaim/:id/tindakan/:action": claims,
		"GET /staf/klaim/:id/tanda-terima": both(claims, receipts.CanPrint), "GET /staf/klaim/:id/tanda-terima.pdf": both(claims, receipts.CanPrint),
		"POST /lacak/tanda-terima": nil,

		"GET /staf/pengguna": auth.CanManageUsers, "POST /staf/pengguna": auth.CanManageUsers,
		"POST /staf/pengguna/:id/aktif": auth.CanManageUsers, "POST /staf/pengguna/:id/sandi": auth.CanManageUsers,
		"GET /staf/log-keamanan": domain.Role.ReadsAudit,

		"GET /staf/klaim/:id/dokumen/log-akses": both(claims, documents.CanReadAccessLog),
		"GET /staf/klaim/:id/dokumen/:doc":      claims, "POST /staf/klaim/:id/dokumen": documents.CanUpload,

		"GET /staf/register-kematian": deathregister.CanImport, "POST /staf/register-kematian": deathregister.CanImport,
		"GET /staf/kematian-belum-diklaim": deathregister.CanRead, "GET /staf/kematian-belum-diklaim/unduh": deathregister.CanRead,
		"POST /staf/klaim/:id/register-daring": both(claims, deathregister.CanCheckOnline),

		"GET /staf/anggaran": budgets, "POST /staf/anggaran": both(budgets, payments.CanSetBudgets),

		"GET /staf/sk": decrees, "GET /staf/sk/baru": both(decrees, payments.CanDecree), "POST /staf/sk/baru": both(decrees, payments.CanDecree),
		"GET /staf/sk/:id": decrees, "GET /staf/sk/:id/penerima.xlsx": decrees, "GET /staf/sk/:id/penerima.pdf": decrees,

		"GET /staf/pembayaran": readsPayments, "GET /staf/pembayaran/baru": pays, "POST /staf/pembayaran/baru": pays,
		"GET /staf/pembayaran/:id": readsPayments, "POST /staf/pembayaran/:id/berkas-transfer": pays,
		"GET /staf/pembayaran/:id/berkas-transfer.csv": pays, "GET /staf/pembayaran/:id/baris/:claim_id": pays,
		"POST /staf/pembayaran/:id/baris/:claim_id/keluarkan": pays, "POST /staf/pembayaran/:id/baris/:claim_id/gagal": pays,
		"GET /staf/pembayaran/:id/rekonsiliasi.xlsx": readsPayments,
		"POST /staf/pembayaran/:id/cek-rekening":     pays, "POST /staf/pembayaran/:id/cek-bank": pays,
		"POST /staf/pembayaran/:id/hasil": payments.CanPay,

		// The satisfaction survey: the heir's, public (a token); its index
		// for survey.CanRead.
		"GET /survei/:token": nil, "POST /survei/:token": nil, "POST /survei": nil,
		// Complaints: the public's pages need no account; the staff's ask
		// complaints' policy (the service applies View to what it returns).
		"GET /aduan": nil, "POST /aduan/kode": nil, "POST /aduan/verifikasi": nil, "GET /aduan/formulir": nil,
		"POST /aduan/formulir": nil, "GET /aduan/lacak": nil, "POST /aduan/lacak": nil, "POST /aduan/lacak/konfirmasi": nil,
		"POST /aduan/lacak/sanggah": nil, "POST /aduan/lacak/buka-lagi": nil,
		"GET /staf/aduan": complaints.CanRead, "GET /staf/aduan/:id": complaints.CanRead,
		"POST /staf/aduan/:id/tindakan/:action": both(complaints.CanRead, complaints.CanAct),
		"GET /staf/aduan/:id/bukti/:evidence":   complaints.CanRead,
		"GET /staf/survei":                      survey.CanRead, "GET /staf/survei/komentar": survey.CanRead, "GET /staf/survei/ikm.xlsx": survey.CanRead,
		"GET /staf/laporan": reports.CanRead, "GET /staf/laporan/unduh.xlsx": reports.CanRead,
		// The working-day calendar (workdays/) and the public standard.
		"GET /staf/kalender": workdays.CanRead, "POST /staf/kalender": workdays.CanChange,
		"GET /staf/kalender/hapus": workdays.CanChange, "POST /staf/kalender/hapus": workdays.CanChange,
		"GET /standar-pelayanan": nil,
	}
}

// Every page's role check agrees with the policy of its capability: for
// each page and each role, the answer is 403 exactly when the policy says
// no (the form's CSRF token is right, so a 403 is the role's). The ids
// name nothing, so a page that lets the role in meets a 404 or a refused
// form, never a change. A page that the table does not name, or an entry
// no page has, fails too.
func TestEveryPageAsksItsPolicy(t *testing.T) {
	h := start(t, testdb.SQLite(t))
	visitors := map[domain.Role]*visitor{}
	for _, role := range domain.AllRoles {
		visitors[role] = h.staff(role)
	}
	policies := pagePolicies(h.Services.Engine.Table())
	testserver.CheckPolicies(t, h.Site.Pages.Routes(), policies, func(role domain.Role, key, method, path string) int {
		v := visitors[role]
		if key == "POST /keluar" {
			v = h.staff(role) // a session of its own to end
		}
		v.get("/staf/ganti-sandi").want(http.StatusOK) // a page with the session's CSRF token
		if method == http.MethodGet {
			return v.get(path).status
		}
		return v.post(path, url.Values{}).status
	})
}

// The menu offers a page exactly to the roles its policy lets in.
func TestTheMenuAsksThePolicies(t *testing.T) {
	h := start(t, testdb.SQLite(t))
	policies := pagePolicies(h.Services.Engine.Table())
	for _, role := range domain.AllRoles {
		home := h.staff(role).get("/staf/ganti-sandi").want(http.StatusOK)
		for _, path := range []string{"/staf/klaim/baru", "/staf/kematian-belum-diklaim", "/staf/register-kematian",
			"/staf/sk", "/staf/pembayaran", "/staf/anggaran", "/staf/pengguna", "/staf/log-keamanan", "/staf/pengajuan-daring", "/staf/survei", "/staf/aduan"} {
			shown := strings.Contains(home.body, `<li><a href="`+path+`"`)
			if want := policies["GET "+path](role); shown != want {
				t.Errorf("the menu of %s shows %s: %v, but the policy says %v", role, path, shown, want)
			}
		}
	}
}
