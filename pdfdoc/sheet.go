package pdfdoc

import (
	"bytes"
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"
)

// Sheet is a one-column document in portrait, such as a claim's receipt:
// blocks of text from top to bottom, each wrapped to the page, and an image
// (a QR code) at the top right, beside which the first blocks wrap. A
// block that does not fit goes on a new page.
type Sheet struct {
	Title  string // the file's title (the first block is the visible one)
	Paper  Paper
	Blocks []Block
	// Image is a PNG drawn at the top right of the first page, ImageMM
	// millimetres square; none when empty.
	Image   []byte
	ImageMM float64
	// Footer is written at the bottom left of every page, PageLabel's text
	// at the bottom right.
	Footer    string
	PageLabel func(page, pages int) string
	Created   time.Time // the file's creation date: the same sheet gives the same bytes
	Lang      string    // BCP 47, e.g. "id-ID"
}

// Paper is a page size in millimetres, portrait.
type Paper struct {
	Name string // fpdf's name: "A5", "A4"
	W, H float64
}

// The papers a sheet is printed on: A5 (half an A4, what a counter's
// printer takes folded) and A4.
var (
	A5 = Paper{Name: "A5", W: 148, H: 210}
	A4 = Paper{Name: "A4", W: 210, H: 297}
)

// Block is a paragraph: its text, wrapped, in one size and weight.
type Block struct {
	Text  string
	Size  float64 // points; 0 is sheetBody
	Bold  bool
	Space float64 // millimetres above it
	// Bullet is written in the indent before the first line ("•", "1.");
	// the lines are indented when it is set.
	Bullet string
}

const (
	sheetMargin = 12.0
	sheetBody   = 8.5
	sheetIndent = 5.0
	imageGap    = 4.0 // between the image and the text beside it
	lineFactor  = 1.35
)

// placed is one line of a sheet where it is drawn.
type placed struct {
	page    int
	x, y, w float64
	h       float64
	size    float64
	bold    bool
	text    string
}

// RenderSheet lays the sheet out and writes the PDF.
func RenderSheet(s Sheet) ([]byte, error) {
	if s.Paper.Name == "" {
		s.Paper = A5
	}
	cov, err := newCoverage()
	if err != nil {
		return nil, err
	}
	pdf := newFpdfOn("P", s.Paper.Name)
	pdf.SetCreationDate(s.Created)
	pdf.SetModificationDate(s.Created)
	pdf.SetTitle(cov.clean(s.Title), true)
	pdf.SetProducer("Santunan", true)
	if s.Lang != "" {
		pdf.SetLang(s.Lang)
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("load embedded font: %w", err)
	}
	d := &drawer{pdf: pdf, cov: cov}
	lines, pages := d.placeSheet(s)
	for p := 0; p < pages; p++ {
		pdf.AddPage()
		if p == 0 && len(s.Image) > 0 {
			opts := fpdf.ImageOptions{ImageType: "PNG"}
			pdf.RegisterImageOptionsReader("image", opts, bytes.NewReader(s.Image))
			pdf.ImageOptions("image", s.Paper.W-sheetMargin-s.ImageMM, sheetMargin, s.ImageMM, s.ImageMM, false, opts, 0, "")
		}
		for _, l := range lines {
			if l.page == p {
				d.font(l.size, l.bold)
				d.text(l.x, l.y, l.w, l.h, l.text, false)
			}
		}
		d.font(footerSize, false)
		fy := s.Paper.H - sheetMargin + 2
		half := (s.Paper.W - 2*sheetMargin) / 2
		d.text(sheetMargin, fy, half, footerH/2, d.cov.clean(s.Footer), false)
		if s.PageLabel != nil {
			d.text(sheetMargin+half, fy, half, footerH/2, d.cov.clean(s.PageLabel(p+1, pages)), true)
		}
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("draw pdf: %w", err)
	}
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return out.Bytes(), nil
}

// placeSheet wraps every block and puts its lines on pages: beside the
// image while a block starts above the image's bottom, across the page
// below it. A paragraph is kept on one page when it fits on one.
func (d *drawer) placeSheet(s Sheet) ([]placed, int) {
	full := s.Paper.W - 2*sheetMargin
	bottom := s.Paper.H - sheetMargin - footerH/2
	imageBottom := 0.0
	if len(s.Image) > 0 {
		imageBottom = sheetMargin + s.ImageMM
	}
	var out []placed
	page, y := 0, sheetMargin
	for _, b := range s.Blocks {
		size := b.Size
		if size == 0 {
			size = sheetBody
		}
		lineH := size * lineFactor * ptMM
		y += b.Space
		x, w := sheetMargin, full
		if page == 0 && y < imageBottom {
			w -= s.ImageMM + imageGap
		}
		if b.Bullet != "" {
			x, w = x+sheetIndent, w-sheetIndent
		}
		text := d.wrapAt(d.cov.clean(b.Text), w, size, b.Bold)
		if h := float64(len(text)) * lineH; y+h > bottom && h <= bottom-sheetMargin {
			page, y = page+1, sheetMargin
		}
		for i, line := range text {
			if y+lineH > bottom {
				page, y = page+1, sheetMargin
			}
			if i == 0 && b.Bullet != "" {
				out = append(out, placed{page: page, x: x - sheetIndent, y: y, w: sheetIndent, h: lineH,
					size: size, bold: b.Bold, text: d.cov.clean(b.Bullet)})
			}
			out = append(out, placed{page: page, x: x, y: y, w: w, h: lineH, size: size, bold: b.Bold, text: line})
			y += lineH
		}
	}
	return out, page + 1
}
