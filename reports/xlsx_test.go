package reports_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"santunan/domain"
	"santunan/internal/testserver"
)

// readXLSX fetches an export through the API as the head of office and
// returns its sheets' rows by sheet name, in order, and its file name.
func readXLSX(t *testing.T, s *testserver.Server, query string) (map[string][][]string, []string, string) {
	t.Helper()
	resp := s.Do(http.MethodGet, "/api/v1/reports/"+query, domain.RoleOfficeHead, nil)
	name := resp.Header.Get("Content-Disposition")
	raw := s.Expect(resp, http.StatusOK, nil)
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("%s is no workbook: %v", query, err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		out[sheet] = rows
	}
	return out, f.GetSheetList(), name
}

// rowOf finds the row whose first cell is first.
func rowOf(t *testing.T, rows [][]string, first string) []string {
	t.Helper()
	for _, r := range rows {
		if len(r) > 0 && r[0] == first {
			return r
		}
	}
	t.Fatalf("no row %q in %v", first, rows)
	return nil
}

func wantRow(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%s: %q, want %q", what, got, want)
	}
}

// The seeded month's workbook, read back: one sheet per section with
// Indonesian headers, the same figures as the JSON.
func checkSeededXLSX(t *testing.T, s *testserver.Server) {
	t.Helper()
	book, sheets, name := readXLSX(t, s, "monthly.xlsx?year=2026&month=3")
	if !strings.Contains(name, `filename="laporan-2026-03.xlsx"`) {
		t.Errorf("Content-Disposition %q", name)
	}
	wantRow(t, "sheets", sheets, "Ringkasan", "Tahapan", "Klaim saat ini", "Kecamatan", "Aduan", "SKM")
	sum := book["Ringkasan"]
	wantRow(t, "title", sum[0], "Laporan layanan santunan kematian")
	wantRow(t, "period", rowOf(t, sum, "Periode"), "Periode", "Maret 2026")
	wantRow(t, "area", rowOf(t, sum, "Wilayah"), "Wilayah", "seluruh kabupaten")
	wantRow(t, "filed", rowOf(t, sum, "Diajukan"), "Diajukan", "5")
	wantRow(t, "paid", rowOf(t, sum, "Dibayar"), "Dibayar", "2")
	wantRow(t, "median", rowOf(t, sum, "Median (hari kerja)"), "Median (hari kerja)", "5")
	wantRow(t, "target", rowOf(t, sum, "% dalam target Bupati"), "% dalam target Bupati", "0.00%")

	st := book["Tahapan"]
	wantRow(t, "stages header", st[0], "Tahap", "Standar (hari kerja)", "Selesai dalam periode", "Median (hari kerja)",
		"Persentil ke-90 (hari kerja)", "Dalam standar", "% dalam standar", "Sedang berjalan", "Lewat tenggat")
	wantRow(t, "verify", rowOf(t, st, "Verifikasi kematian (Dukcapil)"),
		"Verifikasi kematian (Dukcapil)", "2", "6", "2", "4", "5", "83.33%", "1", "1")
	wantRow(t, "approve", rowOf(t, st, "Persetujuan (Dinas Sosial)"),
		"Persetujuan (Dinas Sosial)", "3", "3", "2", "6", "2", "66.67%", "1", "0")
	// No repayment: the days are empty cells, not zeros.
	wantRow(t, "repay", rowOf(t, st, "Perbaikan rekening setelah transfer gagal"),
		"Perbaikan rekening setelah transfer gagal", "3", "0", "", "", "0", "0.00%", "0", "0")
	wantRow(t, "end to end", rowOf(t, st, "Pengajuan sampai dibayar"),
		"Pengajuan sampai dibayar", "10", "2", "5", "6", "2", "100.00%")

	now := book["Klaim saat ini"]
	wantRow(t, "now header", now[0], "Status", "Tahap", "Jumlah", "Lewat tenggat")
	if len(now) != 8 {
		t.Errorf("%d rows of claims now, want a header and 7 open statuses", len(now))
	}
	kec := book["Kecamatan"]
	if len(kec) != 21 {
		t.Errorf("%d kecamatan rows, want a header and 20", len(kec))
	}
	wantRow(t, "Plantungan", rowOf(t, kec, testserver.ReportKecamatanPlantungan),
		"332401", "Plantungan", "2", "1", "0", "1", "5", "5", "100.00%", "0.00%", "0", "0")

	adu := book["Aduan"]
	wantRow(t, "complaints header", adu[0], "Kategori", "Jumlah", "Diterima", "Diverifikasi", "Bukan kewenangan",
		"Didisposisikan", "Dijawab", "Selesai")
	wantRow(t, "pungli", rowOf(t, adu, "Pungutan liar / diminta uang"), "Pungutan liar / diminta uang", "1", "0", "0", "0", "1", "0", "0")
	wantRow(t, "to verify", rowOf(t, adu, "Sampai diverifikasi"), "Sampai diverifikasi", "2", "2", "3", "2", "100.00%")
	skm := book["SKM"]
	wantRow(t, "SKM element", rowOf(t, skm, "Persyaratan"), "Persyaratan", "3.5")
	wantRow(t, "SKM index", rowOf(t, skm, "Indeks SKM"), "Indeks SKM", "87.5")

	year, sheets, name := readXLSX(t, s, "yearly.xlsx?year=2026&kecamatan="+testserver.ReportKecamatanKendal)
	if !strings.Contains(name, `filename="laporan-2026-332415.xlsx"`) {
		t.Errorf("Content-Disposition %q", name)
	}
	wantRow(t, "year's sheets", sheets, "Ringkasan", "Tahapan", "Klaim saat ini", "Kecamatan", "Per bulan", "Aduan", "SKM")
	wantRow(t, "year's area", rowOf(t, year["Ringkasan"], "Wilayah"), "Wilayah", "Kecamatan Kendal")
	months := year["Per bulan"]
	if len(months) != 13 {
		t.Fatalf("%d month rows", len(months))
	}
	wantRow(t, "February", rowOf(t, months, "Februari")[:3], "Februari", "1", "0")
	wantRow(t, "March", rowOf(t, months, "Maret")[:9], "Maret", "3", "1", "1", "0", "6", "6", "100.00%", "0.00%")
}
