package deathregister

import (
	"bufio"
	"errors"
	"io"
	"strings"

	"santunan/domain"
)

// Problem is why one line of an import was refused: the line number in the
// file (the header is line 1), the column and a violation code.
type Problem struct {
	Line  int    `json:"line"`
	Field string `json:"field"`
	Code  string `json:"code"`
}

// maxLineBytes bounds one line. A register line is about 120 bytes; a
// longer one is refused alone, and a file without line breaks is refused
// without being read whole.
const maxLineBytes = 4 << 10

// Reader reads a register CSV line by line. Each physical line is one
// record: no register field holds a line break, so a stray quote spoils its
// own line only, never the rest of the file (as it would with
// encoding/csv's multi-line fields). Lines that cannot be read or are
// invalid come back as problems; reading goes on after them.
type Reader struct {
	br    *bufio.Reader
	v     Validator
	comma byte
	line  int
}

// NewReader reads and checks the header. The delimiter is a comma, or a
// semicolon when the header uses semicolons (Excel in an Indonesian locale
// saves CSV that way). A missing or different header is a validation error
// on "file".
func NewReader(r io.Reader, v Validator) (*Reader, error) {
	rd := &Reader{br: bufio.NewReaderSize(r, maxLineBytes), v: v, comma: ','}
	raw, tooLong, err := rd.readLine()
	if errors.Is(err, io.EOF) && raw == "" || tooLong {
		return nil, domain.FieldError("file", domain.ViolationCSVHeaderInvalid)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	header := strings.TrimPrefix(raw, "\uFEFF")
	if strings.Count(header, ";") > strings.Count(header, ",") {
		rd.comma = ';'
	}
	names, ok := splitLine(header, rd.comma)
	if !ok || len(names) != len(Columns) {
		return nil, domain.FieldError("file", domain.ViolationCSVHeaderInvalid)
	}
	for i, n := range names {
		if strings.ToLower(strings.TrimSpace(n)) != Columns[i] {
			return nil, domain.FieldError("file", domain.ViolationCSVHeaderInvalid)
		}
	}
	return rd, nil
}

// readLine returns the next line without its line break. A line longer
// than maxLineBytes is skipped to its end and reported as tooLong.
func (r *Reader) readLine() (line string, tooLong bool, err error) {
	r.line++
	raw, err := r.br.ReadSlice('\n')
	for errors.Is(err, bufio.ErrBufferFull) {
		tooLong = true
		_, err = r.br.ReadSlice('\n')
	}
	if tooLong {
		if errors.Is(err, io.EOF) {
			err = nil
		}
		return "", true, err
	}
	return strings.TrimRight(string(raw), "\r\n"), false, err
}

// Next returns the next non-blank line: a valid record, or the problems
// that refuse the line. It returns io.EOF after the last line; any other
// error means the input itself failed (too large, connection lost).
func (r *Reader) Next() (rec domain.DeathRecord, line int, problems []Problem, err error) {
	for {
		raw, tooLong, err := r.readLine()
		if err != nil && !errors.Is(err, io.EOF) {
			return domain.DeathRecord{}, 0, nil, err
		}
		line = r.line
		switch {
		case tooLong:
			return domain.DeathRecord{}, line, []Problem{{Line: line, Code: domain.ViolationTooLong}}, nil
		case strings.TrimSpace(raw) == "":
			if err != nil { // io.EOF
				return domain.DeathRecord{}, 0, nil, io.EOF
			}
			continue
		}
		fields, ok := splitLine(raw, r.comma)
		switch {
		case !ok:
			return domain.DeathRecord{}, line, []Problem{{Line: line, Code: domain.ViolationCSVMalformed}}, nil
		case len(fields) != len(Columns):
			return domain.DeathRecord{}, line, []Problem{{Line: line, Code: domain.ViolationColumnCount}}, nil
		}
		rec, errs := r.v.Record(fields)
		for _, col := range Columns {
			if code, bad := errs[col]; bad {
				problems = append(problems, Problem{Line: line, Field: col, Code: code})
			}
		}
		return rec, line, problems, nil
	}
}

// splitLine splits one CSV line (RFC 4180 without line breaks in fields):
// fields separated by comma, a field may be quoted with "" for a quote
// inside. A quote inside an unquoted field, or text after a closing quote,
// makes the line malformed.
func splitLine(line string, comma byte) ([]string, bool) {
	fields := make([]string, 0, len(Columns))
	for i := 0; ; {
		// Spaces before an opening quote are ignored, as spreadsheets write them.
		j := i
		for j < len(line) && line[j] == ' ' {
			j++
		}
		if j < len(line) && line[j] == '"' {
			var b strings.Builder
			k := j + 1
			for {
				q := strings.IndexByte(line[k:], '"')
				if q < 0 {
					return nil, false // unclosed quote
				}
				b.WriteString(line[k : k+q])
				k += q + 1
				if k < len(line) && line[k] == '"' {
					b.WriteByte('"')
					k++
					continue
				}
				break
			}
			for k < len(line) && line[k] == ' ' {
				k++
			}
			fields = append(fields, b.String())
			if k == len(line) {
				return fields, true
			}
			if line[k] != comma {
				return nil, false
			}
			i = k + 1
			continue
		}
		end := strings.IndexByte(line[i:], comma)
		field := line[i:]
		if end >= 0 {
			field = line[i : i+end]
		}
		if strings.IndexByte(field, '"') >= 0 {
			return nil, false
		}
		fields = append(fields, field)
		if end < 0 {
			return fields, true
		}
		i += end + 1
	}
}
