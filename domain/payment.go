package domain

import (
	"errors"
	"fmt"
)

// Errors of the payment capability (budget, decrees, batches). The API maps
// them to statuses and codes in httpkit/errors.go.
var (
	// ErrBudgetExhausted: approving the claim would take the year's
	// committed amount over its ceiling.
	ErrBudgetExhausted = errors.New("budget exhausted")
	// ErrBudgetNotSet: no ceiling has been set for the year, so nothing can
	// be committed against it.
	ErrBudgetNotSet = errors.New("budget not set")
	// ErrRefused: a request about many claims or lines (a decree, a batch,
	// a bank result file) was refused as a whole; nothing of it was applied.
	ErrRefused = errors.New("refused")
	// ErrReservedAction: the action is taken only through its capability
	// (payment actions through a payment batch), never on one claim.
	ErrReservedAction = errors.New("action reserved")
	// ErrDuplicateDecree: a decree with this number exists.
	ErrDuplicateDecree = errors.New("duplicate decree number")
	// ErrInquiryUnavailable: no account-name inquiry service is configured;
	// the treasurer confirms names by hand.
	ErrInquiryUnavailable = errors.New("account inquiry unavailable")
	// ErrBatchClosed: every line of the batch has its result; nothing more
	// can be sent, withdrawn or failed.
	ErrBatchClosed = errors.New("batch closed")
	// ErrNothingToSend: no line of the batch waits to be sent to the bank
	// (each was sent already, has its result, or is held back).
	ErrNothingToSend = errors.New("nothing to send")
	// ErrTransferNotSent: no transfer file of the batch was taken for the
	// bank yet, so there is none to download again.
	ErrTransferNotSent = errors.New("transfer file not sent")
	// ErrLineSent: the line was sent to the bank, which may be paying it:
	// only the bank's result may resolve it.
	ErrLineSent = errors.New("line sent to the bank")
	// ErrLineResolved: the line has its result (paid, failed or withdrawn).
	ErrLineResolved = errors.New("line resolved")
)

// Violation codes of payment requests, bank result files and the per-claim
// reports of decrees and batches.
const (
	ViolationBudgetExhausted       = "budget_exhausted"
	ViolationBudgetNotSet          = "budget_not_set"
	ViolationCeilingBelowCommitted = "ceiling_below_committed"
	ViolationAmountInvalid         = "amount_invalid"
	ViolationDecreeNumberInvalid   = "decree_number_invalid"
	ViolationTooManyItems          = "too_many_items"
	ViolationDuplicateItem         = "duplicate_item"
	ViolationClaimNotFound         = "claim_not_found"
	ViolationClaimWrongStatus      = "claim_wrong_status"
	ViolationNoApprovedClaims      = "no_approved_claims"
	ViolationNotInBatch            = "not_in_batch"
	ViolationAmountMismatch        = "amount_mismatch"
	ViolationResultStatusInvalid   = "result_status_invalid"
	ViolationResultConflict        = "result_conflict"
	ViolationTimeInvalid           = "time_invalid"
	ViolationFileEmpty             = "file_empty"
	// A bank result file's header lacks a column it needs (the file's
	// malformed lines use the shared ViolationCSVMalformed and ViolationColumnCount).
	ViolationColumnMissing = "column_missing"
	// A SUCCESS for a line that no transfer file carried to the bank: the
	// bank cannot have paid it. ViolationHeldBack when the line was held
	// back for an account-name mismatch; ViolationLineWithdrawn, a result of
	// any kind, for a line taken out of its batch.
	ViolationNotSent       = "not_sent"
	ViolationHeldBack      = "held_back"
	ViolationLineWithdrawn = "line_withdrawn"
)

// RefusalSubject names what a RefusalError refused.
type RefusalSubject string

const (
	RefusedDecree     RefusalSubject = "decree"
	RefusedBatch      RefusalSubject = "batch"
	RefusedResultFile RefusalSubject = "result_file"
)

// Problem is one reason a decree, batch or result file was refused: a line
// of the file (1 is the header) or a claim, and a violation code.
type Problem struct {
	Line      int    `json:"line,omitempty"`
	ClaimID   int64  `json:"claim_id,omitempty"`
	Reference string `json:"reference,omitempty"`
	Field     string `json:"field,omitempty"`
	Code      string `json:"code"`
	// Status is the claim's status when Code is ViolationClaimWrongStatus.
	Status Status `json:"status,omitempty"`
}

// MaxProblems bounds a refusal report: a file that is wrong throughout
// need not be described line by line ten thousand times.
const MaxProblems = 500

// RefusalError refuses a request as a whole, listing what was wrong.
type RefusalError struct {
	Subject  RefusalSubject
	Problems []Problem // at most MaxProblems
	Total    int       // how many problems were found, including those left out
}

// NewRefusal keeps the first MaxProblems problems.
func NewRefusal(subject RefusalSubject, problems []Problem) *RefusalError {
	e := &RefusalError{Subject: subject, Problems: problems, Total: len(problems)}
	if len(problems) > MaxProblems {
		e.Problems = problems[:MaxProblems]
	}
	return e
}

func (e *RefusalError) Error() string {
	return fmt.Sprintf("%s refused: %d problems", e.Subject, e.Total)
}

func (e *RefusalError) Is(target error) bool { return target == ErrRefused }

// BudgetError says why a claim could not be committed against a year's budget.
type BudgetError struct {
	Year      int
	NotSet    bool
	Ceiling   Rupiah
	Committed Rupiah
	Amount    Rupiah // the claim's amount
}

func (e *BudgetError) Error() string {
	if e.NotSet {
		return fmt.Sprintf("no budget is set for %d", e.Year)
	}
	return fmt.Sprintf("budget %d: %d committed of %d, claim of %d does not fit", e.Year, e.Committed, e.Ceiling, e.Amount)
}

func (e *BudgetError) Is(target error) bool {
	if e.NotSet {
		return target == ErrBudgetNotSet
	}
	return target == ErrBudgetExhausted
}

// Code is the violation code for the claim's line in a report.
func (e *BudgetError) Code() string {
	if e.NotSet {
		return ViolationBudgetNotSet
	}
	return ViolationBudgetExhausted
}

// ReservedActionError names an action that only its capability takes.
type ReservedActionError struct {
	Action Action
}

func (e *ReservedActionError) Error() string {
	return "action " + string(e.Action) + " is taken only through its capability"
}

func (e *ReservedActionError) Is(target error) bool { return target == ErrReservedAction }

// Event kinds the payment capability records beside workflow actions (see
// workflow.Tx.Record): they change no status.
const (
	// EventAccountChecked: the heir's account name was checked against the
	// bank's record before the transfer, and the result put on the claim.
	EventAccountChecked Action = "account_checked"
	// EventTransferSent: the claim's line was in a transfer file the
	// treasurer took for the bank; from now on the bank may be paying it.
	EventTransferSent Action = "transfer_sent"
)
