package web_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// uploadResult posts the batch page's result form: the CSRF token of the
// last page, then the file, as a browser sends it.
func (v *visitor) uploadResult(batchPath, filename string, data []byte) *page {
	v.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("_csrf", v.csrf)
	if data != nil {
		part, err := w.CreateFormFile("file", filename)
		if err != nil {
			v.t.Fatal(err)
		}
		_, _ = part.Write(data)
	}
	if err := w.Close(); err != nil {
		v.t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, v.h.URL+batchPath+"/hasil", &buf)
	if err != nil {
		v.t.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	return v.do(req)
}

var (
	formPattern       = regexp.MustCompile(`(?s)<form[^>]*>.*?</form>`)
	filledCSRFPattern = regexp.MustCompile(`name="_csrf" value="[^"]+"`)
)

// postFormsCarryCSRF fails unless the page has forms that post and each
// carries the session's CSRF token.
func (p *page) postFormsCarryCSRF() *page {
	p.t.Helper()
	posts := 0
	for _, f := range formPattern.FindAllString(p.body, -1) {
		if strings.Contains(f[:strings.Index(f, ">")], `method="get"`) {
			continue
		}
		posts++
		if !filledCSRFPattern.MatchString(f) {
			p.t.Fatalf("a form without its CSRF token:\n%s", f)
		}
	}
	if posts == 0 {
		p.t.Fatal("the page has no form that posts")
	}
	return p
}

// batchLines reads a batch through the API, for its claim codes.
func (h *harness) batchLines(path string) testserver.Batch {
	h.T.Helper()
	var b testserver.Batch
	h.Expect(h.Do(http.MethodGet, "/api/v1/disbursements/"+strings.TrimPrefix(path, "/staf/pembayaran/"), domain.RoleAuditor, nil), http.StatusOK, &b)
	return b
}

func TestBatchFromBuildToPaidOnThePages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		claims := h.ApprovedClaims(4)
		treasurer := h.staff(domain.RoleTreasurer)
		home := treasurer.get("/staf").want(http.StatusOK)
		home.hasHTML(`<a class="btn" href="/staf/pembayaran/baru">Buat batch pembayaran</a>`, `<a href="/staf/pembayaran">Pembayaran</a>`)
		// The claim page has no payment buttons: the path is the batch.
		cp := treasurer.get(claimPath(claims[0].ID)).want(http.StatusOK)
		cp.has("Pembayaran dilakukan melalui batch pembayaran").hasNot("Mulai pembayaran", "Konfirmasi pembayaran")

		p := treasurer.get("/staf/pembayaran/baru").want(http.StatusOK).postFormsCarryCSRF()
		p.has("4 klaim disetujui menunggu pembayaran.", "Buat batch dari semua klaim yang disetujui", claims[3].Code)
		p = treasurer.post("/staf/pembayaran/baru", url.Values{}).want(http.StatusUnprocessableEntity)
		p.has("Centang paling sedikit satu klaim.")
		pick := url.Values{"claim_ids": {itoa(claims[0].ID), itoa(claims[1].ID), itoa(claims[2].ID)}}
		p = treasurer.post("/staf/pembayaran/baru", pick).wantRedirect("/staf/pembayaran/")
		batchPath := strings.SplitN(p.header.Get("Location"), "?", 2)[0]
		p = treasurer.follow(p).want(http.StatusOK).postFormsCarryCSRF()
		p.has("Batch pembayaran berhasil dibuat.", "Belum dikirim ke bank", "Rp3.000.000", "Menunggu hasil",
			"3 transfer senilai Rp3.000.000", "Seimbang", "Baris 1 sampai 3 dari 3.", "Belum dicek").
			hasHTML(`enctype="multipart/form-data"`, `name="file" type="file"`, `accept=".csv,text/csv"`,
				`action="`+batchPath+`/berkas-transfer"`, `href="`+batchPath+`/rekonsiliasi.xlsx" download`)
		// A claim already in a batch cannot go in another.
		treasurer.post("/staf/pembayaran/baru", url.Values{"claim_ids": {itoa(claims[0].ID)}}).want(http.StatusUnprocessableEntity).
			has("Daftar pembayaran ditolak", claims[0].Code, "Status klaim sekarang “Dalam proses pembayaran”")

		b := h.batchLines(batchPath)
		// Account names: one line by its own button, a mismatch flagged on the claim.
		treasurer.get(batchPath)
		field := func(i int) string { return "nama_" + itoa(b.Items[i].ClaimID) }
		p = treasurer.post(batchPath+"/cek-rekening", url.Values{"hanya": {itoa(b.Items[1].ClaimID)},
			field(0): {"SITI AMINAH"}, field(1): {"BUDI SANTOSO"}, "baris": {"0"}}).wantRedirect(batchPath + "?")
		p = treasurer.follow(p).want(http.StatusOK).has("Nama rekening dicek: 1 baris, 1 tidak sesuai.", "Tidak sesuai", "BUDI SANTOSO")
		if c := h.Claim(b.Items[1].ClaimID); !slices.Contains(c.Warnings, "account_name_mismatch") {
			t.Fatalf("mismatch not flagged on the claim: %v", c.Warnings)
		}
		if strings.Contains(p.body, "Sesuai</span>") {
			t.Fatal("the line whose button was not pressed was recorded")
		}
		treasurer.post(batchPath+"/cek-rekening", url.Values{field(0): {"  "}}).want(http.StatusUnprocessableEntity).
			has("Isi nama menurut bank pada paling sedikit satu baris.")
		treasurer.post(batchPath+"/cek-rekening", url.Values{field(0): {"SITI AMINAH"}, field(2): {"SITI\x01AMINAH"}}).
			want(http.StatusUnprocessableEntity).has("Isian mengandung karakter yang tidak diperbolehkan.", "Tidak ada nama yang disimpan").
			hasHTML(`value="SITI AMINAH"`)

		// The transfer file: nothing to download before it is taken; taking
		// it (a POST) records its lines as sent, the mismatched line held
		// back, and the batch counts as sent.
		treasurer.get(batchPath + "/berkas-transfer.csv").want(http.StatusConflict).has("belum pernah diambil untuk bank")
		treasurer.get(batchPath).has("Belum dikirim ke bank", "2 transfer senilai Rp2.000.000", "1 baris ditahan")
		transfer := treasurer.post(batchPath+"/berkas-transfer", url.Values{}).want(http.StatusOK)
		if transfer.header.Get("Content-Type") != "text/csv; charset=utf-8" || transfer.header.Get("X-Control-Count") != "2" ||
			transfer.header.Get("X-Held-Back") != "1" || strings.Contains(transfer.body, b.Items[1].ClaimCode) ||
			transfer.header.Get("Content-Disposition") != fmt.Sprintf(`attachment; filename="transfer-batch-%d.csv"`, b.ID) ||
			!strings.HasPrefix(transfer.body, "sequence,bank_code,account_number,account_name,amount,reference,remark\r\n") {
			t.Fatalf("transfer file %v %q", transfer.header, transfer.body)
		}
		if again := treasurer.get(batchPath + "/berkas-transfer.csv?berkas=1").want(http.StatusOK); again.body != transfer.body {
			t.Fatalf("downloaded again %q, sent %q", again.body, transfer.body)
		}
		treasurer.get(batchPath).has("Menunggu hasil bank", "28 November 2026 pukul 10.00 WIB", "Berkas #1: 2 baris, Rp2.000.000",
			"Terkirim, berkas #1", "Ditahan: nama rekening tidak cocok", "Tidak ada baris yang menunggu dikirim").
			hasHTML(`href="`+batchPath+`/berkas-transfer.csv?berkas=1" download`, `href="`+batchPath+`/baris/`+itoa(b.Items[1].ClaimID)+`"`).
			hasNot(`href="` + batchPath + `/baris/` + itoa(b.Items[0].ClaimID) + `"`)
		treasurer.post(batchPath+"/berkas-transfer", url.Values{}).want(http.StatusConflict).has("Tidak ada baris yang menunggu dikirim ke bank")

		// The held-back line is taken out of the batch, with a reason.
		held := batchPath + "/baris/" + itoa(b.Items[1].ClaimID)
		treasurer.get(held).want(http.StatusOK).postFormsCarryCSRF().has("Keluarkan dari batch", "Catat pembayaran gagal", "BUDI SANTOSO")
		treasurer.post(held+"/keluarkan", url.Values{"reason": {" "}}).want(http.StatusUnprocessableEntity).has("wajib diisi")
		p = treasurer.post(held+"/keluarkan", url.Values{"reason": {"Nama rekening berbeda"}}).wantRedirect(batchPath + "?")
		treasurer.follow(p).want(http.StatusOK).has("Baris klaim "+b.Items[1].ClaimCode+" dikeluarkan dari batch", "Dikeluarkan", "Nama rekening berbeda")
		if c := h.Claim(b.Items[1].ClaimID); c.Status != "approved" {
			t.Fatalf("withdrawn claim is %s", c.Status)
		}
		// A line the bank was sent is the bank's to answer.
		sent := batchPath + "/baris/" + itoa(b.Items[0].ClaimID)
		treasurer.get(sent).want(http.StatusOK).has("tidak dapat dikeluarkan").hasNot("Catat pembayaran gagal</button>")
		treasurer.post(sent+"/gagal", url.Values{"reason": {"x"}}).want(http.StatusConflict).has("sudah dikirim ke bank")

		// A file with a wrong amount: every bad line reported, nothing applied.
		bad := testserver.ResultsCSV(b, nil, 999)
		p = treasurer.uploadResult(batchPath, "hasil.csv", bad).want(http.StatusUnprocessableEntity)
		p.has("Berkas hasil transfer ditolak dan tidak ada yang diubah.", "Masalah pada berkas hasil", b.Items[0].ClaimCode,
			"Nilai berbeda dengan nilai yang dikirim untuk klaim ini.", "Berkas ditolak; lihat daftar masalah per baris.")
		if rows := regexp.MustCompile(`<td class="num">[234]</td>\s*<td>SKM-`).FindAllString(p.body, -1); len(rows) != 3 {
			t.Fatalf("report lists %d lines, want lines 2, 3 and 4", len(rows))
		}
		if c := h.Claim(b.Items[0].ClaimID); c.Status != "disbursing" {
			t.Fatalf("claim %s after a refused file", c.Status)
		}
		treasurer.uploadResult(batchPath, "kosong.csv", nil).want(http.StatusUnprocessableEntity).
			has("Pilih berkas hasil transfer dari bank terlebih dahulu.")
		treasurer.uploadResult(batchPath, "bukan.csv", []byte("nama,nilai\nx,1\n")).want(http.StatusUnprocessableEntity).
			has("Judul kolom tidak memuat kolom ini.", "Referensi (kode klaim)")

		// The right file: one paid, one failed. The same file again changes nothing.
		sentLines := b
		sentLines.Items = []testserver.BatchItem{b.Items[0], b.Items[2]}
		good := testserver.ResultsCSV(sentLines, map[string]string{b.Items[2].ClaimCode: "REKENING DITUTUP"}, 1_000_000)
		p = treasurer.uploadResult(batchPath, "hasil.csv", good).wantRedirect(batchPath + "?")
		treasurer.follow(p).want(http.StatusOK).has("Hasil bank diterapkan: 1 klaim dibayar, 1 gagal, 0 tidak berubah.",
			"Selesai", "Ref. JTG-1", "REKENING DITUTUP", "Seimbang").hasNot("Unggah dan terapkan hasil")
		for i, want := range []string{"paid", "approved", "payment_failed"} {
			if c := h.Claim(b.Items[i].ClaimID); c.Status != want {
				t.Fatalf("line %d: claim %s, want %s", i+1, c.Status, want)
			}
		}
		// The batch is closed: a second upload is still recognised, not applied twice.
		treasurer.get(batchPath)
		p = treasurer.uploadResult(batchPath, "hasil.csv", good).wantRedirect(batchPath + "?")
		treasurer.follow(p).has("Berkas ini sudah pernah diterapkan; tidak ada yang berubah (2 baris sudah tercatat).")

		// Readers see it all, act on nothing.
		for _, role := range []domain.Role{domain.RoleAuditor, domain.RoleDinsosOfficer} {
			r := h.staff(role)
			r.get(batchPath).want(http.StatusOK).has("Rp1.000.000", "Berhasil dibayar", "Dikeluarkan dari batch", "Seimbang", "Berkas #1").
				hasNot("Catat terkirim", "Unduh lagi", "Simpan semua nama", "Keluarkan atau catat gagal")
			xlsx := r.get(batchPath + "/rekonsiliasi.xlsx").want(http.StatusOK)
			if !strings.HasPrefix(xlsx.body, "PK") || xlsx.header.Get("Content-Disposition") != fmt.Sprintf(`attachment; filename="rekonsiliasi-batch-%d.xlsx"`, b.ID) {
				t.Fatalf("reconciliation for %s: %v", role, xlsx.header)
			}
			r.get(batchPath + "/berkas-transfer.csv").want(http.StatusForbidden)
			r.post(batchPath+"/berkas-transfer", url.Values{}).want(http.StatusForbidden)
			r.get(held).want(http.StatusForbidden)
			r.uploadResult(batchPath, "hasil.csv", good).want(http.StatusForbidden)
			r.post(batchPath+"/cek-rekening", url.Values{field(0): {"X"}}).want(http.StatusForbidden)
			r.post("/staf/pembayaran/baru", url.Values{"semua": {"true"}}).want(http.StatusForbidden)
			r.get("/staf/pembayaran").want(http.StatusOK).has("Batch #"+itoa(b.ID), "Selesai")
		}
		// The claim pages name their batch.
		officer := h.staff(domain.RoleDinsosOfficer)
		officer.get(claimPath(b.Items[0].ClaimID)).has("Batch #"+itoa(b.ID), "Dibayar", "Ref. JTG-1").hasHTML(`href="` + batchPath + `"`)
		officer.get(claimPath(b.Items[2].ClaimID)).has("Gagal", "REKENING DITUTUP", "Ulangi pembayaran")

		// The approved claims left, the withdrawn one among them, go into a
		// batch of "all approved"; the withdrawn one is still held back.
		treasurer.get("/staf/pembayaran/baru")
		p = treasurer.post("/staf/pembayaran/baru", url.Values{"semua": {"true"}}).wantRedirect("/staf/pembayaran/")
		treasurer.follow(p).want(http.StatusOK).has("Rp2.000.000", claims[3].Code, b.Items[1].ClaimCode,
			"Ditahan: nama rekening tidak cocok", "1 transfer senilai Rp1.000.000")
		// There it is failed by hand, for the officer to correct the account.
		nextPath := strings.SplitN(p.header.Get("Location"), "?", 2)[0]
		heldAgain := nextPath + "/baris/" + itoa(b.Items[1].ClaimID)
		treasurer.get(heldAgain).want(http.StatusOK)
		p = treasurer.post(heldAgain+"/gagal", url.Values{"reason": {"Rekening atas nama orang lain"}}).wantRedirect(nextPath + "?")
		treasurer.follow(p).want(http.StatusOK).has("Baris klaim "+b.Items[1].ClaimCode+" dicatat gagal", "Rekening atas nama orang lain")
		if c := h.Claim(b.Items[1].ClaimID); c.Status != "payment_failed" {
			t.Fatalf("failed claim is %s", c.Status)
		}
		treasurer.get(claimPath(claims[3].ID)).has("Dalam batch #")
		treasurer.post("/staf/pembayaran/baru", url.Values{"semua": {"true"}}).want(http.StatusUnprocessableEntity).
			has("Tidak ada klaim disetujui yang menunggu pembayaran")
		treasurer.get("/staf/pembayaran?status=open").want(http.StatusOK).has("Belum dikirim ke bank").hasNot("Batch #" + itoa(b.ID) + "<")
		treasurer.get("/staf/pembayaran?status=bukan").want(http.StatusUnprocessableEntity)
	})
}

// A result file over the limit is answered with the batch page, unread.
func TestResultFileTooLargeOnThePage(t *testing.T) {
	h := start(t, testdb.SQLite(t))
	claims := h.ApprovedClaims(1)
	var b testserver.Batch
	h.Expect(h.Do(http.MethodPost, "/api/v1/disbursements", domain.RoleTreasurer, map[string]any{"claim_ids": []int64{claims[0].ID}}), http.StatusCreated, &b)
	treasurer := h.staff(domain.RoleTreasurer)
	path := "/staf/pembayaran/" + itoa(b.ID)
	treasurer.get(path)
	p := treasurer.uploadResult(path, "besar.csv", bytes.Repeat([]byte("a"), 3<<20)).want(http.StatusRequestEntityTooLarge)
	p.has("Berkas terlalu besar. Berkas hasil paling besar 2 MB; tidak ada yang diterapkan.", "Batch #"+itoa(b.ID))
	if c := h.Claim(claims[0].ID); c.Status != "disbursing" {
		t.Fatalf("claim %s", c.Status)
	}
}

// The clerk has no payment pages; the menu shows each role its own.
func TestPaymentPagesByRole(t *testing.T) {
	h := start(t, testdb.SQLite(t))
	clerk := h.staff(domain.RoleDukcapilClerk)
	for _, path := range []string{"/staf/anggaran", "/staf/sk", "/staf/sk/baru", "/staf/pembayaran", "/staf/pembayaran/baru",
		"/staf/pembayaran/1", "/staf/pembayaran/1/rekonsiliasi.xlsx", "/staf/sk/1/penerima.pdf"} {
		clerk.get(path).want(http.StatusForbidden)
	}
	clerk.get("/staf").hasNot("/staf/sk", "/staf/pembayaran", "/staf/anggaran")
	menus := map[domain.Role][]string{
		domain.RoleDinsosOfficer: {"/staf/sk", "/staf/pembayaran", "/staf/anggaran"},
		domain.RoleTreasurer:     {"/staf/sk", "/staf/pembayaran", "/staf/anggaran"},
		domain.RoleAuditor:       {"/staf/sk", "/staf/pembayaran", "/staf/anggaran"},
	}
	for role, paths := range menus {
		p := h.staff(role).get("/staf").want(http.StatusOK)
		for _, path := range paths {
			p.hasHTML(`<li><a href="` + path + `">`)
		}
	}
	h.staff(domain.RoleDinsosOfficer).get("/staf").hasHTML(`<a class="btn" href="/staf/sk/baru">Buat SK penetapan</a>`)
	admin := h.staff(domain.RoleAdmin).get("/staf/pengguna").want(http.StatusOK)
	admin.hasHTML(`<li><a href="/staf/anggaran">`).hasNot("/staf/pembayaran")
	h.staff(domain.RoleAuditor).get("/staf/pembayaran/987654").want(http.StatusNotFound)
}
