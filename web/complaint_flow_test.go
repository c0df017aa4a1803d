package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// complaintID is the staff page's id of the complaint listed with code.
func complaintID(t *testing.T, list *page, code string) string {
	t.Helper()
	return regexpFind(t, list.body, `href="/staf/aduan/([0-9]+)">`+code+`<`)
}

func version(t *testing.T, p *page, action string) string {
	t.Helper()
	return regexpFind(t, p.body, `action="/staf/aduan/[0-9]+/tindakan/`+action+`"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]*">\s*<input type="hidden" name="version" value="([0-9]+)">`)
}

// A named complaint through every state on the pages: filed with a
// confirmed phone and a photo, verified and assigned by the complaint
// officer, answered by the office, disputed, answered again, confirmed,
// reopened, answered and confirmed; the complainant hears of each step,
// and the messages carry no content.
func TestNamedComplaintThroughEveryState(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		phone := testserver.Phone(31)
		pub := h.visitor()
		pub.verifyPhone("/aduan/kode", "/aduan/verifikasi", url.Values{"phone": {phone}}, phone)
		form := pub.get("/aduan/formulir").want(http.StatusOK).has("Tampil sebagai", "Nomor HP terkonfirmasi")
		_ = form
		text := "Berkas saya sudah tiga minggu belum diproses di kantor Dinas Sosial."
		done := pub.postFiles("/aduan/formulir", url.Values{"category": {"pelayanan_lambat"}, "text": {text},
			"identity": {"named"}, "name": {"Budi Santoso"}, "named_unit": {"dinsos"}},
			map[string][]byte{"evidence": testserver.SampleJPEG}).want(http.StatusCreated)
		done.has("Kode aduan Anda", "Kabar setiap tahap dikirim lewat pesan")
		code := regexpFind(t, done.body, `data-code>([A-Z0-9-]+)<`)

		officer := h.staff(domain.RoleComplaintOfficer)
		officer.get("/staf").wantRedirect("/staf/aduan")
		list := officer.get("/staf/aduan").want(http.StatusOK).has(code, "Pelayanan lambat", "Lewat batas waktu")
		id := complaintID(t, list, code)
		p := officer.get("/staf/aduan/"+id).want(http.StatusOK).has("Budi Santoso", phone[1:], text, "foto.jpg", "Nyatakan dapat ditangani")
		officer.get("/staf/aduan/" + id + "/bukti/1").want(http.StatusOK)
		officer.post("/staf/aduan/"+id+"/tindakan/verify", url.Values{"version": {version(t, p, "verify")}}).wantRedirect("/staf/aduan/" + id)
		p = officer.get("/staf/aduan/"+id).want(http.StatusOK).has("Diperiksa, menunggu diteruskan", "Teruskan ke kantor")
		// Assigning without an office: the form comes back with what was typed.
		bad := officer.post("/staf/aduan/"+id+"/tindakan/assign", url.Values{"version": {version(t, p, "assign")},
			"unit_name": {"Bidang Linjamsos"}}).want(http.StatusUnprocessableEntity)
		bad.hasHTML(`value="Bidang Linjamsos"`)
		officer.post("/staf/aduan/"+id+"/tindakan/assign", url.Values{"version": {version(t, p, "assign")},
			"unit": {"dinsos"}, "unit_name": {"Bidang Linjamsos"}}).wantRedirect("/staf/aduan/" + id)

		dinsos := h.staff(domain.RoleDinsosOfficer)
		answer := func(reply string) {
			t.Helper()
			dinsos.get("/staf/aduan").want(http.StatusOK).has(code)
			p := dinsos.get("/staf/aduan/"+id).want(http.StatusOK).has("Budi Santoso", text, "Kirim jawaban")
			dinsos.post("/staf/aduan/"+id+"/tindakan/answer", url.Values{"version": {version(t, p, "answer")},
				"answer": {reply}}).wantRedirect("/staf/aduan/" + id)
		}
		answer("Berkas Bapak sudah kami periksa dan disetujui hari ini.")
		// Other offices see nothing of it.
		h.staff(domain.RoleDukcapilClerk).get("/staf/aduan").want(http.StatusOK).hasNot(code)
		h.staff(domain.RoleDukcapilClerk).get("/staf/aduan/" + id).want(http.StatusNotFound)

		track := pub.post("/aduan/lacak", url.Values{"code": {code}}).want(http.StatusOK)
		track.has("Sudah dijawab, menunggu konfirmasi Anda", "disetujui hari ini", "Ya, selesai", "sanggah")
		track.hasNot(text, "Budi Santoso")
		// A dispute without a reason is refused beside its field.
		pub.post("/aduan/lacak/sanggah", url.Values{"code": {code}}).want(http.StatusUnprocessableEntity).has("Wajib diisi")
		pub.post("/aduan/lacak/sanggah", url.Values{"code": {code}, "reason": {"Belum ada uang masuk ke rekening."}}).
			want(http.StatusOK).has("Sanggahan Anda diterima", "Sedang ditangani kantor yang berwenang", "Batas waktu")
		answer("Transfer sudah kami kirim ulang hari ini.")
		pub.post("/aduan/lacak/konfirmasi", url.Values{"code": {code}}).want(http.StatusOK).
			has("dinyatakan selesai", "Selesai", "Buka kembali aduan")
		pub.post("/aduan/lacak/buka-lagi", url.Values{"code": {code}, "reason": {"Ternyata transfer gagal lagi."}}).
			want(http.StatusOK).has("dibuka kembali")
		answer("Transfer berhasil, bukti terlampir di kantor.")
		pub.post("/aduan/lacak/konfirmasi", url.Values{"code": {code}}).want(http.StatusOK).has("Selesai")

		// The trail on the staff page holds every step.
		officer.get("/staf/aduan/"+id).want(http.StatusOK).has("Aduan dikirim", "Diperiksa", "Diteruskan", "Dijawab",
			"Jawaban disanggah", "Dikonfirmasi selesai", "Dibuka kembali", "Pengadu")
		// The one-time code and ten steps: file, verify, assign, answer,
		// dispute, answer, confirm, reopen, answer, confirm.
		h.Gateway.WaitFor(t, 11)
		msgs := h.Gateway.To(phone)
		var kinds []string
		for _, m := range msgs {
			if strings.Contains(m.Text, text) || strings.Contains(m.Text, "Budi") {
				t.Errorf("message carries the complaint: %q", m.Text)
			}
			if strings.Contains(m.Text, code) {
				kinds = append(kinds, m.Text)
			}
		}
		if len(kinds) != 10 {
			t.Errorf("%d messages about the complaint, want one per step: %v", len(kinds), kinds)
		}
	})
}

// An anonymous pungli complaint naming Dinsos: kept from Dinsos until the
// complaint officer decides explicitly to send it there; the identity
// never shown to the office; rahasia content withheld from the auditor and
// the head of office; the claim it is tied to lists it without identity.
func TestAnonymousPungliComplaintOnThePages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		cl := h.Verified(1)
		pub := h.visitor()
		text := "Petugas meminta Rp200.000 supaya klaim cepat disetujui."
		done := pub.postFiles("/aduan/formulir", url.Values{"category": {"pungli"}, "text": {text}, "identity": {"anonim"},
			"named_unit": {"dinsos"}, "confidential": {"true"}, "claim_code": {cl.Code}, "heir_nik": {"3324155505800001"}}, nil)
		code := regexpFind(t, done.want(http.StatusCreated).body, `data-code>([A-Z0-9-]+)<`)

		officer := h.staff(domain.RoleComplaintOfficer)
		id := complaintID(t, officer.get("/staf/aduan").want(http.StatusOK), code)
		p := officer.get("/staf/aduan/"+id).want(http.StatusOK).has(text, "Anonim")
		officer.post("/staf/aduan/"+id+"/tindakan/verify", url.Values{"version": {version(t, p, "verify")}}).wantRedirect("/staf/aduan/" + id)
		p = officer.get("/staf/aduan/" + id).want(http.StatusOK).has("Saya memutuskan meneruskan aduan pungutan liar")
		v := version(t, p, "assign")
		officer.post("/staf/aduan/"+id+"/tindakan/assign", url.Values{"version": {v}, "unit": {"dinsos"}}).
			want(http.StatusConflict).has("menyebut kantor tersebut")
		dinsos := h.staff(domain.RoleDinsosOfficer)
		dinsos.get("/staf/aduan").want(http.StatusOK).hasNot(code)
		dinsos.get("/staf/klaim/" + itoa(cl.ID)).want(http.StatusOK).hasNot(code)
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get("/staf/klaim/"+itoa(cl.ID)).want(http.StatusOK).has("Aduan terkait klaim ini", code)
		officer.post("/staf/aduan/"+id+"/tindakan/assign", url.Values{"version": {v}, "unit": {"dinsos"},
			"confirm_named_unit": {"true"}}).wantRedirect("/staf/aduan/" + id)
		dp := dinsos.get("/staf/aduan/"+id).want(http.StatusOK).has(text, "Anonim: identitas tidak ditampilkan")
		_ = dp
		for _, role := range []domain.Role{domain.RoleAuditor, domain.RoleOfficeHead} {
			h.staff(role).get("/staf/aduan/" + id).want(http.StatusOK).has("rahasia dan tidak ditampilkan").hasNot(text)
		}
		h.staff(domain.RoleAdmin).get("/staf/aduan").want(http.StatusForbidden)
		pub.post("/aduan/lacak", url.Values{"code": {code}}).want(http.StatusOK).has("Sedang ditangani").hasNot(text)
	})
}
