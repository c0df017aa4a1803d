// Package pdfdoc writes the PDFs Santunan prints, such as the list of
// recipients attached to a decree: A4 landscape pages with a heading, a table
// whose header repeats on every page and whose long cells wrap, a total line
// and page numbers, set in the embedded Noto Sans with github.com/go-pdf/fpdf.
package pdfdoc

import (
	"bytes"
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"
)

// Report is one document.
type Report struct {
	Title   string   // the document's title, also the heading's first line
	Heading []string // lines under the title, on the first page
	Columns []Column
	Rows    [][]string // one text per column
	Total   string     // a bold line under the last row; none when empty
	// Footer is written at the bottom left of every page (e.g. the decree's
	// number) and PageLabel at the bottom right ("Halaman 2 dari 5").
	Footer    string
	PageLabel func(page, pages int) string
	Created   time.Time // the file's creation date: the same report gives the same bytes
	Lang      string    // BCP 47, e.g. "id-ID"
}

// Column is one column of the table.
type Column struct {
	Title string
	Right bool // right-aligned, for numbers
	// Fit lists the values the column must show on one line: it is made as
	// wide as the widest of them (and of its title's words). A column
	// without Fit takes its Share of the width left over and wraps.
	Fit   []string
	Share float64
}

// Page geometry in millimetres and type sizes in points.
const (
	pageW, pageH = 297.0, 210.0 // A4 landscape: nine columns of names need the width
	margin       = 12.0
	footerH      = 8.0 // below the table, above the bottom margin
	bodySize     = 8.0
	titleSize    = 12.0
	headingSize  = 9.0
	footerSize   = 7.5
	lineH        = bodySize * 1.3 * ptMM
	padX, padY   = 1.2, 1.0
	ptMM         = 25.4 / 72
)

// Render lays the report out and writes the PDF.
func Render(r Report) ([]byte, error) {
	cov, err := newCoverage()
	if err != nil {
		return nil, err
	}
	pdf := newFpdf()
	pdf.SetCreationDate(r.Created)
	pdf.SetModificationDate(r.Created)
	pdf.SetTitle(cov.clean(r.Title), true)
	pdf.SetProducer("Santunan", true)
	if r.Lang != "" {
		pdf.SetLang(r.Lang)
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("load embedded font: %w", err)
	}
	d := &drawer{pdf: pdf, cov: cov}
	l, err := d.layout(r)
	if err != nil {
		return nil, err
	}
	d.draw(r, l)
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return out.Bytes(), nil
}

func newFpdf() *fpdf.Fpdf { return newFpdfOn("L", "A4") }

// newFpdfOn is a document in the embedded font on paper of size ("A4",
// "A5") in orientation ("L", "P").
func newFpdfOn(orientation, size string) *fpdf.Fpdf {
	pdf := fpdf.New(orientation, "mm", size, "")
	pdf.AddUTF8FontFromBytes(family, "", regularTTF)
	pdf.AddUTF8FontFromBytes(family, "B", boldTTF)
	pdf.SetCellMargin(0)           // cells are padded by padX here
	pdf.SetAutoPageBreak(false, 0) // the layout decides every page break
	pdf.SetMargins(margin, margin, margin)
	pdf.SetCatalogSort(true) // objects in a fixed order: the same report, the same bytes
	return pdf
}

// drawer measures and draws with one fpdf document.
type drawer struct {
	pdf *fpdf.Fpdf
	cov *coverage
}

func (d *drawer) font(size float64, bold bool) {
	style := ""
	if bold {
		style = "B"
	}
	d.pdf.SetFont(family, style, size)
}

func (d *drawer) width(s string, size float64, bold bool) float64 {
	d.font(size, bold)
	return d.pdf.GetStringWidth(s)
}

// text writes one line with its top at (x, y) in a box w wide.
func (d *drawer) text(x, y, w, h float64, s string, right bool) {
	align := "LM"
	if right {
		align = "RM"
	}
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
}

func (d *drawer) draw(r Report, l layout) {
	pages := len(l.pages)
	for i, p := range l.pages {
		d.pdf.AddPage()
		y := margin
		if i == 0 {
			y = d.heading(r)
		}
		y = d.row(l, l.header, y, true)
		for _, row := range p.rows {
			y = d.row(l, l.rows[row], y, false)
		}
		if p.total {
			d.font(bodySize, true)
			d.text(margin+padX, y+padY, l.tableW-2*padX, lineH, l.total, false)
		}
		d.font(footerSize, false)
		fy := pageH - margin - footerH/2
		d.text(margin, fy, l.tableW/2, footerH/2, d.cov.clean(r.Footer), false)
		if r.PageLabel != nil {
			d.text(margin+l.tableW/2, fy, l.tableW/2, footerH/2, d.cov.clean(r.PageLabel(i+1, pages)), true)
		}
	}
}

// The heading: the title, then its lines.
const (
	titleLineH   = titleSize * 1.4 * ptMM
	headingLineH = headingSize * 1.4 * ptMM
	titleGap     = 1.5 // below the title
	headingGap   = 4.0 // below the heading, above the table
)

// headingH is the height of the heading, which the layout of the first
// page leaves free.
func headingH(r Report) float64 {
	return titleLineH + titleGap + float64(len(r.Heading))*headingLineH + headingGap
}

// heading writes the title block and returns the y below it.
func (d *drawer) heading(r Report) float64 {
	d.font(titleSize, true)
	d.text(margin, margin, pageW-2*margin, titleLineH, d.cov.clean(r.Title), false)
	d.font(headingSize, false)
	for i, line := range r.Heading {
		d.text(margin, margin+titleLineH+titleGap+float64(i)*headingLineH, pageW-2*margin, headingLineH, d.cov.clean(line), false)
	}
	return margin + headingH(r)
}

// row draws one row of cells, each with its border, and returns the y below.
func (d *drawer) row(l layout, c cells, y float64, header bool) float64 {
	d.pdf.SetLineWidth(0.2)
	d.pdf.SetDrawColor(120, 120, 120)
	style := "D" // the border only
	if header {
		d.pdf.SetFillColor(230, 230, 230)
		style = "FD" // filled grey, with its border
	}
	d.font(bodySize, header)
	for i, lines := range c.lines {
		d.pdf.Rect(l.x[i], y, l.w[i], c.h, style)
		for j, line := range lines {
			d.text(l.x[i]+padX, y+padY+float64(j)*lineH, l.w[i]-2*padX, lineH, line, l.right[i])
		}
	}
	return y + c.h
}
