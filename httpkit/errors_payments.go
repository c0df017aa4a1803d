package httpkit

import (
	"errors"

	"santunan/domain"
	"santunan/i18n"
)

// ProblemJSON is one line of a refusal report.
type ProblemJSON struct {
	domain.Problem
	Message string `json:"message"`
}

// BudgetFacts explain a budget refusal.
type BudgetFacts struct {
	Year      int           `json:"year"`
	Ceiling   domain.Rupiah `json:"ceiling"`
	Committed domain.Rupiah `json:"committed"`
	Remaining domain.Rupiah `json:"remaining"`
	Amount    domain.Rupiah `json:"amount"`
}

// refusalCodes are the error codes of whole-request refusals.
var refusalCodes = map[domain.RefusalSubject]string{
	domain.RefusedDecree:     "decree_refused",
	domain.RefusedBatch:      "batch_refused",
	domain.RefusedResultFile: "result_file_refused",
}

func refusalDetail(e *domain.RefusalError) Detail {
	code, ok := refusalCodes[e.Subject]
	if !ok {
		code = "refused"
	}
	problems := make([]ProblemJSON, 0, len(e.Problems))
	for _, p := range e.Problems {
		problems = append(problems, ProblemJSON{Problem: p, Message: i18n.Violation(i18n.English, p.Code)})
	}
	return Detail{Code: code, Problems: problems, ProblemCount: e.Total,
		Message: "nothing was applied: every problem is listed (up to 500)"}
}

func budgetDetail(e *domain.BudgetError) Detail {
	if e.NotSet {
		return Detail{Code: domain.ViolationBudgetNotSet,
			Message: "no budget ceiling is set for this year; set it first (POST /api/v1/budgets/{year})",
			Budget:  &BudgetFacts{Year: e.Year, Amount: e.Amount}}
	}
	return Detail{Code: domain.ViolationBudgetExhausted,
		Message: "the year's budget ceiling does not cover this claim's amount",
		Budget: &BudgetFacts{Year: e.Year, Ceiling: e.Ceiling, Committed: e.Committed,
			Remaining: e.Ceiling - e.Committed, Amount: e.Amount}}
}

// Stable codes of a batch's transfer files and lines.
const (
	CodeBatchClosed     = "batch_closed"
	CodeNothingToSend   = "nothing_to_send"
	CodeTransferNotSent = "transfer_not_sent"
	CodeLineSent        = "line_sent"
	CodeLineResolved    = "line_resolved"
)

// batchConflict classifies the refusals of a batch's state (409): each
// says what the treasurer can do instead.
func batchConflict(err error) (Detail, bool) {
	switch {
	case errors.Is(err, domain.ErrBatchClosed):
		return Detail{Code: CodeBatchClosed,
			Message: "every line of this batch has its result: nothing more can be sent, withdrawn or failed"}, true
	case errors.Is(err, domain.ErrNothingToSend):
		return Detail{Code: CodeNothingToSend,
			Message: "no line waits to be sent: each was sent already (GET the transfer file to download it again), has its result, or is held back for its account name"}, true
	case errors.Is(err, domain.ErrTransferNotSent):
		return Detail{Code: CodeTransferNotSent,
			Message: "no transfer file of this batch was taken for the bank yet: take it with POST /api/v1/disbursements/{id}/transfer-file"}, true
	case errors.Is(err, domain.ErrLineSent):
		return Detail{Code: CodeLineSent,
			Message: "this line was sent to the bank, which may be paying it: only the bank's result file can resolve it"}, true
	case errors.Is(err, domain.ErrLineResolved):
		return Detail{Code: CodeLineResolved, Message: "this line already has its result"}, true
	}
	return Detail{}, false
}
