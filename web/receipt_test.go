package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/receiptcheck"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// After filing, the clerk's claim page offers the receipt at once; the
// print page shows the code, the QR code, the masked name, the documents,
// the steps and the offices, and none of the claim's personal data.
func TestClerkPrintsTheReceipt(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get("/staf/klaim/baru").want(http.StatusOK)
		filed := clerk.follow(clerk.post("/staf/klaim/baru", claimForm(1)).wantRedirect("/staf/klaim/"))
		filed.want(http.StatusOK).has("Cetak tanda terima", "setelah dokumen diunggah")
		id := regexpFind(t, filed.body, `href="/staf/klaim/(\d+)/tanda-terima"`)
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		c := h.Claim(n)
		h.AttachAll(c, []domain.DocumentKind{domain.DocumentAktaKematian, domain.DocumentBukuTabungan})
		// Later visits to the claim page still link it, without the hint.
		clerk.get(claimPath(c.ID)).want(http.StatusOK).has("Cetak tanda terima").hasNot("setelah dokumen diunggah")

		p := clerk.get(claimPath(c.ID) + "/tanda-terima").want(http.StatusOK)
		p.has("Tanda terima pengajuan santunan kematian", c.Code, "A*** F***", "Akta kematian", "Buku tabungan",
			"28 November 2026 pukul 10.00 WIB", "Paling lambat 2 hari kerja", "Layanan ini tidak dipungut biaya.",
			"Klaim Anda sedang di Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal",
			"http://localhost:8080/lacak?kode="+c.Code).
			hasHTML(`<img class="receipt-qr" src="data:image/png;base64,`, `href="/staf/klaim/`+id+`/tanda-terima.pdf"`)
		p.hasNot(c.Deceased.NIK, c.Heir.NIK, "081234567890", "+6281234567890", "1234567890", "Ahmad Fauzi", "Siti Aminah")
		// The A4 view marks the receipt for the A4 page of the stylesheet.
		clerk.get(claimPath(c.ID) + "/tanda-terima?kertas=a4").want(http.StatusOK).hasHTML(`class="receipt paper-a4"`)

		pdf := clerk.get(claimPath(c.ID) + "/tanda-terima.pdf").want(http.StatusOK)
		if pdf.header.Get("Content-Type") != "application/pdf" {
			t.Fatalf("content type %q", pdf.header.Get("Content-Type"))
		}
		if text := receiptcheck.Text(t, []byte(pdf.body)); !strings.Contains(text, c.Code) || !strings.Contains(text, "Buku tabungan") {
			t.Errorf("the PDF lacks the code or a document:\n%s", text)
		}
		// The admin reads no claims, so no receipt either.
		h.staff(domain.RoleAdmin).get(claimPath(c.ID) + "/tanda-terima").want(http.StatusForbidden)
	})
}

// The heir's receipt: the tracking result offers it, with the NIK asked
// again; the right NIK gets the PDF; a wrong NIK gets exactly the answer of
// an unknown code; both count against the tracking limit.
func TestHeirDownloadsTheReceipt(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.Env("SANTUNAN_TRACK_RATE_PER_MINUTE", "5"))
		c := h.File(1)
		const nik = "3324155505800001"
		heir := h.visitor()
		res := heir.post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {nik}}).want(http.StatusOK) // 1
		res.has("Unduh tanda terima (PDF)", "Klaim Anda sedang di Dinas Kependudukan").
			hasHTML(`action="/lacak/tanda-terima"`, `name="code" value="`+c.Code+`"`).hasNot(nik)

		pdf := heir.post("/lacak/tanda-terima", url.Values{"code": {c.Code}, "heir_nik": {nik}}).want(http.StatusOK) // 2
		if pdf.header.Get("Content-Type") != "application/pdf" {
			t.Fatalf("content type %q: %s", pdf.header.Get("Content-Type"), pdf.body)
		}
		text := receiptcheck.Text(t, []byte(pdf.body))
		for _, want := range []string{c.Code, "A*** F***", "Layanan ini tidak dipungut biaya.", "Belum ada dokumen yang diterima."} {
			if !strings.Contains(text, want) {
				t.Errorf("the heir's receipt lacks %q", want)
			}
		}
		if strings.Contains(text, nik) || strings.Contains(text, c.Deceased.NIK) {
			t.Error("the heir's receipt shows a NIK")
		}
		if got, ok := receiptcheck.QR(t, []byte(pdf.body)); ok && got != "http://localhost:8080/lacak?kode="+c.Code {
			t.Errorf("QR code %q", got)
		}

		wrongNIK := heir.post("/lacak/tanda-terima", url.Values{"code": {c.Code}, "heir_nik": {"3324155505800002"}})         // 3
		unknown := heir.post("/lacak/tanda-terima", url.Values{"code": {"SKM-0000-0000"}, "heir_nik": {"3324155505800002"}}) // 4
		for _, p := range []*page{wrongNIK, unknown} {
			p.want(http.StatusNotFound).has("Klaim tidak ditemukan.", "Kontak kantor layanan").hasNot(nik)
		}
		if a, b := strings.ReplaceAll(wrongNIK.body, c.Code, "SKM-0000-0000"), unknown.body; a != b {
			t.Error("a wrong NIK and an unknown code get different pages")
		}
		heir.post("/lacak/tanda-terima", url.Values{"code": {""}, "heir_nik": {""}}).want(http.StatusUnprocessableEntity) // 5
		// The sixth request this minute, tracking or receipt, is refused.
		heir.post("/lacak/tanda-terima", url.Values{"code": {c.Code}, "heir_nik": {nik}}).want(http.StatusTooManyRequests)
		heir.post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {nik}}).want(http.StatusTooManyRequests)
	})
}

// Every public page names whom to call: the landing page, the tracking
// form (with the code from the receipt's QR code filled in), the login
// page and a public error page; a staff error page does not.
func TestPublicPagesNameTheOffices(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		v := h.visitor()
		for _, path := range []string{"/", "/lacak?kode=SKM-7K3F-9Q2M", "/masuk", "/tidak-ada"} {
			p := v.get(path)
			p.has("Kontak kantor layanan", "Dinas Sosial Kabupaten Kendal", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal",
				"Layanan ini tidak dipungut biaya.", "Inspektorat Kabupaten Kendal")
		}
		v.get("/lacak?kode=SKM-7K3F-9Q2M").hasHTML(`value="SKM-7K3F-9Q2M"`)
		// A claim held by Dinas Sosial names it first.
		c := h.Verified(1)
		h.visitor().post("/lacak", url.Values{"code": {c.Code}, "heir_nik": {"3324155505800001"}}).want(http.StatusOK).
			has("Klaim Anda sedang di Dinas Sosial Kabupaten Kendal")
		h.staff(domain.RoleAuditor).get("/staf/klaim/0").want(http.StatusNotFound).hasNot("Kontak kantor layanan")
	})
}

// Printed, the staff claim page leaves off what is only for the screen:
// the NIKs, KK and account numbers and the phone are marked private, the
// actions, the register and the documents (with their upload form) and
// the trail's changed values are not printed (the stylesheet's print rules;
// browsertest checks them in Chromium).
func TestClaimPageMarksWhatIsNotPrinted(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		p := h.staff(domain.RoleDukcapilClerk).get(claimPath(c.ID)).want(http.StatusOK)
		for _, v := range []string{c.Deceased.NIK, c.Heir.NIK, "1234567890", "&#43;6281234567890"} {
			p.hasHTML(`<dd class="private">` + v + `</dd>`)
		}
		p.hasHTML(`<section class="card no-print" aria-labelledby="tindakan">`, `<section class="card no-print" id="dokumen"`)
	})
}
