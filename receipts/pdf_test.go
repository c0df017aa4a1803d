package receipts_test

import (
	"bytes"
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	gzqr "github.com/makiuchi-d/gozxing/qrcode"

	"santunan/domain"
	"santunan/i18n"
	"santunan/internal/pdftext"
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
	}
}

// TextOf is every line a PDF shows, as a reader lays them out.
func textOf(t *testing.T, data []byte) string {
	t.Helper()
	pages, err := pdftext.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range pages {
		lines = append(lines, p.Texts()...)
	}
	return strings.Join(lines, " ")
}

// The receipt's PDF on both papers says what the heir needs: the code,
// the date in WIB, the masked name, each document, the five steps with
// their times, both offices' contacts with the holding office named, the
// no-fee sentence and where to report, and the tracking link.
func TestReceiptPDFText(t *testing.T) {
	r := sample()
	for _, paper := range []pdfdoc.Paper{pdfdoc.A5, pdfdoc.A4} {
		t.Run(paper.Name, func(t *testing.T) {
			data, err := receipts.PDF(r, i18n.Indonesian, paper)
			if err != nil {
				t.Fatal(err)
			}
			if dir := os.Getenv("SANTUNAN_PDF_OUT"); dir != "" {
				_ = os.WriteFile(filepath.Join(dir, "receipt-"+paper.Name+".pdf"), data, 0o644)
			}
			text := textOf(t, data)
			want := []string{"SKM-7K3F-9Q2M", "28 November 2026 pukul 10.05 WIB", "A*** F***",
				"Akta kematian", "Buku tabungan", "Layanan ini tidak dipungut biaya.",
				"Klaim Anda sedang di Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal.",
				"Dinas Sosial Kabupaten Kendal", "Telepon (0294) 385678", "WhatsApp +6281200000001",
				"Jl. Pemuda No. 2, Kendal", "Inspektorat Kabupaten Kendal", "www.lapor.go.id",
				"Biasanya 3 hari kerja"}
			for _, s := range want {
				if !strings.Contains(text, s) {
					t.Errorf("the receipt lacks %q:\n%s", s, text)
				}
			}
			for _, s := range []string{"Ahmad", "Fauzi", "Kartu Keluarga"} {
				if strings.Contains(text, s) {
					t.Errorf("the receipt shows %q", s)
				}
			}
			if got := decodePDFQR(t, data); got != "" && got != r.TrackURL {
				t.Errorf("the QR code reads %q, want %q", got, r.TrackURL)
			}
		})
	}
}

// The QR code alone decodes to the tracking link with the code filled in.
func TestQRPNGDecodes(t *testing.T) {
	for _, url := range []string{receipts.TrackURL("http://localhost:8080", "SKM-0000-0000"),
		receipts.TrackURL("https://santunan.kendalkab.go.id", "SKM-ZZZZ-ZZZZ")} {
		png, err := receipts.QRPNG(url)
		if err != nil {
			t.Fatal(err)
		}
		img, _, err := image.Decode(bytes.NewReader(png))
		if err != nil {
			t.Fatal(err)
		}
		if got := DecodeQR(t, img); got != url {
			t.Errorf("QR code reads %q, want %q", got, url)
		}
	}
	if got := receipts.TrackURL("https://x.example/", "SKM-AB CD"); got != "https://x.example/lacak?kode=SKM-AB+CD" {
		t.Errorf("TrackURL: %q", got)
	}
}

// DecodeQR reads the one QR code in img.
func DecodeQR(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gzqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("no QR code found: %v", err)
	}
	return res.GetText()
}

// decodePDFQR prints the PDF's first page with poppler's pdftoppm, as a
// reader would show it, and reads the QR code there. .ci/run installs
// poppler-utils; elsewhere the check runs where it is found ("" when not).
func decodePDFQR(t *testing.T, data []byte) string {
	t.Helper()
	path, err := exec.LookPath("pdftoppm")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftoppm (poppler-utils) is missing in CI")
		}
		t.Log("pdftoppm not installed: the QR code is read from its PNG only")
		return ""
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "receipt.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), path, "-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", in, filepath.Join(dir, "page"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	out, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, _, err := image.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	return DecodeQR(t, img)
}
