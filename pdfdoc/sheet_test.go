package pdfdoc

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strconv"
	"strings"
	"testing"
	"time"

	"santunan/internal/pdftext"
)

func testPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 40, 40))
	img.SetGray(3, 3, color.Gray{Y: 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A sheet read back as a reader lays it out: every line inside the page's
// margins and above its footer, the lines beside the image left of it,
// every word of every block printed once in order, a paragraph too long
// for the rest of a page moved whole to the next, and the footer with the
// page numbers on each page.
func TestSheetLayout(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kendal ", 6))
	var blocks []Block
	for i := range 40 {
		b := Block{Text: strconv.Itoa(i) + " " + long, Space: 1}
		if i%3 == 0 {
			b.Bullet, b.Bold = "•", true
		}
		blocks = append(blocks, b)
	}
	blocks[0].Size = 22
	blocks[0].Text = "SKM-7K3F-9Q2M " + strings.Repeat("W", 60) // wider than the line
	for _, paper := range []Paper{A5, A4} {
		t.Run(paper.Name, func(t *testing.T) {
			data, err := RenderSheet(Sheet{Title: "Tanda terima", Paper: paper, Blocks: blocks, Image: testPNG(t), ImageMM: 36,
				Footer: "Kode klaim SKM-7K3F-9Q2M", PageLabel: func(p, n int) string { return "Halaman " + strconv.Itoa(p) + " dari " + strconv.Itoa(n) },
				Created: time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC), Lang: "id-ID"})
			if err != nil {
				t.Fatal(err)
			}
			pages, err := pdftext.Read(data)
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) < 2 {
				t.Fatalf("%d pages for 40 long paragraphs", len(pages))
			}
			pt := func(mm float64) float64 { return mm / 25.4 * 72 }
			left, right := pt(sheetMargin)-0.01, pt(paper.W-sheetMargin)+0.01
			imageLeft, imageBottom := pt(paper.W-sheetMargin-36-imageGap)+0.01, pt(paper.H-sheetMargin-36)
			var words []string
			for i, p := range pages {
				footer := map[string]bool{}
				for _, r := range p.Runs {
					if r.X < left || r.X+r.Width > right {
						t.Errorf("page %d: %q runs from %.1f to %.1f pt, outside the margins", i+1, r.Text, r.X, r.X+r.Width)
					}
					if i == 0 && r.Y > imageBottom && r.X+r.Width > imageLeft {
						t.Errorf("page 1: %q runs under the image", r.Text)
					}
					if r.Y < pt(sheetMargin) {
						footer[r.Text] = true
						continue
					}
					if r.Text != "•" {
						words = append(words, strings.Fields(r.Text)...)
					}
				}
				for _, want := range []string{"Kode klaim SKM-7K3F-9Q2M", "Halaman " + strconv.Itoa(i+1) + " dari " + strconv.Itoa(len(pages))} {
					if !footer[want] {
						t.Errorf("page %d: no footer %q (footer: %v)", i+1, want, footer)
					}
				}
			}
			var want []string
			for _, b := range blocks {
				want = append(want, strings.Fields(b.Text)...)
			}
			got := strings.Join(words, " ")
			// The over-long word is cut into pieces across lines.
			got = strings.Replace(got, "W W", "WW", -1)
			for strings.Contains(got, "W W") {
				got = strings.Replace(got, "W W", "WW", -1)
			}
			if got != strings.Join(want, " ") {
				t.Errorf("the words printed differ from the blocks':\n got %q\nwant %q", got, strings.Join(want, " "))
			}
			// Paragraph 1 (beside nothing, fits a page) starts a page rather than being split.
			for i, p := range pages[1:] {
				if first := p.Runs[0].Text; !strings.HasPrefix(first, "•") && !startsParagraph(first) {
					t.Errorf("page %d starts mid-paragraph with %q", i+2, first)
				}
			}
		})
	}
}

// startsParagraph: each test paragraph begins with its number.
func startsParagraph(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	_, err := strconv.Atoi(f[0])
	return err == nil
}

// The same sheet gives the same bytes (a download can be compared).
func TestSheetIsDeterministic(t *testing.T) {
	s := Sheet{Title: "Tanda terima", Blocks: []Block{{Text: "SKM-7K3F-9Q2M", Size: 22, Bold: true}}, Image: testPNG(t), ImageMM: 30,
		Created: time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC)}
	a, err := RenderSheet(s)
	if err != nil {
		t.Fatal(err)
	}
	b, err := RenderSheet(s)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two renderings of one sheet differ")
	}
}
