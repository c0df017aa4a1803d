package payments

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"santunan/domain"
	"santunan/workflow"
)

// Bank result statuses.
const (
	ResultSuccess = "SUCCESS"
	ResultFailed  = "FAILED"
)

// Field limits of a result line, matching what the workflow accepts for
// bank_reference (confirm_payment) and reason (fail_payment).
const (
	maxBankReferenceRunes = 64
	maxFailureReasonRunes = 500
)

// result is a checked result line.
type result struct {
	line     int
	ref      string // normalised claim code
	paid     bool
	bankRef  string
	reason   string
	bankTime *time.Time
	amount   int64
}

var amountPattern = regexp.MustCompile(`^[0-9]{1,15}(\.0{1,2})?$`)

// Times a bank writes: with a zone, or local (WIB) without one.
var timeLayouts = []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04"}

// checkLine validates one line on its own; checks against the batch come later.
func checkLine(l ResultLine, loc *time.Location) (result, []domain.Problem) {
	r := result{line: l.Line, ref: workflow.NormalizeCode(l.Reference)}
	var problems []domain.Problem
	add := func(field, code string) {
		problems = append(problems, domain.Problem{Line: l.Line, Reference: r.ref, Field: field, Code: code})
	}
	if r.ref == "" {
		add("reference", domain.ViolationRequired)
	} else if len(r.ref) > 32 || domain.LineViolation(r.ref) != "" {
		r.ref = ""
		add("reference", domain.ViolationNotInBatch)
	}
	switch strings.ToUpper(strings.TrimSpace(l.Status)) {
	case ResultSuccess:
		r.paid = true
		r.bankRef = strings.TrimSpace(l.BankReference)
		if code := textViolation(r.bankRef, maxBankReferenceRunes); code != "" {
			add("bank_reference", code)
		}
	case ResultFailed:
		r.reason = strings.TrimSpace(l.FailureReason)
		if code := textViolation(r.reason, maxFailureReasonRunes); code != "" {
			add("failure_reason", code)
		}
	case "":
		add("status", domain.ViolationRequired)
	default:
		add("status", domain.ViolationResultStatusInvalid)
	}
	switch amount := strings.TrimSpace(l.Amount); {
	case amount == "":
		add("amount", domain.ViolationRequired)
	case !amountPattern.MatchString(amount):
		add("amount", domain.ViolationAmountInvalid)
	default:
		whole, _, _ := strings.Cut(amount, ".")
		r.amount, _ = strconv.ParseInt(whole, 10, 64)
	}
	if raw := strings.TrimSpace(l.Time); raw != "" {
		t, ok := parseBankTime(raw, loc)
		if !ok {
			add("time", domain.ViolationTimeInvalid)
		} else {
			r.bankTime = &t
		}
	}
	return r, problems
}

func parseBankTime(raw string, loc *time.Location) (time.Time, bool) {
	for _, layout := range timeLayouts {
		if t, err := time.ParseInLocation(layout, raw, loc); err == nil {
			return t.UTC().Truncate(time.Microsecond), true
		}
	}
	return time.Time{}, false
}

func textViolation(s string, maxRunes int) string {
	switch {
	case s == "":
		return domain.ViolationRequired
	case domain.LineViolation(s) != "":
		return domain.ViolationInvalidCharacters
	case utf8.RuneCountInString(s) > maxRunes:
		return domain.ViolationTooLong
	}
	return ""
}

// checkLines validates every line and refuses a reference given twice.
func checkLines(lines []ResultLine, loc *time.Location) ([]result, []domain.Problem) {
	out := make([]result, 0, len(lines))
	var problems []domain.Problem
	seen := make(map[string]int, len(lines))
	for _, l := range lines {
		r, ps := checkLine(l, loc)
		problems = append(problems, ps...)
		if r.ref != "" {
			if _, dup := seen[r.ref]; dup {
				problems = append(problems, domain.Problem{Line: l.Line, Reference: r.ref, Field: "reference", Code: domain.ViolationDuplicateItem})
			}
			seen[r.ref] = l.Line
		}
		out = append(out, r)
	}
	return out, problems
}
