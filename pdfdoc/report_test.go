package pdfdoc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"santunan/domain"
	"santunan/internal/pdftext"
)

// Every character the name rule accepts, letter or combining mark, has a
// glyph in both embedded faces: a name that passes validation never prints
// as a box or a "?".
func TestFontCoversEveryAcceptedName(t *testing.T) {
	cov, err := newCoverage()
	if err != nil {
		t.Fatal(err)
	}
	accepted := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if _, code := domain.NormalizeName("a" + string(r)); code != "" {
			continue
		}
		accepted++
		if !unicode.IsSpace(r) && !cov.has(r) {
			t.Errorf("the name rule accepts %U (%q) but Noto Sans has no glyph for it", r, r)
		}
	}
	// Latin letters and diacritics: some 900 characters. Far fewer means the
	// loop checked nothing; far more, that the rule took in another script.
	if accepted < 800 || accepted > 1200 {
		t.Fatalf("the name rule accepts %d characters after a letter", accepted)
	}
}

func TestClean(t *testing.T) {
	cov, err := newCoverage()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, in, want string }{
		{"kept", "Ahmad Fauzi", "Ahmad Fauzi"},
		{"combining accent composed", "Jose\u0301", "José"},
		{"Vietnamese composed", "Nguye\u0302\u0303n", "Nguyễn"},
		{"line breaks and tabs are spaces", "Ahmad\n\tFauzi", "Ahmad Fauzi"},
		{"bidi override dropped", "bukti\u202egpj", "buktigpj"},
		{"zero-width space dropped", "Ah\u200bmad", "Ahmad"},
		{"NUL dropped", "Ahmad\x00", "Ahmad"},
		{"a script the font lacks shows ?", "محمد", "????"},
		{"beyond the BMP shows ?", "A\U0001DF00", "A?"},
	}
	for _, c := range cases {
		if got := cov.clean(c.in); got != c.want {
			t.Errorf("%s: clean(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func testDrawer(t *testing.T) *drawer {
	t.Helper()
	cov, err := newCoverage()
	if err != nil {
		t.Fatal(err)
	}
	pdf := newFpdf()
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	return &drawer{pdf: pdf, cov: cov}
}

// longName is 100 characters of Latin letters with diacritics, the longest
// a name can be.
var longName = "Raden Ngabehi Ḍimas Ṭaufik Ẓulkarnaen Şükrü Ǆemal Łukasz Nguyễn Văn Án Bartholomeüs Wicaksono Purbâs"

func TestWrap(t *testing.T) {
	if n := utf8.RuneCountInString(longName); n != 100 {
		t.Fatalf("longName has %d characters", n)
	}
	d := testDrawer(t)
	cases := []struct {
		name  string
		text  string
		width float64
		lines int // 0: any
	}{
		{"fits", "Siti Aminah", 40, 1},
		{"empty", "", 40, 1},
		{"long name", longName, 40, 0},
		{"one word longer than the line", strings.Repeat("Ŵ", 100), 30, 0},
		{"narrower than a letter", "Ŵŵ", 0.5, 2},
	}
	for _, c := range cases {
		for _, bold := range []bool{false, true} {
			lines := d.wrap(c.text, c.width, bold)
			if c.lines > 0 && len(lines) != c.lines {
				t.Errorf("%s: %d lines %q, want %d", c.name, len(lines), lines, c.lines)
			}
			for _, l := range lines {
				if w := d.width(l, bodySize, bold); w > c.width && utf8.RuneCountInString(l) > 1 {
					t.Errorf("%s: line %q is %.2f mm wide, the cell %.2f mm", c.name, l, w, c.width)
				}
			}
			// Nothing is lost: the lines hold every character, in order.
			if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != strings.ReplaceAll(c.text, " ", "") {
				t.Errorf("%s: lines %q lose text", c.name, lines)
			}
			// Words are broken only when one is wider than the line.
			if !strings.Contains(c.name, "word") && !strings.Contains(c.name, "narrower") && strings.Join(lines, " ") != c.text {
				t.Errorf("%s: lines %q break inside a word", c.name, lines)
			}
		}
	}
}

func sampleReport(rows int) Report {
	r := Report{
		Title:   "LAMPIRAN KEPUTUSAN",
		Heading: []string{"Daftar penerima", "Nomor: 400.9/1/2026"},
		Columns: []Column{
			{Title: "No.", Right: true, Fit: []string{fmt.Sprint(rows)}},
			{Title: "Kode Klaim", Fit: []string{"SKM-0000-0000", "SKM-WWWW-WWWW", "SKM-MMMM-MMMM"}},
			{Title: "Nama Almarhum/Almarhumah", Share: 1},
			{Title: "Ahli Waris", Share: 1},
			{Title: "Jumlah (Rp)", Right: true, Fit: []string{"1.000.000"}},
		},
		Total:     "Jumlah: Rp80.000.000",
		Footer:    "Nomor 400.9/1/2026",
		PageLabel: func(page, pages int) string { return fmt.Sprintf("Halaman %d dari %d", page, pages) },
		Created:   time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC),
		Lang:      "id-ID",
	}
	for i := range rows {
		heir := "Siti Aminah"
		if i%2 == 1 {
			heir = longName
		}
		r.Rows = append(r.Rows, []string{fmt.Sprint(i + 1), "SKM-WWWW-WWWW", longName, heir, "1.000.000"})
	}
	return r
}

// The PDF read back as a reader lays it out: every text lies within its
// cell, every cell holds all of its text, the header repeats on every page,
// rows are never split, and the pages are numbered.
func TestRenderFitsEveryCell(t *testing.T) {
	r := sampleReport(80)
	data, err := Render(r)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := pdftext.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 3 {
		t.Fatalf("%d pages for 80 rows of long names", len(pages))
	}
	tables, err := pdftext.Tables(pages, len(r.Columns), 0.01)
	if err != nil {
		t.Fatal(err)
	}
	next := 0 // the next row expected
	for i, tb := range tables {
		for j, c := range r.Columns {
			if got := strings.Join(tb.Header[j], " "); got != c.Title {
				t.Errorf("page %d: header %q, want %q", i+1, got, c.Title)
			}
		}
		for _, row := range tb.Rows {
			for j, lines := range row {
				want := r.Rows[next][j]
				if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != strings.ReplaceAll(want, " ", "") {
					t.Errorf("page %d: cell %q, want %q", i+1, lines, want)
				}
				// A column sized to fit its values shows each on one line.
				if col := r.Columns[j]; len(col.Fit) > 0 && len(lines) != 1 {
					t.Errorf("page %d: %q wrapped in its column %q: %q", i+1, want, col.Title, lines)
				}
			}
			next++
		}
		label := fmt.Sprintf("Halaman %d dari %d", i+1, len(pages))
		allowed := map[string]bool{r.Footer: true, label: true}
		if i == 0 {
			allowed[r.Title] = true
			for _, h := range r.Heading {
				allowed[h] = true
			}
		}
		if i == len(pages)-1 {
			allowed[r.Total] = true
		}
		seen := map[string]bool{}
		for _, run := range tb.Outside {
			if !allowed[run.Text] {
				t.Errorf("page %d: %q at x=%.2f (%.2f wide) lies outside its cell", i+1, run.Text, run.X, run.Width)
			}
			if run.X+run.Width > (pageW-margin)/ptMM+0.01 {
				t.Errorf("page %d: %q runs into the right margin", i+1, run.Text)
			}
			seen[run.Text] = true
		}
		for text := range allowed {
			if !seen[text] {
				t.Errorf("page %d lacks %q", i+1, text)
			}
		}
	}
	if next != len(r.Rows) {
		t.Fatalf("%d rows printed, want %d", next, len(r.Rows))
	}
}

// The same report gives the same bytes, so a printed list can be checked
// against a download by its hash.
func TestRenderIsDeterministic(t *testing.T) {
	a, err := Render(sampleReport(3))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(sampleReport(3))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of one report differ")
	}
}

func TestTheTotalMovesToANewPageWhenTheLastOneIsFull(t *testing.T) {
	d := testDrawer(t)
	for rows := 1; rows < 60; rows++ {
		r := sampleReport(rows)
		l, err := d.layout(r)
		if err != nil {
			t.Fatal(err)
		}
		bottom := pageH - margin - footerH
		placed := 0
		for i, p := range l.pages {
			y := margin + l.header.h
			if i == 0 {
				y += headingH(r)
			}
			for _, row := range p.rows {
				if row != placed {
					t.Fatalf("%d rows: row %d placed out of order", rows, row)
				}
				placed++
				y += l.rows[row].h
			}
			if p.total {
				if i != len(l.pages)-1 {
					t.Fatalf("%d rows: the total is not on the last page", rows)
				}
				y += lineH + 2*padY
			}
			if y > bottom+1e-9 {
				t.Fatalf("%d rows: page %d ends at %.1f mm, below %.1f", rows, i+1, y, bottom)
			}
		}
		if placed != rows || !l.pages[len(l.pages)-1].total {
			t.Fatalf("%d rows: %d placed, total %v", rows, placed, l.pages[len(l.pages)-1].total)
		}
	}
}

func TestRenderRefusesATableThatCannotBeLaidOut(t *testing.T) {
	wide := sampleReport(1)
	wide.Columns[1].Fit = []string{strings.Repeat("W", 200)}
	short := sampleReport(2)
	short.Rows[1] = short.Rows[1][:2]
	cases := map[string]Report{"no columns": {Title: "x"}, "columns wider than the page": wide, "row with too few cells": short}
	for name, r := range cases {
		if _, err := Render(r); err == nil {
			t.Errorf("%s: rendered", name)
		}
	}
}
