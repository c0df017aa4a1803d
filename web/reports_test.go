package web_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

var (
	tags   = regexp.MustCompile(`<[^>]*>`)
	spaces = regexp.MustCompile(`\s+`)
)

// rowText is the text of the table row headed label (its cells, tags
// stripped, one space apart), or "" when the page has none.
func rowText(body, label string) string {
	label = html.EscapeString(label)
	i := strings.Index(body, `<th scope="row">`+label+`</th>`)
	if i < 0 {
		if i = strings.Index(body, `">`+label+`</a></th>`); i < 0 {
			return ""
		}
	}
	start := strings.LastIndex(body[:i], "<tr>")
	end := strings.Index(body[i:], "</tr>")
	if start < 0 || end < 0 {
		return ""
	}
	cells := tags.ReplaceAllString(body[start:i+end], " ")
	return strings.TrimSpace(spaces.ReplaceAllString(html.UnescapeString(cells), " "))
}

func (p *page) row(label, want string) *page {
	p.t.Helper()
	if got := rowText(p.body, label); got != want {
		p.t.Errorf("row %q: %q, want %q", label, got, want)
	}
	return p
}

// The head of office's pages on the seeded month (testserver.SeedReportMonth):
// the home is this month's report; /staf/laporan picks a month, the whole
// year or a kecamatan and keeps the choice; figures come with bars drawn in
// SVG and no script; the export downloads; a bad choice is refused beside
// its field.
func TestHeadOfOfficeReportPages(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		h := start(t, db, testserver.At(testserver.ReportStart))
		seeded := h.SeedReportMonth()
		head := h.staff(domain.RoleOfficeHead)

		home := head.get("/staf").want(http.StatusOK)
		home.has("Beranda Kepala Dinas", "Angka layanan Maret 2026, seluruh kabupaten.", "Buka laporan lengkap", "Laporan").
			hasHTML(`href="/staf/laporan?bulan=3&amp;tahun=2026"`, `href="/staf/laporan/unduh.xlsx?bulan=3&amp;tahun=2026"`,
				`<rect class="bar-fill" width="83" height="12"/>`, `aria-label="83,3%"`).
			row("Verifikasi kematian (Dukcapil)", "Verifikasi kematian (Dukcapil) 2 6 2 4 83,3% 1 1").
			row("Persetujuan (Dinas Sosial)", "Persetujuan (Dinas Sosial) 3 3 2 6 66,7% 1 0").
			row("Perbaikan rekening setelah transfer gagal", "Perbaikan rekening setelah transfer gagal 3 0 – – – 0 0").
			row("Plantungan", "Plantungan 2 1 0 1 5 100% 0 0").
			row("Kendal", "Kendal 3 1 1 0 6 100% 3 2").
			row("Pungutan liar / diminta uang", "Pungutan liar / diminta uang 1 0 0 0 1 0 0").
			row("Sampai diverifikasi", "Sampai diverifikasi 2 2 3 100%").
			row("Persyaratan", "Persyaratan 3,50").
			has(seeded["K4"].Code, "87,50", "Indeks Kepuasan Masyarakat (SKM)").
			hasHTML(`href="/staf/aduan?eskalasi=true"`, `<td><a href="/staf/aduan/`+itoa(seeded["K4"].ID)+`">`+seeded["K4"].Code+`</a></td>`).
			hasNot("Tidak ada aduan yang dieskalasi dan belum selesai.").
			hasNot("<script")
		if strings.Contains(home.body, "style=") {
			t.Error("the report has inline style, which the CSP refuses")
		}

		p := head.get("/staf/laporan?tahun=2026&bulan=3&kecamatan=332401").want(http.StatusOK)
		p.has("Angka layanan Maret 2026, Kecamatan Plantungan.", "Kembali ke seluruh kabupaten").
			hasHTML(`<option value="2026" selected>`, `<option value="3" selected>Maret</option>`,
				`<option value="332401" selected>Plantungan</option>`,
				`href="/staf/laporan/unduh.xlsx?bulan=3&amp;kecamatan=332401&amp;tahun=2026"`).
			row("Verifikasi kematian (Dukcapil)", "Verifikasi kematian (Dukcapil) 2 2 2 4 50% 0 0")
		if rowText(p.body, "Kendal") != "" {
			t.Error("a kecamatan's report lists another kecamatan")
		}

		y := head.get("/staf/laporan?tahun=2026&bulan=semua").want(http.StatusOK)
		y.has("Angka layanan Tahun 2026, seluruh kabupaten.", "Per bulan").
			hasHTML(`<option value="semua" selected>Setahun penuh</option>`).
			row("Februari", "Februari 1 0 0 0 – – –").
			row("Maret", "Maret 5 2 1 1 5 6 100%")

		// The current month when nothing is chosen.
		head.get("/staf/laporan").want(http.StatusOK).has("Angka layanan Maret 2026").
			hasHTML(`<option value="3" selected>Maret</option>`)

		bad := head.get("/staf/laporan?tahun=abc&bulan=13&kecamatan=99").want(http.StatusUnprocessableEntity)
		bad.has("Tahun", "Bulan", "Kecamatan").hasHTML(`id="e-tahun"`, `id="e-bulan"`, `id="e-kecamatan"`).hasNot("Angka layanan")
		head.get("/staf/laporan?tahun=2019&bulan=3&kecamatan=332201").want(http.StatusUnprocessableEntity).
			hasHTML(`id="e-tahun"`, `id="e-kecamatan"`)

		x := head.get("/staf/laporan/unduh.xlsx?tahun=2026&bulan=3").want(http.StatusOK)
		if x.header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ||
			!strings.Contains(x.header.Get("Content-Disposition"), "laporan-2026-03.xlsx") || !strings.HasPrefix(x.body, "PK") {
			t.Errorf("export %q %q", x.header.Get("Content-Type"), x.header.Get("Content-Disposition"))
		}
		head.get("/staf/laporan/unduh.xlsx?tahun=2026&bulan=x").want(http.StatusUnprocessableEntity).hasHTML(`id="e-bulan"`)

		// The menu: the officer and the auditor see the reports too, the
		// clerk does not, and their homes stay the queue.
		officer := h.staff(domain.RoleDinsosOfficer)
		officer.get("/staf").want(http.StatusOK).hasHTML(`href="/staf/laporan"`).hasNot("Beranda Kepala Dinas")
		// The officer's report has no complaints: counts could tell of a
		// pungli complaint kept from the office it names.
		officer.get("/staf/laporan?tahun=2026&bulan=3").want(http.StatusOK).has("Indeks Kepuasan Masyarakat (SKM)").
			hasNot(`id="r-complaints"`, "Pungutan liar / diminta uang")
		h.staff(domain.RoleAuditor).get("/staf/laporan").want(http.StatusOK)
		clerk := h.staff(domain.RoleDukcapilClerk)
		clerk.get("/staf").want(http.StatusOK).hasNot(`href="/staf/laporan"`)
		clerk.get("/staf/laporan").want(http.StatusForbidden)
	})
}
