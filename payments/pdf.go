package payments

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strconv"
	"time"
)

// pdfDoc writes a plain PDF 1.4: pages of text and rules in the standard
// Helvetica fonts, which every PDF reader has, so nothing is embedded. It
// is the whole of what the decree's list needs, without a PDF dependency.
type pdfDoc struct {
	width, height float64
	title         string
	created       time.Time
	pages         []*bytes.Buffer
}

func newPDF(title string, created time.Time, width, height float64) *pdfDoc {
	return &pdfDoc{width: width, height: height, title: title, created: created}
}

// A4 in points.
const (
	a4Long  = 841.89
	a4Short = 595.28
)

func (d *pdfDoc) newPage() { d.pages = append(d.pages, &bytes.Buffer{}) }

func (d *pdfDoc) page() *bytes.Buffer {
	if len(d.pages) == 0 {
		d.newPage()
	}
	return d.pages[len(d.pages)-1]
}

// text writes s with its baseline starting at (x, y) from the bottom left.
func (d *pdfDoc) text(x, y, size float64, bold bool, s string) {
	font := "F1"
	if bold {
		font = "F2"
	}
	fmt.Fprintf(d.page(), "BT /%s %s Tf %s %s Td (%s) Tj ET\n", font, num(size), num(x), num(y), pdfString(s))
}

// textRight writes s ending at x.
func (d *pdfDoc) textRight(x, y, size float64, bold bool, s string) {
	d.text(x-textWidth(s, size, bold), y, size, bold, s)
}

// rule draws a thin horizontal line.
func (d *pdfDoc) rule(x1, x2, y float64) {
	fmt.Fprintf(d.page(), "0.5 w %s %s m %s %s l S\n", num(x1), num(y), num(x2), num(y))
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

// pdfString encodes s for a literal string in WinAnsiEncoding: Latin-1
// characters as themselves, anything else as '?', and the three characters
// PDF strings reserve escaped.
func pdfString(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteByte(byte(r))
		case r >= 32 && r <= 126, r >= 0xA0 && r <= 0xFF:
			b.WriteByte(byte(r))
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// bytes assembles the file: catalog, page tree, fonts, info, then each
// page with its compressed content, and the cross-reference table.
func (d *pdfDoc) bytes() ([]byte, error) {
	if len(d.pages) == 0 {
		d.newPage()
	}
	var out bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	const firstPage = 6
	kids := make([]byte, 0, 8*len(d.pages))
	for i := range d.pages {
		kids = fmt.Appendf(kids, "%d 0 R ", firstPage+2*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, len(d.pages)))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	obj(fmt.Sprintf("<< /Title (%s) /Producer (Santunan) /CreationDate (D:%s) >>",
		pdfString(d.title), d.created.UTC().Format("20060102150405")+"Z"))
	for i, p := range d.pages {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		if _, err := zw.Write(p.Bytes()); err != nil {
			return nil, fmt.Errorf("compress page: %w", err)
		}
		if err := zw.Close(); err != nil {
			return nil, fmt.Errorf("compress page: %w", err)
		}
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>",
			num(d.width), num(d.height), firstPage+2*i+1))
		obj(fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.Bytes()))
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return out.Bytes(), nil
}

// Advance widths (1/1000 em) of the printable ASCII characters, from the
// Adobe font metrics of Helvetica and Helvetica-Bold; other characters are
// taken as 556 (a digit's width), near enough to fit columns.
var (
	helvetica = [95]uint16{
		278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
		1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
		333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
		556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
	}
	helveticaBold = [95]uint16{
		278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
		975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
		333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
		611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
	}
)

func textWidth(s string, size float64, bold bool) float64 {
	table := &helvetica
	if bold {
		table = &helveticaBold
	}
	units := 0
	for _, r := range s {
		if r >= 32 && r <= 126 {
			units += int(table[r-32])
		} else {
			units += 556
		}
	}
	return float64(units) * size / 1000
}

// fit cuts s to at most width points, marking a cut with "..".
func fit(s string, width, size float64, bold bool) string {
	if textWidth(s, size, bold) <= width {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 && textWidth(string(runes)+"..", size, bold) > width {
		runes = runes[:len(runes)-1]
	}
	return string(runes) + ".."
}
