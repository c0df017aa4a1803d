package payments

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// sheetWriter appends rows to one sheet of a workbook. Strings are written
// as text cells, never as formulas, so a name starting with "=" stays a name.
type sheetWriter struct {
	f              *excelize.File
	sheet          string
	next           int // rows written
	bold, num, sum int // styles: bold text, amount, bold amount
	err            error
}

func newSheet(f *excelize.File, sheet string) *sheetWriter {
	x := &sheetWriter{f: f, sheet: sheet}
	// Number format 3 is "#,##0": rupiah without decimals.
	x.bold, x.err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if x.err == nil {
		x.num, x.err = f.NewStyle(&excelize.Style{NumFmt: 3})
	}
	if x.err == nil {
		x.sum, x.err = f.NewStyle(&excelize.Style{NumFmt: 3, Font: &excelize.Font{Bold: true}})
	}
	return x
}

// row writes values in the next row; int64 values are amounts.
func (x *sheetWriter) row(bold bool, values ...any) {
	if x.err != nil {
		return
	}
	x.next++
	first, _ := excelize.CoordinatesToCellName(1, x.next)
	if x.err = x.f.SetSheetRow(x.sheet, first, &values); x.err != nil {
		return
	}
	if bold {
		last, _ := excelize.CoordinatesToCellName(len(values), x.next)
		if x.err = x.f.SetCellStyle(x.sheet, first, last, x.bold); x.err != nil {
			return
		}
	}
	for i, v := range values {
		if _, amount := v.(int64); amount {
			cell, _ := excelize.CoordinatesToCellName(i+1, x.next)
			style := x.num
			if bold {
				style = x.sum
			}
			if x.err = x.f.SetCellStyle(x.sheet, cell, cell, style); x.err != nil {
				return
			}
		}
	}
}

// width sets a column's width (0-based column, in characters).
func (x *sheetWriter) width(col int, chars float64) {
	if x.err != nil {
		return
	}
	name, _ := excelize.ColumnNumberToName(col + 1)
	x.err = x.f.SetColWidth(x.sheet, name, name, chars)
}

func (x *sheetWriter) bytes() ([]byte, error) {
	if x.err != nil {
		return nil, fmt.Errorf("xlsx: %w", x.err)
	}
	var buf bytes.Buffer
	if err := x.f.Write(&buf); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	return buf.Bytes(), nil
}
