// Package pdftext reads back, for tests, the PDFs that pdfdoc writes with
// fpdf: each page's text runs with their position and width (computed from
// the embedded font's /W widths, as a reader lays them out) and the
// rectangles drawn, so a test can check that every text lies within its
// cell. It reads the subset of PDF that fpdf writes (one resource
// dictionary, Type0 fonts with Identity-H encoding, Flate content streams),
// not PDFs in general.
package pdftext

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// Run is one string shown on a page, in points from the bottom left.
type Run struct {
	X, Y  float64 // start of the baseline
	Width float64
	Size  float64
	Font  string // the font's /BaseFont, e.g. "utf8notosans-bold"
	Text  string
	// Box is the index in Page.Rects of the last rectangle drawn before the
	// run, -1 before any: pdfdoc draws each cell's border, then its lines.
	Box int
}

// Rect is a rectangle drawn on a page, in points from the bottom left.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether the run lies inside r, with tol points to spare.
func (r Rect) Contains(run Run, tol float64) bool {
	return run.X >= r.X-tol && run.X+run.Width <= r.X+r.W+tol && run.Y >= r.Y-tol && run.Y <= r.Y+r.H+tol
}

// Page is what one page shows.
type Page struct {
	Runs  []Run
	Rects []Rect
}

// Texts returns the page's strings in the order they were drawn.
func (p Page) Texts() []string {
	out := make([]string, len(p.Runs))
	for i, r := range p.Runs {
		out[i] = r.Text
	}
	return out
}

// Cell is a rectangle and the lines drawn inside it.
type Cell struct {
	Rect
	Lines []string
}

// Cells returns every rectangle of the page, in drawing order, with the
// runs drawn after it that lie inside it; the runs that lie inside no
// rectangle they follow (a heading, a total, a footer, or a text that
// overflows its cell) are returned apart.
func (p Page) Cells(tol float64) (cells []Cell, outside []Run) {
	cells = make([]Cell, len(p.Rects))
	for i, r := range p.Rects {
		cells[i].Rect = r
	}
	for _, r := range p.Runs {
		if r.Box >= 0 && p.Rects[r.Box].Contains(r, tol) {
			cells[r.Box].Lines = append(cells[r.Box].Lines, r.Text)
			continue
		}
		outside = append(outside, r)
	}
	return cells, outside
}

type font struct {
	name   string
	dw     float64
	widths map[rune]float64
}

var (
	objPattern      = regexp.MustCompile(`(?m)^(\d+) 0 obj\s*`)
	refPattern      = regexp.MustCompile(`/(\w+) (\d+) 0 R`)
	lengthPattern   = regexp.MustCompile(`/Length (\d+)`)
	contentsPattern = regexp.MustCompile(`/Contents (\d+) 0 R`)
	descPattern     = regexp.MustCompile(`/DescendantFonts \[(\d+) 0 R\]`)
	baseFontPattern = regexp.MustCompile(`/BaseFont /(\S+)`)
	dwPattern       = regexp.MustCompile(`/DW (\d+)`)
	opPattern       = regexp.MustCompile(`(?s)/(F\w+) ([\d.]+) Tf|BT ([\d.-]+) ([\d.-]+) Td \(((?:\\.|[^\\)])*)\)Tj ET|([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re`)
)

// Read returns the pages of data.
func Read(data []byte) ([]Page, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")) {
		return nil, fmt.Errorf("not a PDF file")
	}
	objs := map[int][]byte{}
	for _, m := range objPattern.FindAllSubmatchIndex(data, -1) {
		n, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		end := bytes.Index(data[m[1]:], []byte("endobj"))
		body := data[m[1]:]
		if s := bytes.Index(body, []byte("stream\n")); s >= 0 && (end < 0 || s < end) {
			l := lengthPattern.FindSubmatch(body[:s])
			if l == nil {
				return nil, fmt.Errorf("object %d: stream without /Length", n)
			}
			size, _ := strconv.Atoi(string(l[1]))
			if s+7+size > len(body) {
				return nil, fmt.Errorf("object %d: stream past the end of the file", n)
			}
			objs[n] = body[:s+7+size]
			continue
		}
		if end < 0 {
			return nil, fmt.Errorf("object %d has no endobj", n)
		}
		objs[n] = body[:end]
	}
	fonts, err := readFonts(objs)
	if err != nil {
		return nil, err
	}
	var pages []Page
	for n := 1; n <= len(objs)+1; n++ {
		obj, ok := objs[n]
		if !ok || !bytes.Contains(obj, []byte("/Type /Page\n")) {
			continue
		}
		c := contentsPattern.FindSubmatch(obj)
		if c == nil {
			return nil, fmt.Errorf("page object %d without /Contents", n)
		}
		cn, _ := strconv.Atoi(string(c[1]))
		content, err := stream(objs[cn])
		if err != nil {
			return nil, fmt.Errorf("page object %d: %w", n, err)
		}
		p, err := readPage(content, fonts)
		if err != nil {
			return nil, fmt.Errorf("page object %d: %w", n, err)
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("no pages")
	}
	return pages, nil
}

// readFonts maps the resource names (/F…) to their fonts' widths.
func readFonts(objs map[int][]byte) (map[string]font, error) {
	fonts := map[string]font{}
	for _, obj := range objs {
		i := bytes.Index(obj, []byte("/Font <<"))
		if i < 0 || !bytes.Contains(obj, []byte("/ProcSet")) {
			continue
		}
		dict := obj[i+8:]
		dict = dict[:bytes.Index(dict, []byte(">>"))]
		for _, m := range refPattern.FindAllSubmatch(dict, -1) {
			n, _ := strconv.Atoi(string(m[2]))
			d := descPattern.FindSubmatch(objs[n])
			if d == nil {
				return nil, fmt.Errorf("font %s is not a Type0 font", m[1])
			}
			dn, _ := strconv.Atoi(string(d[1]))
			f, err := readWidths(objs[dn])
			if err != nil {
				return nil, fmt.Errorf("font %s: %w", m[1], err)
			}
			fonts[string(m[1])] = f
		}
	}
	return fonts, nil
}

// readWidths reads a CIDFont's /DW and /W: "c [w1 w2 …]" gives the widths
// from c on, "c1 c2 w" one width for c1 to c2. fpdf's CIDs are code points.
func readWidths(obj []byte) (font, error) {
	f := font{widths: map[rune]float64{}}
	if m := baseFontPattern.FindSubmatch(obj); m != nil {
		f.name = string(m[1])
	}
	if m := dwPattern.FindSubmatch(obj); m != nil {
		f.dw, _ = strconv.ParseFloat(string(m[1]), 64)
	}
	i := bytes.Index(obj, []byte("/W ["))
	if i < 0 {
		return f, fmt.Errorf("no /W")
	}
	var nums []float64
	var inArray bool
	var start int
	for _, t := range bytes.Fields(obj[i+4:]) {
		switch {
		case bytes.Equal(t, []byte("[")):
			if len(nums) != 1 {
				return f, fmt.Errorf("malformed /W")
			}
			start, nums, inArray = int(nums[0]), nil, true
		case bytes.Equal(t, []byte("]")):
			if !inArray {
				if len(nums) != 0 {
					return f, fmt.Errorf("malformed /W end")
				}
				return f, nil
			}
			for k, w := range nums {
				f.widths[rune(start+k)] = w
			}
			nums, inArray = nil, false
		default:
			v, err := strconv.ParseFloat(string(t), 64)
			if err != nil {
				return f, fmt.Errorf("/W token %q", t)
			}
			nums = append(nums, v)
			if !inArray && len(nums) == 3 {
				for c := int(nums[0]); c <= int(nums[1]); c++ {
					f.widths[rune(c)] = nums[2]
				}
				nums = nil
			}
		}
	}
	return f, fmt.Errorf("/W not closed")
}

func stream(obj []byte) ([]byte, error) {
	s := bytes.Index(obj, []byte("stream\n"))
	if s < 0 {
		return nil, fmt.Errorf("content is not a stream")
	}
	raw := obj[s+7:]
	if !bytes.Contains(obj[:s], []byte("/FlateDecode")) {
		return raw, nil
	}
	r, err := zlib.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("content stream: %w", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("content stream: %w", err)
	}
	return out, nil
}

func readPage(content []byte, fonts map[string]font) (Page, error) {
	var p Page
	var cur font
	var size float64
	num := func(b []byte) float64 { v, _ := strconv.ParseFloat(string(b), 64); return v }
	for _, m := range opPattern.FindAllSubmatch(content, -1) {
		switch {
		case m[1] != nil:
			f, ok := fonts[string(m[1])]
			if !ok {
				return p, fmt.Errorf("unknown font /%s", m[1])
			}
			cur, size = f, num(m[2])
		case m[3] != nil:
			text, err := decode(m[5])
			if err != nil {
				return p, err
			}
			w := 0.0
			for _, r := range text {
				cw, ok := cur.widths[r]
				if !ok {
					cw = cur.dw
				}
				w += cw * size / 1000
			}
			p.Runs = append(p.Runs, Run{X: num(m[3]), Y: num(m[4]), Width: w, Size: size, Font: cur.name, Text: text, Box: len(p.Rects) - 1})
		default:
			r := Rect{X: num(m[6]), Y: num(m[7]), W: num(m[8]), H: num(m[9])}
			if r.H < 0 { // fpdf draws from the top left corner downwards
				r.Y, r.H = r.Y+r.H, -r.H
			}
			p.Rects = append(p.Rects, r)
		}
	}
	return p, nil
}

// decode unescapes a literal string and reads it as UTF-16BE.
func decode(lit []byte) (string, error) {
	var b []byte
	for i := 0; i < len(lit); i++ {
		c := lit[i]
		if c != '\\' || i+1 == len(lit) {
			b = append(b, c)
			continue
		}
		i++
		switch lit[i] {
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		default:
			if lit[i] >= '0' && lit[i] <= '7' {
				v, n := 0, 0
				for ; n < 3 && i+n < len(lit) && lit[i+n] >= '0' && lit[i+n] <= '7'; n++ {
					v = v*8 + int(lit[i+n]-'0')
				}
				b = append(b, byte(v))
				i += n - 1
				continue
			}
			b = append(b, lit[i])
		}
	}
	if len(b)%2 != 0 {
		return "", fmt.Errorf("text %q is not UTF-16", b)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u)), nil
}

// Table is one page of a table as pdfdoc draws it: the header's cells,
// then each row's, every cell as the lines inside it, and the runs that lie
// inside no cell.
type Table struct {
	Header  [][]string
	Rows    [][][]string
	Outside []Run
}

// Tables reads every page as a table of the given number of columns.
func Tables(pages []Page, columns int, tol float64) ([]Table, error) {
	out := make([]Table, len(pages))
	for i, p := range pages {
		cells, outside := p.Cells(tol)
		if len(cells) < columns || len(cells)%columns != 0 {
			return nil, fmt.Errorf("page %d: %d cells for %d columns", i+1, len(cells), columns)
		}
		t := Table{Outside: outside}
		for k := 0; k < len(cells); k += columns {
			row := make([][]string, columns)
			for j := range row {
				row[j] = cells[k+j].Lines
			}
			if k == 0 {
				t.Header = row
			} else {
				t.Rows = append(t.Rows, row)
			}
		}
		out[i] = t
	}
	return out, nil
}
