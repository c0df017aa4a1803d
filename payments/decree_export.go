package payments

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"santunan/domain"
	"santunan/i18n"
)

// The decree's list of recipients, as officers print and sign it: in
// Indonesian, without NIKs or account numbers (the decree is circulated; the
// transfer file carries the accounts).

type column struct {
	title i18n.PaymentText
	width float64 // points in the PDF; characters / 5.5 in the sheet
	right bool
	value func(r Recipient) string
}

func recipientColumns(lang i18n.Lang) []column {
	return []column{
		{i18n.PayColNo, 28, true, func(r Recipient) string { return strconv.Itoa(r.Seq) }},
		{i18n.PayColClaimCode, 78, false, func(r Recipient) string { return r.ClaimCode }},
		{i18n.PayColDeceased, 132, false, func(r Recipient) string { return r.DeceasedName }},
		{i18n.PayColDateOfDeath, 92, false, func(r Recipient) string { return i18n.FormatDate(lang, r.DateOfDeath.Time()) }},
		{i18n.PayColVillage, 88, false, func(r Recipient) string { return r.VillageName }},
		{i18n.PayColKecamatan, 78, false, func(r Recipient) string { return r.KecamatanName }},
		{i18n.PayColHeir, 120, false, func(r Recipient) string { return r.HeirName }},
		{i18n.PayColRelationship, 62, false, func(r Recipient) string { return i18n.RelationshipLabel(lang, r.HeirRelationship) }},
		{i18n.PayColAmount, 80, true, func(r Recipient) string { return rupiahDigits(r.Amount) }},
	}
}

// rupiahDigits is "1.000.000": the column title says Rp.
func rupiahDigits(a domain.Rupiah) string { return strings.TrimPrefix(i18n.FormatRupiah(a), "Rp") }

func fill(tmpl string, n int, total string) string {
	return strings.NewReplacer("{n}", strconv.Itoa(n), "{total}", total).Replace(tmpl)
}

// DecreePDF renders the decree's list of recipients on A4 landscape pages.
func DecreePDF(d Decree, lang i18n.Lang) ([]byte, error) {
	const (
		margin   = 36.0
		size     = 8.5
		lineH    = 13.0
		headerH  = 64.0 // title block on the first page
		footerH  = 24.0
		tableTop = a4Short - margin
	)
	cols := recipientColumns(lang)
	title := i18n.Payment(lang, i18n.PayDecreeTitle)
	doc := newPDF(title+" "+d.Number, d.CreatedAt, a4Long, a4Short)
	// Rows per page, less two for the column header and the total line.
	body := a4Short - 2*margin - footerH // a variable: Go converts no fractional constant to int
	rowsFirst := int((body-headerH)/lineH) - 2
	rowsOther := int(body/lineH) - 2
	pages := 1
	if rest := len(d.Recipients) - rowsFirst; rest > 0 {
		pages += (rest + rowsOther - 1) / rowsOther
	}
	next := 0
	for page := 1; page <= pages; page++ {
		doc.newPage()
		y := tableTop
		rows := rowsOther
		if page == 1 {
			rows = rowsFirst
			doc.text(margin, y-12, 12, true, title)
			doc.text(margin, y-30, 9, false, i18n.Payment(lang, i18n.PayDecreeSubject))
			doc.text(margin, y-44, 9, false, i18n.Payment(lang, i18n.PayDecreeNumber)+": "+d.Number)
			doc.text(margin, y-58, 9, false, i18n.Payment(lang, i18n.PayDecreeDate)+": "+i18n.FormatDate(lang, d.Date.Time()))
			y -= headerH
		}
		y = tableRow(doc, cols, y-lineH, size, true, func(c column) string { return i18n.Payment(lang, c.title) })
		doc.rule(margin, a4Long-margin, y-4)
		for i := 0; i < rows && next < len(d.Recipients); i++ {
			r := d.Recipients[next]
			y = tableRow(doc, cols, y-lineH, size, false, func(c column) string { return c.value(r) })
			next++
		}
		if page == pages {
			doc.rule(margin, a4Long-margin, y-4)
			total := fill(i18n.Payment(lang, i18n.PayTotal), d.ClaimCount, i18n.FormatRupiah(d.TotalAmount))
			doc.text(margin, y-lineH-2, size, true, total)
		}
		doc.textRight(a4Long-margin, margin-footerH/2, 8, false,
			d.Number+"  -  "+fill(i18n.Payment(lang, i18n.PayPage), page, strconv.Itoa(pages)))
	}
	return doc.bytes()
}

// tableRow writes one row of cells at baseline y and returns y.
func tableRow(doc *pdfDoc, cols []column, y, size float64, bold bool, cell func(column) string) float64 {
	x := 36.0
	for _, c := range cols {
		s := fit(cell(c), c.width-6, size, bold)
		if c.right {
			doc.textRight(x+c.width-6, y, size, bold, s)
		} else {
			doc.text(x, y, size, bold, s)
		}
		x += c.width
	}
	return y
}

// DecreeXLSX renders the decree's list of recipients as a spreadsheet.
func DecreeXLSX(d Decree, lang i18n.Lang) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	sheet := i18n.Payment(lang, i18n.PayRecipientsSheet)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, fmt.Errorf("xlsx sheet: %w", err)
	}
	x := newSheet(f, sheet)
	x.row(true, i18n.Payment(lang, i18n.PayDecreeTitle))
	x.row(false, i18n.Payment(lang, i18n.PayDecreeNumber)+": "+d.Number)
	x.row(false, i18n.Payment(lang, i18n.PayDecreeDate)+": "+i18n.FormatDate(lang, d.Date.Time()))
	x.next++
	cols := recipientColumns(lang)
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = i18n.Payment(lang, c.title)
		x.width(i, c.width/5.5)
	}
	x.row(true, head...)
	for _, r := range d.Recipients {
		x.row(false, r.Seq, r.ClaimCode, r.DeceasedName, i18n.FormatDate(lang, r.DateOfDeath.Time()), r.VillageName,
			r.KecamatanName, r.HeirName, i18n.RelationshipLabel(lang, r.HeirRelationship), int64(r.Amount))
	}
	x.row(true, fill(i18n.Payment(lang, i18n.PayTotal), d.ClaimCount, i18n.FormatRupiah(d.TotalAmount)),
		nil, nil, nil, nil, nil, nil, nil, int64(d.TotalAmount))
	return x.bytes()
}
