package receipts_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"santunan/config"
	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/receiptcheck"
	"santunan/pdfdoc"
	"santunan/receipts"
)

func sample() receipts.Receipt {
	return receipts.Receipt{
		Code: "SKM-7K3F-9Q2M", TrackURL: receipts.TrackURL("https://santunan.kendalkab.go.id/", "SKM-7K3F-9Q2M"),
		FiledAt:  time.Date(2026, 11, 28, 3, 5, 0, 0, time.UTC),
		Deceased: i18n.MaskName("Ahmad Fauzi"), Status: domain.StatusSubmitted,
		Documents: []domain.DocumentKind{domain.DocumentAktaKematian, domain.DocumentBukuTabungan},
		Offices: []domain.Office{
			{Key: domain.OfficeDukcapil, Name: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal",
				Address: "Jl. Soekarno-Hatta No. 1, Kendal", Phone: "(0294) 381234", WhatsApp: "+6281200000001", Hours: "Senin–Jumat 08.00–15.00"},
			{Key: domain.OfficeDinsos, Name: "Dinas Sosial Kabupaten Kendal", Address: "Jl. Pemuda No. 2, Kendal",
				Phone: "(0294) 385678", Hours: "Senin–Jumat 08.00–15.00"},
		},
		Complaints: []string{"LAPOR! (SP4N): www.lapor.go.id atau SMS 1708", "Inspektorat Kabupaten Kendal"},
		Standard:   config.DefaultStandard(),
	}
}

// The receipt's PDF on both papers says what the heir needs, on one page:
// the code, the date in WIB, the masked name, each document, the steps with
// their times, both offices' contacts with the holding office named, the
// no-fee sentence and where to report; and its QR code, printed, reads as
// the tracking link with the code filled in.
func TestReceiptPDF(t *testing.T) {
	r := sample()
	for _, paper := range []pdfdoc.Paper{pdfdoc.A5, pdfdoc.A4} {
		t.Run(paper.Name, func(t *testing.T) {
			data, err := receipts.PDF(r, i18n.Indonesian, paper)
			if err != nil {
				t.Fatal(err)
			}
			if dir := os.Getenv("SANTUNAN_PDF_OUT"); dir != "" { // to look at it: pdftoppm -png
				if err := os.WriteFile(filepath.Join(dir, "receipt-"+paper.Name+".pdf"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			text := receiptcheck.Text(t, data)
			for _, s := range []string{"Tanda terima pengajuan santunan kematian", "SKM-7K3F-9Q2M",
				"Tanggal pengajuan: 28 November 2026 pukul 10.05 WIB", "A*** F***", "Akta kematian", "Buku tabungan",
				"Klaim Anda sedang di Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal.",
				"Dinas Sosial Kabupaten Kendal", "Telepon (0294) 385678", "WhatsApp +6281200000001",
				"Jl. Pemuda No. 2, Kendal", "Jam layanan: Senin–Jumat 08.00–15.00", "Paling lambat 2 hari kerja",
				"Layanan ini tidak dipungut biaya.", "yang meminta uang atau imbalan, laporkan ke:",
				"LAPOR! (SP4N): www.lapor.go.id atau SMS 1708", "Inspektorat Kabupaten Kendal"} {
				if !strings.Contains(text, s) {
					t.Errorf("the receipt lacks %q:\n%s", s, text)
				}
			}
			for _, s := range []string{"Ahmad", "Fauzi", "KTP ahli waris"} {
				if strings.Contains(text, s) {
					t.Errorf("the receipt shows %q", s)
				}
			}
			if n := receiptcheck.Pages(t, data); n != 1 {
				t.Errorf("%d pages, want the receipt on one", n)
			}
			if got, ok := receiptcheck.QR(t, data); ok && got != r.TrackURL {
				t.Errorf("the printed QR code reads %q, want %q", got, r.TrackURL)
			}
		})
	}
}

// A claim without documents yet says so, rather than an empty list.
func TestReceiptWithoutDocuments(t *testing.T) {
	r := sample()
	r.Documents = nil
	data, err := receipts.PDF(r, i18n.Indonesian, pdfdoc.A5)
	if err != nil {
		t.Fatal(err)
	}
	if text := receiptcheck.Text(t, data); !strings.Contains(text, "Belum ada dokumen yang diterima.") {
		t.Errorf("no word on the missing documents:\n%s", text)
	}
}

// The QR code alone decodes to the tracking link, for the shortest and the
// longest public origins a deployment may set.
func TestQRPNGDecodes(t *testing.T) {
	for _, url := range []string{receipts.TrackURL("http://localhost:8080", "SKM-0000-0000"),
		receipts.TrackURL("https://santunan-kematian.dinsos.kendalkab.go.id", "SKM-ZZZZ-ZZZZ")} {
		png, err := receipts.QRPNG(url)
		if err != nil {
			t.Fatal(err)
		}
		if got := receiptcheck.PNG(t, png); got != url {
			t.Errorf("QR code reads %q, want %q", got, url)
		}
	}
}

func TestTrackURL(t *testing.T) {
	for _, c := range []struct{ origin, code, want string }{
		{"https://x.example", "SKM-7K3F-9Q2M", "https://x.example/lacak?kode=SKM-7K3F-9Q2M"},
		{"https://x.example/", "SKM-7K3F-9Q2M", "https://x.example/lacak?kode=SKM-7K3F-9Q2M"},
		{"http://localhost:8080", "SKM 7K3F&x", "http://localhost:8080/lacak?kode=SKM+7K3F%26x"},
	} {
		if got := receipts.TrackURL(c.origin, c.code); got != c.want {
			t.Errorf("TrackURL(%q, %q) = %q, want %q", c.origin, c.code, got, c.want)
		}
	}
}
