package browsertest_test

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
)

// media switches the page's CSS media between "print" and the screen ("").
func (p *person) media(m string) {
	p.t.Helper()
	p.do(func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
		return chromedp.Void{}, err
	})
}

// visibleText is what the page shows under its current media: innerText
// leaves out what the stylesheet hides.
func (p *person) visibleText() string {
	p.t.Helper()
	return run(p, chromedp.Evaluate[string](`document.body.innerText`))
}

// shown counts the elements matching css that take up room on the page.
func (p *person) shown(css string) int {
	p.t.Helper()
	return run(p, chromedp.Evaluate[int](`[...document.querySelectorAll(`+jsString(css)+`)].filter(e => e.getClientRects().length > 0).length`))
}

// printPDF prints the page as Chromium's print dialog would, with the page
// size the stylesheet asks for.
func (p *person) printPDF() []byte {
	p.t.Helper()
	prefer := true
	return run(p, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &prefer})
		return res.Data, err
	})
}

var mediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)

// The staff claim page printed (the issue: five pages of NIKs, account
// number and upload forms) and the receipt printed, in Chromium at print
// media: on screen the clerk sees everything; on paper no NIK, KK or
// account number, no phone, no form, no menu; the receipt prints alone,
// on A5 (or A4 when asked), with its code, QR code and contacts.
func TestPrintingHidesStaffOnlyData(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		s := newSite(t, db)
		s.addUser(t, "petugas.dukcapil", domain.RoleDukcapilClerk, staffPassword)
		c := s.File(1)
		s.AttachAll(c, []domain.DocumentKind{domain.DocumentAktaKematian, domain.DocumentBukuTabungan})
		private := []string{c.Deceased.NIK, c.Heir.NIK, "1234567890", "+6281234567890", "3324151203100007"}

		clerk := s.desk(t)
		clerk.login("petugas.dukcapil", staffPassword)
		clerk.open("/staf/klaim/" + itoa(c.ID))
		screen := clerk.visibleText()
		for _, v := range private {
			if !strings.Contains(screen, v) {
				t.Fatalf("the claim page does not show %q on screen", v)
			}
		}
		if clerk.shown("form") == 0 {
			t.Fatal("no form on the claim page on screen")
		}
		clerk.media("print")
		paper := clerk.visibleText()
		for _, v := range private {
			if strings.Contains(paper, v) {
				t.Errorf("the printed claim page shows %q", v)
			}
		}
		for _, css := range []string{"form", "input", "button", "nav", "#dokumen", "#register", ".changes", "details.action"} {
			if n := clerk.shown(css); n != 0 {
				t.Errorf("the printed claim page shows %d of %s", n, css)
			}
		}
		if !strings.Contains(paper, c.Code) || !strings.Contains(paper, "Riwayat") {
			t.Errorf("the printed claim page lost its code or trail:\n%s", paper)
		}
		clerk.media("")

		for _, want := range []struct {
			query  string
			width  float64 // the PDF page's size in points
			height float64
		}{{"", 419.53, 595.28}, {"?kertas=a4", 595.28, 841.89}} {
			clerk.open("/staf/klaim/" + itoa(c.ID) + "/tanda-terima" + want.query)
			clerk.screenshot("20-tanda-terima" + strings.TrimPrefix(want.query, "?kertas="))
			clerk.media("print")
			text := clerk.visibleText()
			for _, s := range []string{c.Code, "A*** F***", "Akta kematian", "Buku tabungan", "Layanan ini tidak dipungut biaya.",
				"Dinas Sosial Kabupaten Kendal", "Paling lambat 2 hari kerja"} {
				if !strings.Contains(text, s) {
					t.Errorf("the printed receipt%s lacks %q:\n%s", want.query, s, text)
				}
			}
			for _, s := range append(private, "Unduh PDF", "Keluar", "Kembali ke klaim", "Ahmad Fauzi", "Siti Aminah") {
				if strings.Contains(text, s) {
					t.Errorf("the printed receipt%s shows %q", want.query, s)
				}
			}
			if clerk.shown("img.receipt-qr") != 1 || clerk.shown("nav, form, .receipt-tools") != 0 {
				t.Errorf("the printed receipt%s: QR code %d, menu or tools %d", want.query, clerk.shown("img.receipt-qr"),
					clerk.shown("nav, form, .receipt-tools"))
			}
			pdf := clerk.printPDF()
			if dir := os.Getenv("SANTUNAN_PDF_OUT"); dir != "" {
				_ = os.WriteFile(filepath.Join(dir, "printed"+strings.TrimPrefix(want.query, "?kertas=")+".pdf"), pdf, 0o644)
			}
			// Chromium rounds the page to whole CSS pixels: within 1.5 pt.
			m := mediaBox.FindSubmatch(pdf)
			if m == nil || !near(string(m[1]), want.width) || !near(string(m[2]), want.height) {
				t.Errorf("the printed receipt%s has the page %q, want %g × %g pt", want.query, m, want.width, want.height)
			}
			if n := strings.Count(string(pdf), "/Type /Page\n") + strings.Count(string(pdf), "/Type /Page "); n > 1 {
				t.Errorf("the printed receipt%s takes %d pages", want.query, n)
			}
			clerk.media("")
		}
	})
}

func near(got string, want float64) bool {
	f, err := strconv.ParseFloat(got, 64)
	return err == nil && math.Abs(f-want) <= 1.5
}
