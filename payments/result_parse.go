package payments

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"santunan/domain"
)

// ResultLine is one line of a bank's result file as the bank wrote it.
// Line is its line in the CSV file (the header is line 1), or its position
// (from 1) in a JSON list.
type ResultLine struct {
	Line          int
	Reference     string // the claim code sent as the transfer's reference
	Status        string // SUCCESS or FAILED
	BankReference string // the bank's transaction reference (SUCCESS)
	FailureReason string // why the transfer failed (FAILED)
	Time          string // when the bank executed it; optional
	Amount        string // rupiah, as transferred
}

// ResultColumns is the header of a result file. time may be left out;
// other columns a bank adds are ignored.
var ResultColumns = []string{"reference", "status", "bank_reference", "failure_reason", "time", "amount"}

var optionalColumns = map[string]bool{"time": true}

// MaxResultFileBytes bounds a result file: MaxBatchClaims lines of ~100 bytes.
const MaxResultFileBytes = 2 << 20

// ParseResultCSV reads a bank result file. It never panics on any input: a
// file it cannot read yields problems (line, code) instead of lines, and
// the whole file is then refused.
func ParseResultCSV(data []byte) ([]ResultLine, []domain.Problem) {
	if len(data) > MaxResultFileBytes {
		return nil, []domain.Problem{{Code: domain.ViolationTooLong}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM from spreadsheet tools
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // counted below, to report the line
	r.TrimLeadingSpace = true
	// Spreadsheets in an Indonesian locale save CSV with semicolons.
	if first, _, _ := bytes.Cut(data, []byte("\n")); bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, []domain.Problem{{Line: 1, Code: domain.ViolationFileEmpty}}
	}
	if err != nil {
		return nil, []domain.Problem{{Line: 1, Code: domain.ViolationCSVMalformed}}
	}
	col := map[string]int{}
	for i, name := range header {
		name = strings.ToLower(strings.TrimSpace(name))
		if _, dup := col[name]; !dup {
			col[name] = i
		}
	}
	var problems []domain.Problem
	for _, name := range ResultColumns {
		if _, ok := col[name]; !ok && !optionalColumns[name] {
			problems = append(problems, domain.Problem{Line: 1, Field: name, Code: domain.ViolationColumnMissing})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	var lines []ResultLine
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			// The reader cannot be trusted past a broken quote: stop here.
			return nil, append(problems, domain.Problem{Line: perr.StartLine, Code: domain.ViolationCSVMalformed})
		}
		if err != nil {
			return nil, append(problems, domain.Problem{Code: domain.ViolationCSVMalformed})
		}
		line, _ := r.FieldPos(0)
		if len(lines)+len(problems) >= MaxBatchClaims {
			return nil, append(problems, domain.Problem{Line: line, Code: domain.ViolationTooManyItems})
		}
		if len(rec) != len(header) {
			problems = append(problems, domain.Problem{Line: line, Code: domain.ViolationColumnCount})
			continue
		}
		lines = append(lines, ResultLine{Line: line, Reference: field(rec, "reference"), Status: field(rec, "status"),
			BankReference: field(rec, "bank_reference"), FailureReason: field(rec, "failure_reason"),
			Time: field(rec, "time"), Amount: field(rec, "amount")})
	}
	if len(problems) > 0 {
		return nil, problems
	}
	if len(lines) == 0 {
		return nil, []domain.Problem{{Line: 2, Code: domain.ViolationFileEmpty}}
	}
	return lines, nil
}
