package pdfdoc

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// layout is where everything goes, worked out before anything is drawn so
// that every page knows the number of pages.
type layout struct {
	x, w   []float64 // each column's left edge and width
	right  []bool
	tableW float64
	header cells
	rows   []cells
	total  string
	pages  []page
}

// cells is one row: each cell's text as wrapped lines, and the row's height.
type cells struct {
	lines [][]string
	h     float64
}

type page struct {
	rows  []int // indexes into layout.rows
	total bool  // the total line ends this page
}

var errNoColumns = errors.New("pdf table without columns")

func (d *drawer) layout(r Report) (layout, error) {
	if len(r.Columns) == 0 {
		return layout{}, errNoColumns
	}
	l := layout{right: make([]bool, len(r.Columns)), total: d.cov.clean(r.Total)}
	if err := d.columnWidths(r.Columns, &l); err != nil {
		return layout{}, err
	}
	titles := make([]string, len(r.Columns))
	for i, c := range r.Columns {
		titles[i] = c.Title
		l.right[i] = c.Right
	}
	l.header = d.cells(l, titles, true)
	for i, row := range r.Rows {
		if len(row) != len(r.Columns) {
			return layout{}, fmt.Errorf("pdf table row %d has %d cells for %d columns", i+1, len(row), len(r.Columns))
		}
		l.rows = append(l.rows, d.cells(l, row, false))
	}
	return l, l.paginate(margin + headingH(r))
}

// columnWidths gives each Fit column the width of its widest value and
// shares what is left among the others.
func (d *drawer) columnWidths(cols []Column, l *layout) error {
	l.tableW = pageW - 2*margin
	l.w = make([]float64, len(cols))
	fixed, shares := 0.0, 0.0
	for i, c := range cols {
		// A title wraps only between words.
		for _, word := range strings.Fields(d.cov.clean(c.Title)) {
			l.w[i] = max(l.w[i], d.width(word, bodySize, true)+2*padX)
		}
		if len(c.Fit) == 0 {
			shares += c.Share
			continue
		}
		for _, v := range c.Fit {
			l.w[i] = max(l.w[i], d.width(d.cov.clean(v), bodySize, false)+2*padX)
		}
		fixed += l.w[i]
	}
	rest := l.tableW - fixed
	for i, c := range cols {
		if len(c.Fit) == 0 && shares > 0 {
			l.w[i] = max(l.w[i], rest*c.Share/shares)
		}
	}
	l.x = make([]float64, len(cols))
	x := margin
	for i := range cols {
		l.x[i] = x
		x += l.w[i]
	}
	if x-margin > l.tableW+0.01 {
		return fmt.Errorf("pdf table is %.1f mm wide, the page has %.1f mm", x-margin, l.tableW)
	}
	return nil
}

func (d *drawer) cells(l layout, texts []string, bold bool) cells {
	c := cells{lines: make([][]string, len(texts))}
	n := 1
	for i, s := range texts {
		c.lines[i] = d.wrap(d.cov.clean(s), l.w[i]-2*padX, bold)
		n = max(n, len(c.lines[i]))
	}
	c.h = float64(n)*lineH + 2*padY
	return c
}

// wrap breaks s into lines no wider than w: between words, and inside a
// word only when the word alone is wider than the line.
func (d *drawer) wrap(s string, w float64, bold bool) []string {
	return d.wrapAt(s, w, bodySize, bold)
}

// wrapAt is wrap in type of any size.
func (d *drawer) wrapAt(s string, w, size float64, bold bool) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && d.width(line+" "+word, size, bold) <= w {
			line += " " + word
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		// A letter wider than the whole line (never, at the widths used)
		// still gets a line of its own.
		for utf8.RuneCountInString(word) > 1 && d.width(word, size, bold) > w {
			head := d.longestFit(word, w, size, bold)
			lines = append(lines, head)
			word = word[len(head):]
		}
		line = word
	}
	return append(lines, line)
}

// longestFit is the longest prefix of word no wider than w, at least one
// character, so that wrapping always moves on.
func (d *drawer) longestFit(word string, w, size float64, bold bool) string {
	runes := []rune(word)
	n := 1
	for n < len(runes) && d.width(string(runes[:n+1]), size, bold) <= w {
		n++
	}
	return string(runes[:n])
}

// paginate puts rows on pages: the first page starts below the heading,
// every page with the column header; a row is never split, and the total
// line follows the last row.
func (l *layout) paginate(firstTop float64) error {
	bottom := pageH - margin - footerH
	top := firstTop
	cur := page{}
	y := top + l.header.h
	for i, row := range l.rows {
		if y+row.h > bottom && len(cur.rows) > 0 {
			l.pages = append(l.pages, cur)
			cur, top = page{}, margin
			y = top + l.header.h
		}
		if y+row.h > bottom {
			return fmt.Errorf("pdf table row %d is taller than a page", i+1)
		}
		cur.rows = append(cur.rows, i)
		y += row.h
	}
	if l.total != "" {
		if y+lineH+2*padY > bottom {
			l.pages = append(l.pages, cur)
			cur = page{}
		}
		cur.total = true
	}
	l.pages = append(l.pages, cur)
	return nil
}
