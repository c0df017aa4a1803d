// Package receiptcheck reads back, for tests, a receipt's PDF as its heir
// would: the text a reader shows (internal/pdftext) and the QR code a phone
// would scan from the printed page (the first page rendered by poppler's
// pdftoppm, decoded with gozxing). Only tests import it.
package receiptcheck

import (
	"bytes"
	"image"
	_ "image/png" // pdftoppm's pages and the QR code's PNG
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	gzqr "github.com/makiuchi-d/gozxing/qrcode"

	"santunan/internal/pdftext"
)

// Text is every string the PDF shows, in drawing order, joined by single
// spaces (so a sentence wrapped over two lines reads whole).
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	pages, err := pdftext.Read(pdf)
	if err != nil {
		t.Fatalf("read the receipt's pdf: %v", err)
	}
	var runs []string
	for _, p := range pages {
		runs = append(runs, p.Texts()...)
	}
	return strings.Join(runs, " ")
}

// Pages is the PDF's number of pages.
func Pages(t testing.TB, pdf []byte) int {
	t.Helper()
	pages, err := pdftext.Read(pdf)
	if err != nil {
		t.Fatalf("read the receipt's pdf: %v", err)
	}
	return len(pages)
}

// QR prints the PDF's first page at 150 dpi with pdftoppm and returns the
// QR code read there. .ci/run installs poppler-utils; elsewhere, without
// pdftoppm, it returns ok false (and under CI=true fails the test).
func QR(t testing.TB, pdf []byte) (text string, ok bool) {
	t.Helper()
	path, err := exec.LookPath("pdftoppm")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftoppm (poppler-utils) is missing in CI")
		}
		t.Log("pdftoppm not installed: the printed QR code is not read")
		return "", false
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "receipt.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "-r", "150", "-f", "1", "-l", "1", "-png", "-singlefile", in, filepath.Join(dir, "page"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	png, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	return PNG(t, png), true
}

// PNG reads the one QR code in an image.
func PNG(t testing.TB, data []byte) string {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode image: %v", err)
	}
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
