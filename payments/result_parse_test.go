package payments

import (
	"slices"
	"strings"
	"testing"
	"time"

	"santunan/domain"
)

func TestParseResultCSV(t *testing.T) {
	const header = "reference,status,bank_reference,failure_reason,time,amount\n"
	cases := []struct {
		name     string
		in       string
		lines    int
		problems []domain.Problem
	}{
		{"good", header + "SKM-AAAA-BBBB,SUCCESS,JTG1,,2026-11-28 14:00:00,1000000\r\nSKM-CCCC-DDDD,FAILED,,TUTUP,,1000000\n", 2, nil},
		{"bom, extra column, no time", "\xef\xbb\xbfreference,status,bank_reference,failure_reason,amount,branch\nSKM-A,SUCCESS,R,,1,KCP\n", 1, nil},
		{"semicolons", "reference;status;bank_reference;failure_reason;amount\nSKM-A;SUCCESS;R;;1\n", 1, nil},
		{"quoted comma", header + `SKM-A,FAILED,,"NAMA, TIDAK SESUAI",,1` + "\n", 1, nil},
		{"blank lines skipped", header + "\n\nSKM-A,SUCCESS,R,,,1\n\n", 1, nil},
		{"empty", "", 0, []domain.Problem{{Line: 1, Code: domain.ViolationFileEmpty}}},
		{"header only", header, 0, []domain.Problem{{Line: 2, Code: domain.ViolationFileEmpty}}},
		{"missing columns", "reference,status\nSKM-A,SUCCESS\n", 0, []domain.Problem{
			{Line: 1, Field: "bank_reference", Code: domain.ViolationColumnMissing},
			{Line: 1, Field: "failure_reason", Code: domain.ViolationColumnMissing},
			{Line: 1, Field: "amount", Code: domain.ViolationColumnMissing}}},
		{"short line", header + "SKM-A,SUCCESS,R,,,1\nSKM-B,SUCCESS\n", 0, []domain.Problem{{Line: 3, Code: domain.ViolationColumnCount}}},
		{"broken quote", header + "SKM-A,SUCCESS,R,,,1\n\"SKM-B,SUCCESS,R,,,1\n", 0, []domain.Problem{{Line: 3, Code: domain.ViolationCSVMalformed}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, problems := ParseResultCSV([]byte(c.in))
			if len(lines) != c.lines || !slices.Equal(problems, c.problems) {
				t.Fatalf("%d lines %+v, problems %+v; want %d lines, problems %+v", len(lines), lines, problems, c.lines, c.problems)
			}
		})
	}
	lines, _ := ParseResultCSV([]byte(header + "SKM-AAAA-BBBB,SUCCESS,JTG1,,2026-11-28 14:00:00,1000000\n"))
	want := ResultLine{Line: 2, Reference: "SKM-AAAA-BBBB", Status: "SUCCESS", BankReference: "JTG1", Time: "2026-11-28 14:00:00", Amount: "1000000"}
	if lines[0] != want {
		t.Fatalf("line %+v, want %+v", lines[0], want)
	}
}

func TestParseResultCSVLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("reference,status,bank_reference,failure_reason,amount\n")
	for range MaxBatchClaims + 1 {
		b.WriteString("SKM-A,SUCCESS,R,,1\n")
	}
	if _, problems := ParseResultCSV([]byte(b.String())); len(problems) != 1 || problems[0].Code != domain.ViolationTooManyItems {
		t.Fatalf("problems %+v, want too_many_items", problems)
	}
	if _, problems := ParseResultCSV(make([]byte, MaxResultFileBytes+1)); len(problems) != 1 || problems[0].Code != domain.ViolationTooLong {
		t.Fatalf("problems %+v, want too_long", problems)
	}
}

func TestCheckLine(t *testing.T) {
	loc := domain.Jakarta()
	ok := ResultLine{Line: 2, Reference: " skm-aaaa-bbbo ", Status: "success", BankReference: "JTG1", Amount: "1000000.00", Time: "2026-11-28 14:00:00"}
	r, problems := checkLine(ok, loc)
	if len(problems) != 0 || r.ref != "SKM-AAAA-BBB0" || !r.paid || r.amount != 1_000_000 ||
		!r.bankTime.Equal(time.Date(2026, 11, 28, 7, 0, 0, 0, time.UTC)) {
		t.Fatalf("checked %+v %+v", r, problems)
	}
	cases := []struct {
		line  ResultLine
		field string
		code  string
	}{
		{ResultLine{Status: "SUCCESS", BankReference: "R", Amount: "1"}, "reference", domain.ViolationRequired},
		{ResultLine{Reference: "SKM-A", Status: "OK", Amount: "1"}, "status", domain.ViolationResultStatusInvalid},
		{ResultLine{Reference: "SKM-A", Status: "SUCCESS", Amount: "1"}, "bank_reference", domain.ViolationRequired},
		{ResultLine{Reference: "SKM-A", Status: "SUCCESS", BankReference: strings.Repeat("R", 65), Amount: "1"}, "bank_reference", domain.ViolationTooLong},
		{ResultLine{Reference: "SKM-A", Status: "FAILED", Amount: "1"}, "failure_reason", domain.ViolationRequired},
		{ResultLine{Reference: "SKM-A", Status: "FAILED", FailureReason: "A\x00B", Amount: "1"}, "failure_reason", domain.ViolationInvalidCharacters},
		{ResultLine{Reference: "SKM-A", Status: "SUCCESS", BankReference: "R"}, "amount", domain.ViolationRequired},
		{ResultLine{Reference: "SKM-A", Status: "SUCCESS", BankReference: "R", Amount: "1.000.000"}, "amount", domain.ViolationAmountInvalid},
		{ResultLine{Reference: "SKM-A", Status: "SUCCESS", BankReference: "R", Amount: "-5"}, "amount", domain.ViolationAmountInvalid},
		{ResultLine{Reference: "SKM-A", Status: "SUCCESS", BankReference: "R", Amount: "1", Time: "28/11/2026"}, "time", domain.ViolationTimeInvalid},
	}
	for _, c := range cases {
		_, problems := checkLine(c.line, loc)
		if len(problems) != 1 || problems[0].Field != c.field || problems[0].Code != c.code {
			t.Errorf("checkLine(%+v) = %+v, want %s=%s", c.line, problems, c.field, c.code)
		}
	}
}

// The parser and the line checks take a bank's file, outside input: no
// input may panic them, and what they accept is within the limits.
func FuzzParseResultCSV(f *testing.F) {
	for _, s := range []string{
		"reference,status,bank_reference,failure_reason,time,amount\nSKM-AAAA-BBBB,SUCCESS,JTG1,,2026-11-28 14:00:00,1000000\n",
		"reference;status;bank_reference;failure_reason;amount\nSKM-A;FAILED;;TUTUP;1.00\n",
		"\xef\xbb\xbfreference,status\n\"a", "", "\n\n\n", "reference,status,bank_reference,failure_reason,amount\n\"x\"\"y\",,,,\n",
		"reference,status,bank_reference,failure_reason,amount\nSKM-A,SUCCESS,\xff\xfe,,99999999999999999999\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines, problems := ParseResultCSV(data)
		if (len(lines) == 0) == (len(problems) == 0) {
			t.Fatalf("%d lines and %d problems: exactly one must be empty", len(lines), len(problems))
		}
		if len(lines) > MaxBatchClaims {
			t.Fatalf("%d lines accepted", len(lines))
		}
		results, _ := checkLines(lines, domain.Jakarta())
		for i, r := range results {
			if r.line != lines[i].Line || r.line < 2 || r.amount < 0 {
				t.Fatalf("line %+v checked as %+v", lines[i], r)
			}
		}
	})
}
