package api

import (
	"santunan/domain"
	"santunan/i18n"
)

// problemJSON is one line of a refusal report.
type problemJSON struct {
	domain.Problem
	Message string `json:"message"`
}

// budgetFacts explain a budget refusal.
type budgetFacts struct {
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

func refusalDetail(e *domain.RefusalError) errorDetail {
	code, ok := refusalCodes[e.Subject]
	if !ok {
		code = "refused"
	}
	problems := make([]problemJSON, 0, len(e.Problems))
	for _, p := range e.Problems {
		problems = append(problems, problemJSON{Problem: p, Message: i18n.Violation(i18n.English, p.Code)})
	}
	return errorDetail{Code: code, Problems: problems, ProblemCount: e.Total,
		Message: "nothing was applied: every problem is listed (up to 500)"}
}

func budgetDetail(e *domain.BudgetError) errorDetail {
	if e.NotSet {
		return errorDetail{Code: domain.ViolationBudgetNotSet,
			Message: "no budget ceiling is set for this year; set it first (POST /api/v1/budgets/{year})",
			Budget:  &budgetFacts{Year: e.Year, Amount: e.Amount}}
	}
	return errorDetail{Code: domain.ViolationBudgetExhausted,
		Message: "the year's budget ceiling does not cover this claim's amount",
		Budget: &budgetFacts{Year: e.Year, Ceiling: e.Ceiling, Committed: e.Committed,
			Remaining: e.Ceiling - e.Committed, Amount: e.Amount}}
}
