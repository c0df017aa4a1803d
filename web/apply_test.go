package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// postFiles sends a multipart form with the CSRF value of the last page
// and files by field name.
func (v *visitor) postFiles(path string, form url.Values, files map[string][]byte) *page {
	v.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if _, ok := form["_csrf"]; !ok {
		form.Set("_csrf", v.csrf)
	}
	for k, vals := range form {
		for _, val := range vals {
			_ = w.WriteField(k, val)
		}
	}
	for name, data := range files {
		hdr := textproto.MIMEHeader{}
		hdr.Set("Content-Disposition", `form-data; name="`+name+`"; filename="foto.jpg"`)
		hdr.Set("Content-Type", "image/jpeg")
		p, _ := w.CreatePart(hdr)
		_, _ = p.Write(data)
	}
	_ = w.Close()
	req, err := http.NewRequest(http.MethodPost, v.h.URL+path, &buf)
	if err != nil {
		v.t.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	return v.do(req)
}

// verifyPhone runs a phone check's pages from the first form: posted to
// start with form, then the code that reached phone.
func (v *visitor) verifyPhone(start, verify string, form url.Values, phone string) *page {
	v.t.Helper()
	sent := v.post(start, form).want(http.StatusOK).has("Kami sudah mengirim kode 6 angka")
	checkID := regexpFind(v.t, sent.body, `name="check_id" value="([^"]+)"`)
	return v.post(verify, url.Values{"check_id": {checkID}, "code": {v.h.Codes.Next(v.t, phone)}}).wantRedirect("/")
}

// applicationForm is fixture claim n as the online form posts it.
func applicationForm(n int) url.Values {
	f := claimForm(n)
	f.Del("heir.phone")
	f.Set("consent", "true")
	f.Set("heir.notify_consent", "true")
	return f
}

func TestOnlineApplicationPagesToTheClerksIntake(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		heir := h.visitor()
		heir.get("/ajukan").want(http.StatusOK).has("Langkah 1 dari 3", "Kirim kode").hasHTML(`href="/ajukan" aria-current="page"`)
		heir.post("/ajukan/kode", url.Values{"phone": {"021 555"}}).want(http.StatusUnprocessableEntity).
			has("Nomor HP tidak valid").hasHTML(`value="021 555"`)
		phone := testserver.Phone(1)
		heir.verifyPhone("/ajukan/kode", "/ajukan/verifikasi", url.Values{"phone": {"0812 0000 001"}}, phone)
		heir.get("/ajukan").want(http.StatusOK).has("Langkah 2 dari 3", "Undang-Undang Nomor 27 Tahun 2022", "•••0001").
			hasHTML(`accept="image/*,application/pdf" capture="environment"`, `enctype="multipart/form-data"`).hasNot(`name="heir.phone"`)

		// Without the statement ticked and with a page for a photo, nothing
		// is filed and everything typed stays.
		bad := applicationForm(1)
		bad.Del("consent")
		heir.postFiles("/ajukan", bad, map[string][]byte{"documents.akta_kematian": testserver.SampleHTML}).
			want(http.StatusUnprocessableEntity).has("Mohon baca dan centang", "Berkas harus berupa foto").
			hasHTML(`value="Ahmad Fauzi"`, `value="1234567890"`)
		// Another site's post, without the form's value, is refused.
		noCSRF := applicationForm(1)
		noCSRF.Set("_csrf", "x")
		heir.postFiles("/ajukan", noCSRF, nil).want(http.StatusUnauthorized).has("Langkah 1 dari 3")

		done := heir.postFiles("/ajukan", applicationForm(1), map[string][]byte{
			"documents.akta_kematian": testserver.SampleJPEG, "documents.buku_tabungan": testserver.SamplePDF,
		}).want(http.StatusCreated).has("Langkah 3 dari 3", "Unduh tanda terima").hasHTML(`action="/lacak/tanda-terima"`)
		code := regexpFind(t, done.body, `<p class="claim-code" data-code>([^<]+)</p>`)
		// The receipt from step 3: the code is in the form, the NIK typed.
		receipt := heir.post("/lacak/tanda-terima", url.Values{"code": {code}, "heir_nik": {fixture.ClaimInput(1).Heir.NIK}}).
			want(http.StatusOK)
		if ct := receipt.header.Get("Content-Type"); ct != "application/pdf" {
			t.Fatalf("receipt: %s", ct)
		}
		// The session was used: the form is gone.
		heir.get("/ajukan").want(http.StatusOK).has("Langkah 1 dari 3")

		clerk := h.staff(domain.RoleDukcapilClerk)
		queue := clerk.get("/staf/pengajuan-daring").want(http.StatusOK).has(code, "Ahmad Fauzi", "Tidak ada di register kematian")
		id := regexpFind(t, queue.body, `href="/staf/klaim/([0-9]+)">`+code)
		clerk.get("/staf/klaim/"+id).want(http.StatusOK).has("pemohon-daring", "Terima pengajuan")
		accept := clerk.get("/staf/klaim/" + id + "/tindakan/accept").want(http.StatusOK)
		version := regexpFind(t, accept.body, `name="version" value="([0-9]+)"`)
		f := claimForm(1)
		f.Set("heir.phone", "0812 0000 001")
		f.Set("version", version)
		clerk.follow(clerk.post("/staf/klaim/"+id+"/tindakan/accept", f)).want(http.StatusOK).has(code)
		c := h.Claim(mustID(t, id))
		if c.Status != string(domain.StatusSubmitted) {
			t.Fatalf("status %s", c.Status)
		}
		clerk.get("/staf/pengajuan-daring").want(http.StatusOK).hasNot(code)
	})
}

func TestReturnedClaimCorrectedOnThePages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		c = h.Act(c, domain.RoleDukcapilClerk, "return", map[string]string{"reason": "Foto buku tabungan tidak terbaca."})
		heir := h.visitor()
		heir.get("/perbaiki?kode=" + c.Code).want(http.StatusOK).hasHTML(`value="` + c.Code + `"`)
		heir.post("/perbaiki/kode", url.Values{"code": {c.Code}, "heir_nik": {"3324155505800099"}}).
			want(http.StatusNotFound).has("Klaim tidak ditemukan")
		nik := fixture.ClaimInput(1).Heir.NIK
		heir.verifyPhone("/perbaiki/kode", "/perbaiki/verifikasi", url.Values{"code": {c.Code}, "heir_nik": {nik}}, "+6281234567890")
		heir.get("/perbaiki/formulir").want(http.StatusOK).has("Foto buku tabungan tidak terbaca.", c.Code).
			hasHTML(`value="Siti Aminah"`)
		f := claimForm(1)
		f.Del("heir.phone")
		f.Set("claim_code", c.Code)
		f.Set("bank_account.account_name", "SITI AMINAH")
		heir.postFiles("/perbaiki/formulir", f, map[string][]byte{"documents.buku_tabungan": testserver.SamplePNG}).
			want(http.StatusOK).has("Perbaikan Anda sudah kami terima")
		events := h.Events(c.ID)
		last := events[len(events)-1]
		if got := h.Claim(c.ID).Status; got != string(domain.StatusSubmitted) || last.Action != "resubmit" || last.ActorUsername != "pemohon-daring" {
			t.Fatalf("status %s, last event %+v", got, last)
		}
		if strings.Contains(heir.get("/perbaiki/formulir").body, "Foto buku tabungan") {
			t.Fatal("the session outlived the correction")
		}
	})
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	var n int64
	for _, r := range s {
		n = n*10 + int64(r-'0')
	}
	return n
}
