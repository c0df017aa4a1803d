package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"santunan/database"
	"santunan/documents"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// postFile sends a form with a file as a browser does (multipart/form-data):
// the fields, the CSRF token of the last page unless fields has its own,
// then the file. A nil data sends no file part.
func (v *visitor) postFile(path string, fields url.Values, fileField, filename string, data []byte) *page {
	v.t.Helper()
	if _, ok := fields["_csrf"]; !ok {
		fields.Set("_csrf", v.csrf)
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, vals := range fields {
		for _, val := range vals {
			_ = w.WriteField(k, val)
		}
	}
	if data != nil {
		hdr := textproto.MIMEHeader{}
		hdr.Set("Content-Disposition", `form-data; name="`+fileField+`"; filename="`+filename+`"`)
		hdr.Set("Content-Type", "application/octet-stream")
		part, err := w.CreatePart(hdr)
		if err != nil {
			v.t.Fatal(err)
		}
		_, _ = part.Write(data)
	}
	if err := w.Close(); err != nil {
		v.t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, v.h.URL+path, &buf)
	if err != nil {
		v.t.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	return v.do(req)
}

func uploadPath(id int64) string { return claimPath(id) + "/dokumen" }

// uploadOnPage posts the claim page's upload form.
func (v *visitor) uploadOnPage(id int64, kind, filename string, data []byte) *page {
	v.t.Helper()
	return v.postFile(uploadPath(id), url.Values{"kind": {kind}}, "file", filename, data)
}

var sha256Pattern = regexp.MustCompile(`title="([0-9a-f]{64})"`)

func TestDocumentUploadedFromTheClaimPage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		clerk := h.staff(domain.RoleDukcapilClerk)
		p := clerk.get(claimPath(c.ID)).want(http.StatusOK)
		p.has("Dokumen", "Belum ada dokumen yang diunggah.", "Akta kematian", "Belum ada",
			"Dokumen untuk “Verifikasi kematian” belum lengkap: Akta kematian.",
			"Dokumen untuk “Setujui” belum lengkap: KTP ahli waris, Kartu Keluarga, Surat keterangan ahli waris, Buku tabungan.")
		p.hasHTML(`action="`+uploadPath(c.ID)+`" novalidate enctype="multipart/form-data"`, `<input id="f-doc-file" name="file" type="file"`,
			`<option value="akta_kematian">Akta kematian</option>`)
		if !regexp.MustCompile(`(?s)action="` + uploadPath(c.ID) + `".*?name="_csrf" value="[^"]+"`).MatchString(p.body) {
			t.Fatal("the upload form has no CSRF token")
		}

		r := clerk.uploadOnPage(c.ID, "akta_kematian", "akta ahmad.pdf", testserver.SamplePDF).wantRedirect(claimPath(c.ID) + "?diunggah=akta_kematian")
		p = clerk.follow(r).want(http.StatusOK)
		p.has("Dokumen “Akta kematian” berhasil diunggah.", "akta ahmad.pdf", "PDF · 51 B", "Lengkap",
			"Dokumen untuk “Verifikasi kematian” sudah lengkap.", "dukcapil_clerk", "28 November 2026 pukul 10.00 WIB")
		sha := regexpFind(t, p.body, sha256Pattern.String())
		p.has("Dokumen diunggah: Akta kematian (SHA-256 "+sha[:12]+")", sha[:12])
		p.hasHTML(`href="` + claimPath(c.ID) + `/dokumen/`)
		if strings.Contains(p.body, "Alasan: akta_kematian") {
			t.Fatal("the timeline shows the kind code as a reason")
		}

		// A new akta replaces the current one; the old stays as a version.
		r = clerk.uploadOnPage(c.ID, "akta_kematian", "akta-baru.png", testserver.SamplePNG).wantRedirect(claimPath(c.ID))
		p = clerk.follow(r).want(http.StatusOK)
		p.has("akta-baru.png", "PNG", "Versi lama yang sudah diganti (1)", "akta ahmad.pdf", "diganti 28 November 2026 pukul 10.00 WIB",
			"Dokumen diganti: Akta kematian", "SHA-256 Akta kematian: "+sha[:12]+" → ")
		if strings.Index(p.body, "Dokumen diganti") > strings.Index(p.body, "Dokumen diunggah") {
			t.Fatal("timeline is not newest first")
		}
	})
}

func TestUploadErrorsShowOnTheClaimPage(t *testing.T) {
	over := append(append([]byte(nil), testserver.SamplePDF...), make([]byte, documents.DefaultMaxBytes+1-len(testserver.SamplePDF))...)
	cases := []struct {
		name, kind string
		data       []byte
		status     int
		texts      []string
		kept       bool // the kind chosen is selected again
	}{
		{"HTML named .pdf", "ktp_ahli_waris", testserver.SampleHTML, http.StatusUnsupportedMediaType,
			[]string{"Dokumen tidak diunggah.", "Berkas harus berupa PDF, JPEG atau PNG. Jenis berkas dinilai dari isinya, bukan dari namanya."}, true},
		{"one byte over 5 MB", "buku_tabungan", over, http.StatusRequestEntityTooLarge,
			[]string{"Berkas lebih besar dari 5 MB."}, true},
		{"far over the limit", "buku_tabungan", make([]byte, 7<<20), http.StatusRequestEntityTooLarge,
			[]string{"Berkas lebih besar dari 5 MB."}, false},
		{"no file", "kartu_keluarga", nil, http.StatusUnprocessableEntity, []string{"Berkas: Wajib diisi."}, true},
		{"no kind", "", testserver.SamplePDF, http.StatusUnprocessableEntity, []string{"Jenis dokumen: Wajib diisi."}, false},
	}
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get(claimPath(c.ID))
		for _, tt := range cases {
			t.Run(tt.name, func(t *testing.T) {
				clerk.t = t
				p := clerk.uploadOnPage(c.ID, tt.kind, "berkas.pdf", tt.data).want(tt.status)
				p.has(append(tt.texts, "Ke formulir unggah dokumen", "Ahmad Fauzi")...)
				p.hasHTML(`aria-invalid="true"`)
				if tt.kept {
					p.hasHTML(`<option value="` + tt.kind + `" selected>`)
				}
			})
		}
		clerk.t = t
		p := clerk.get(claimPath(c.ID)).has("Belum ada dokumen yang diunggah.")
		// Without the CSRF token nothing is uploaded.
		clerk.postFile(uploadPath(c.ID), url.Values{"kind": {"lainnya"}, "_csrf": {"palsu"}}, "file", "x.pdf", testserver.SamplePDF).
			want(http.StatusForbidden).has("Formulir tidak dapat diterima")
		// A closed claim's documents are frozen: no form, and a stale one is refused.
		h.Act(c, domain.RoleDukcapilClerk, "reject", map[string]any{"reason": "Bukan warga Kendal"})
		clerk.uploadOnPage(c.ID, "lainnya", "x.pdf", testserver.SamplePDF).want(http.StatusConflict).
			has("Dokumen tidak diunggah.", "status klaim sekarang “Ditolak”", "Klaim ini sudah selesai; dokumennya tidak dapat diubah lagi.")
		p = clerk.get(claimPath(c.ID)).want(http.StatusOK).has("Belum ada dokumen yang diunggah.")
		if strings.Contains(p.body, `action="`+uploadPath(c.ID)+`"`) {
			t.Fatal("a closed claim offers the upload form")
		}
	})
}

// Each role sees the documents its service lets it see: the treasurer and
// the auditor read, never upload; the treasurer opens only the bank book.
func TestDocumentsOnTheClaimPageByRole(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		akta := h.Attach(c, "akta_kematian", testserver.SamplePDF)
		book := h.Attach(c, "buku_tabungan", testserver.SampleJPEG)
		aktaHref, bookHref := `href="`+claimPath(c.ID)+`/dokumen/`+itoa(akta.ID)+`"`, `href="`+claimPath(c.ID)+`/dokumen/`+itoa(book.ID)+`"`
		cases := []struct {
			role             domain.Role
			upload, akta, bk bool
			register         bool
		}{
			{domain.RoleDukcapilClerk, true, true, true, true},
			{domain.RoleDinsosOfficer, true, true, true, true},
			{domain.RoleTreasurer, false, false, true, false},
			{domain.RoleAuditor, false, true, true, true},
		}
		for _, tt := range cases {
			p := h.staff(tt.role).get(claimPath(c.ID)).want(http.StatusOK)
			p.has("akta_kematian.pdf", "buku_tabungan.pdf", "Dokumen untuk “Verifikasi kematian” sudah lengkap.")
			got := []bool{strings.Contains(p.body, `action="`+uploadPath(c.ID)+`"`), strings.Contains(p.body, aktaHref),
				strings.Contains(p.body, bookHref), strings.Contains(p.body, "Register kematian Dukcapil")}
			want := []bool{tt.upload, tt.akta, tt.bk, tt.register}
			for i, name := range []string{"upload form", "akta link", "bank book link", "register match"} {
				if got[i] != want[i] {
					t.Errorf("%s: %s shown=%t, want %t", tt.role, name, got[i], want[i])
				}
			}
		}
		treasurer := h.staff(domain.RoleTreasurer)
		treasurer.get(claimPath(c.ID))
		treasurer.uploadOnPage(c.ID, "lainnya", "x.pdf", testserver.SamplePDF).want(http.StatusForbidden)
		auditor := h.staff(domain.RoleAuditor)
		auditor.get(claimPath(c.ID))
		auditor.uploadOnPage(c.ID, "lainnya", "x.pdf", testserver.SamplePDF).want(http.StatusForbidden)
		var list struct {
			Documents []testserver.Document `json:"documents"`
		}
		h.Expect(h.Do(http.MethodGet, testserver.DocumentsPath(c.ID), domain.RoleAuditor, nil), http.StatusOK, &list)
		if len(list.Documents) != 2 {
			t.Fatalf("refused uploads were stored: %+v", list.Documents)
		}
	})
}

func TestDocumentDownloadFromThePageIsAudited(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		akta := h.Attach(c, "akta_kematian", testserver.SamplePNG)
		clerk := h.staff(domain.RoleDukcapilClerk)
		href := claimPath(c.ID) + "/dokumen/" + itoa(akta.ID)
		clerk.get(claimPath(c.ID)).hasHTML(`href="` + href + `" download`)
		p := clerk.get(href).want(http.StatusOK)
		if p.body != string(testserver.SamplePNG) || p.header.Get("Content-Type") != "image/png" ||
			p.header.Get("Content-Disposition") != "attachment; filename=akta_kematian.pdf" ||
			!strings.HasPrefix(p.header.Get("Content-Security-Policy"), "sandbox") || p.header.Get("X-Content-SHA256") != akta.SHA256 {
			t.Fatalf("download: %v", p.header)
		}
		h.staff(domain.RoleTreasurer).get(href).want(http.StatusForbidden).has(text(t, "error.forbidden"))
		clerk.get(claimPath(c.ID) + "/dokumen/999999").want(http.StatusNotFound)
		clerk.get(claimPath(c.ID) + "/dokumen/abc").want(http.StatusNotFound)

		var log struct {
			Entries []struct {
				ActorUsername string `json:"actor_username"`
				Kind          string `json:"kind"`
			} `json:"entries"`
		}
		h.Expect(h.Do(http.MethodGet, testserver.DocumentsPath(c.ID)+"/access-log", domain.RoleAuditor, nil), http.StatusOK, &log)
		if len(log.Entries) != 1 || log.Entries[0].ActorUsername != "dukcapil_clerk" || log.Entries[0].Kind != "akta_kematian" {
			t.Fatalf("access log %+v", log.Entries)
		}
	})
}

// text is a page text, for tests that compare with what a page says.
func text(t *testing.T, key string) string {
	t.Helper()
	if !i18n.HasText(key) {
		t.Fatalf("no text %s", key)
	}
	return i18n.Text(i18n.Indonesian, key)
}

// A refused verify or approve names the documents that are missing.
func TestMissingDocumentsAreNamedOnThePage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get(claimPath(c.ID))
		clerk.post(actionPagePath(c.ID, "verify_death"), actionForm(c.Version, "death_certificate_no", "3324-KM-20112026-0001")).
			want(http.StatusUnprocessableEntity).
			has("Dokumen wajib untuk “Verifikasi kematian” belum lengkap: Akta kematian.", "Diajukan", "Muat ulang klaim")

		h.Attach(c, "akta_kematian", testserver.SamplePDF)
		h.Attach(c, "kartu_keluarga", testserver.SamplePDF)
		c = h.Act(c, domain.RoleDukcapilClerk, "verify_death", map[string]any{"death_certificate_no": "3324-KM-20112026-0001"})
		officer := h.staff(domain.RoleDinsosOfficer)
		officer.get(claimPath(c.ID))
		officer.post(actionPagePath(c.ID, "approve"), actionForm(c.Version)).want(http.StatusUnprocessableEntity).
			has("Dokumen wajib untuk “Setujui” belum lengkap: KTP ahli waris, Surat keterangan ahli waris, Buku tabungan.",
				"Kematian terverifikasi")
	})
}

// A file's name uploaded from the claim page is cleaned, not refused (the
// file is the evidence, its name only a hint): no bidi control makes an
// .exe read as a .jpg, and no zero-width character reaches the claim page.
func TestUploadedFileNamesAreCleanedOnThePage(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db)
		c := h.File(1)
		clerk := h.staff(domain.RoleDukcapilClerk)
		var kept []string
		for _, n := range testserver.FileNames {
			if strings.ContainsAny(n.Sent, "\x00\x1b\xff") {
				continue // no browser's form sends these
			}
			// A browser's form sends the name quoted, as it is.
			clerk.get(claimPath(c.ID)).want(http.StatusOK)
			clerk.uploadOnPage(c.ID, "lainnya", n.Sent, testserver.SamplePDF).wantRedirect(claimPath(c.ID))
			kept = append(kept, n.Kept)
		}
		p := clerk.get(claimPath(c.ID)).want(http.StatusOK).has(kept...)
		for _, r := range []string{"\u202e", "\u202d", "\u2066", "\u200b", "\ufeff", "\u200e"} {
			if strings.Contains(p.body, r) {
				t.Errorf("the claim page shows %q", r)
			}
		}
	})
}
