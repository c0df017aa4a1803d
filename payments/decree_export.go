package payments

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"santunan/domain"
	"santunan/i18n"
	"santunan/pdfdoc"
	"santunan/workflow"
)

// The decree's list of recipients, as officers print and sign it: in
// Indonesian, without NIKs or account numbers (the decree is circulated; the
// transfer file carries the accounts).

type column struct {
	title i18n.PaymentText
	chars float64 // width in the sheet, in characters
	right bool
	// share: a column of names takes this share of the PDF's width left by
	// the columns of short values, and wraps; 0 for a column of short values.
	share float64
	value func(r Recipient) string
}

func recipientColumns(lang i18n.Lang) []column {
	return []column{
		{i18n.PayColNo, 5, true, 0, func(r Recipient) string { return strconv.Itoa(r.Seq) }},
		{i18n.PayColClaimCode, 15, false, 0, func(r Recipient) string { return r.ClaimCode }},
		{i18n.PayColDeceased, 24, false, 3, func(r Recipient) string { return r.DeceasedName }},
		{i18n.PayColDateOfDeath, 17, false, 0, func(r Recipient) string { return i18n.FormatDate(lang, r.DateOfDeath.Time()) }},
		{i18n.PayColVillage, 16, false, 2, func(r Recipient) string { return r.VillageName }},
		{i18n.PayColKecamatan, 14, false, 2, func(r Recipient) string { return r.KecamatanName }},
		{i18n.PayColHeir, 22, false, 3, func(r Recipient) string { return r.HeirName }},
		{i18n.PayColRelationship, 11, false, 0, func(r Recipient) string { return i18n.RelationshipLabel(lang, r.HeirRelationship) }},
		{i18n.PayColAmount, 14, true, 0, func(r Recipient) string { return rupiahDigits(r.Amount) }},
	}
}

// rupiahDigits is "1.000.000": the column title says Rp.
func rupiahDigits(a domain.Rupiah) string { return strings.TrimPrefix(i18n.FormatRupiah(a), "Rp") }

func fill(tmpl string, n int, total string) string {
	return strings.NewReplacer("{n}", strconv.Itoa(n), "{total}", total).Replace(tmpl)
}

// DecreePDF renders the decree's list of recipients on A4 landscape pages:
// the decree's number and date, a table whose header repeats on every page,
// the total, and page numbers. The code column fits the widest code there
// can be; names wrap within their cells, so nothing is cut.
func DecreePDF(d Decree, lang i18n.Lang) ([]byte, error) {
	cols := recipientColumns(lang)
	rows := make([][]string, len(d.Recipients))
	for i, r := range d.Recipients {
		rows[i] = make([]string, len(cols))
		for j, c := range cols {
			rows[i][j] = c.value(r)
		}
	}
	pcols := make([]pdfdoc.Column, len(cols))
	for j, c := range cols {
		pcols[j] = pdfdoc.Column{Title: i18n.Payment(lang, c.title), Right: c.right, Share: c.share}
		switch {
		case c.share > 0: // wraps
		case c.title == i18n.PayColClaimCode:
			pcols[j].Fit = workflow.UniformCodes()
		case c.title == i18n.PayColRelationship:
			for _, rel := range domain.Relationships {
				pcols[j].Fit = append(pcols[j].Fit, i18n.RelationshipLabel(lang, rel))
			}
		default: // numbers and dates: as wide as the widest here
			for _, row := range rows {
				pcols[j].Fit = append(pcols[j].Fit, row[j])
			}
		}
	}
	title := i18n.Payment(lang, i18n.PayDecreeTitle)
	return pdfdoc.Render(pdfdoc.Report{
		Title: title,
		Heading: []string{
			i18n.Payment(lang, i18n.PayDecreeSubject),
			i18n.Payment(lang, i18n.PayDecreeNumber) + ": " + d.Number,
			i18n.Payment(lang, i18n.PayDecreeDate) + ": " + i18n.FormatDate(lang, d.Date.Time()),
		},
		Columns: pcols,
		Rows:    rows,
		Total:   fill(i18n.Payment(lang, i18n.PayTotal), d.ClaimCount, i18n.FormatRupiah(d.TotalAmount)),
		Footer:  i18n.Payment(lang, i18n.PayDecreeNumber) + " " + d.Number,
		PageLabel: func(page, pages int) string {
			return fill(i18n.Payment(lang, i18n.PayPage), page, strconv.Itoa(pages))
		},
		Created: d.CreatedAt,
		Lang:    langTag(lang),
	})
}

func langTag(lang i18n.Lang) string {
	if lang == i18n.English {
		return "en"
	}
	return "id-ID"
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
		x.width(i, c.chars)
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
