package payments

import (
	"errors"
	"slices"
	"sort"

	"santunan/domain"
)

// problemOf turns a claim's refusal inside a decree or batch into a line of
// the refusal report. ok is false for errors that are not about the claim
// (a database failure): those end the whole request at once.
func problemOf(claimID int64, err error) (domain.Problem, bool) {
	p := domain.Problem{ClaimID: claimID}
	var (
		budget     *domain.BudgetError
		transition *domain.TransitionError
		validation *domain.ValidationError
		missing    *domain.DocumentsMissingError
	)
	switch {
	case errors.As(err, &budget):
		p.Code = budget.Code()
	case errors.As(err, &transition):
		p.Code, p.Status = domain.ViolationClaimWrongStatus, transition.Status
	case errors.Is(err, domain.ErrNotFound):
		p.Code = domain.ViolationClaimNotFound
	case errors.Is(err, domain.ErrVersionConflict):
		// Someone else moved the claim while this request ran.
		p.Code = domain.ViolationClaimWrongStatus
	case errors.As(err, &missing):
		// The documents guard: approve needs papers this claim lacks.
		p.Field, p.Code = "documents", domain.ViolationDocumentsMissing
	case errors.As(err, &validation):
		// A guard of another capability (documents) refused: report its
		// first code, in field order so the report is stable.
		fields := make([]string, 0, len(validation.Fields))
		for f := range validation.Fields {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		p.Field, p.Code = fields[0], validation.Fields[fields[0]]
	default:
		return domain.Problem{}, false
	}
	return p, true
}

// checkClaimIDs validates a list of claim ids from a request: present, not
// too many, no repeats. The ids come back sorted, the order in which claims
// are then locked, so that two requests over the same claims cannot
// deadlock each other.
func checkClaimIDs(field string, ids []int64) ([]int64, error) {
	switch {
	case len(ids) == 0:
		return nil, domain.FieldError(field, domain.ViolationRequired)
	case len(ids) > MaxBatchClaims:
		return nil, domain.FieldError(field, domain.ViolationTooManyItems)
	}
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	for i, id := range sorted {
		if id <= 0 {
			return nil, domain.FieldError(field, domain.ViolationInvalidValue)
		}
		if i > 0 && sorted[i-1] == id {
			return nil, domain.FieldError(field, domain.ViolationDuplicateItem)
		}
	}
	return sorted, nil
}
