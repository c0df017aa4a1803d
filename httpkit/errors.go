package httpkit

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/i18n"
)

// Stable error codes. API clients branch on these, never on messages; the
// pages find their Indonesian sentence by them ("error.<code>").
const (
	CodeBadRequest        = "bad_request"
	CodePayloadTooLarge   = "payload_too_large"
	CodeUnauthenticated   = "unauthenticated"
	CodeForbidden         = "forbidden"
	CodeNotFound          = "not_found"
	CodeMethodNotAllowed  = "method_not_allowed"
	CodeInvalidTransition = "invalid_transition"
	CodeVersionConflict   = "version_conflict"
	CodeDuplicateClaim    = "duplicate_claim"
	CodeDuplicateUsername = "duplicate_username"
	CodeValidationFailed  = "validation_failed"
	CodeRateLimited       = "rate_limited"
	CodeCrossSite         = "cross_site_refused"
	CodeAccountLocked     = "account_locked"
	CodeLoginThrottled    = "login_throttled"
	CodeTrackingLocked    = "tracking_locked"
	CodePasswordChange    = "password_change_required"
	CodeUnavailable       = "service_unavailable"
	CodeConflict          = "conflict"
	CodeInternal          = "internal_error"

	// Payments (budget_exhausted, budget_not_set and the *_refused codes
	// come from errors_payments.go).
	CodeActionReserved     = "action_reserved"
	CodeDuplicateDecree    = "duplicate_decree"
	CodeInquiryUnavailable = "inquiry_unavailable"
	CodeUnsupportedMedia   = "unsupported_media_type"

	// Documents and the death register (classified in errors_documents.go).
	CodeDocumentsMissing      = "documents_missing"
	CodeRegisterMismatch      = "register_mismatch_unconfirmed"
	CodeRegistryNotConfigured = "registry_not_configured"
	CodeRegistryUnavailable   = "registry_unavailable"
)

// Refusals that the front doors and their middleware decide themselves.
var (
	ErrMethodNotAllowed = errors.New("method not allowed on this endpoint")
	ErrNoRoute          = errors.New("no such endpoint")
	ErrRateLimited      = errors.New("too many requests")
	ErrCrossSite        = errors.New("a request from another site")
	errPanic            = errors.New("panic")
)

// Detail is what a refusal says: the stable code, an English message (the
// API's), and the facts some codes carry. The API sends it as JSON; a page
// shows the sentence of its code.
type Detail struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
	// Extra facts for some codes: the current status on invalid_transition,
	// the current version on version_conflict, the existing code on duplicate_claim.
	Status       domain.Status `json:"status,omitempty"`
	Version      int           `json:"version,omitempty"`
	ExistingCode string        `json:"existing_code,omitempty"`
	// A refused decree, batch or result file: one problem per bad claim or
	// line (at most domain.MaxProblems), and how many there were in all.
	Problems     []ProblemJSON `json:"problems,omitempty"`
	ProblemCount int           `json:"problem_count,omitempty"`
	// A budget refusal: the year's figures.
	Budget *BudgetFacts `json:"budget,omitempty"`
	// documents_missing: the kinds the action needs; register_mismatch_unconfirmed:
	// the fields on which the claim and the death register differ.
	MissingDocuments    []domain.DocumentKind `json:"missing_documents,omitempty"`
	RegisterDifferences []string              `json:"register_differences,omitempty"`
}

// Respond classifies err for the response of c: what is our fault (500)
// or the database's (503) is logged with the request id, and a client that
// should wait is told how long (Retry-After).
func Respond(c *gin.Context, err error) (int, Detail) {
	status, detail := Classify(err)
	if status == http.StatusInternalServerError && !errors.Is(err, errPanic) {
		Logger(c).Error("request failed", "error", err.Error())
	}
	if status == http.StatusServiceUnavailable {
		Logger(c).Warn("database unavailable", "error", err.Error())
		c.Header("Retry-After", "5")
	}
	// A refused login (auth.LockedError, auth.ThrottledError) says how long
	// to wait, by the service's clock.
	var tracking *domain.TrackingLockedError
	if errors.As(err, &tracking) && tracking.Locking {
		// The security log's line of a code locked against guessing: the
		// code, never the NIK that was tried.
		Logger(c).Warn("tracking code locked", "code", tracking.Code, "until", tracking.Until.Format(time.RFC3339))
	}
	var wait interface{ RetryAfter() time.Duration }
	if errors.As(err, &wait) {
		c.Header("Retry-After", strconv.Itoa(int(wait.RetryAfter().Seconds())+1))
	}
	return status, detail
}

// Classify is the one place where errors become HTTP statuses and stable
// codes. Anything not recognised is a bug on our side: 500.
func Classify(err error) (int, Detail) {
	var (
		validation *domain.ValidationError
		transition *domain.TransitionError
		conflict   *domain.VersionConflictError
		duplicate  *domain.DuplicateClaimError
		refusal    *domain.RefusalError
		budget     *domain.BudgetError
	)
	if status, detail, ok := documentError(err); ok {
		return status, detail
	}
	if status, detail, ok := applicationError(err); ok {
		return status, detail
	}
	if status, detail, ok := complaintError(err); ok {
		return status, detail
	}
	if detail, ok := batchConflict(err); ok {
		return http.StatusConflict, detail
	}
	switch {
	case errors.As(err, &validation):
		return http.StatusUnprocessableEntity, Detail{Code: CodeValidationFailed,
			Message: "some fields are not valid", Fields: FieldMessages(validation.Fields)}
	case errors.As(err, &transition):
		return http.StatusConflict, Detail{Code: CodeInvalidTransition, Status: transition.Status,
			Message: "action " + string(transition.Action) + " is not allowed while the claim is " + string(transition.Status)}
	case errors.As(err, &conflict):
		return http.StatusConflict, Detail{Code: CodeVersionConflict, Version: conflict.Current,
			Message: "the claim was changed by someone else; reload it and try again"}
	case errors.As(err, &duplicate):
		return http.StatusConflict, Detail{Code: CodeDuplicateClaim, ExistingCode: duplicate.ExistingCode,
			Message: "a live claim already exists for this death: " + duplicate.ExistingCode}
	case errors.As(err, &refusal):
		return http.StatusUnprocessableEntity, refusalDetail(refusal)
	case errors.As(err, &budget):
		return http.StatusUnprocessableEntity, budgetDetail(budget)
	case errors.Is(err, domain.ErrReservedAction):
		return http.StatusConflict, Detail{Code: CodeActionReserved,
			Message: "payments are started, confirmed and failed through a disbursement batch (/api/v1/disbursements)"}
	case errors.Is(err, domain.ErrDuplicateDecree):
		return http.StatusConflict, Detail{Code: CodeDuplicateDecree, Message: "a decree with this number exists"}
	case errors.Is(err, domain.ErrInquiryUnavailable):
		return http.StatusConflict, Detail{Code: CodeInquiryUnavailable,
			Message: "no account-name inquiry service is configured; confirm the names by hand (account-checks)"}
	case errors.Is(err, domain.ErrDuplicateUsername):
		return http.StatusConflict, Detail{Code: CodeDuplicateUsername, Message: "this username is taken"}
	case errors.Is(err, domain.ErrLocked):
		return http.StatusTooManyRequests, Detail{Code: CodeAccountLocked,
			Message: "too many failed logins for this username from here; try again later"}
	case errors.Is(err, domain.ErrThrottled):
		return http.StatusTooManyRequests, Detail{Code: CodeLoginThrottled,
			Message: "too many failed logins for this username; wait as long as Retry-After says"}
	case errors.Is(err, domain.ErrTrackingLocked):
		return http.StatusTooManyRequests, Detail{Code: CodeTrackingLocked,
			Message: "too many wrong NIKs were tried with this code; it answers nothing for a while, even to the right NIK: contact the office (Dinas Sosial) or wait as long as Retry-After says"}
	case errors.Is(err, domain.ErrPasswordChangeRequired):
		return http.StatusForbidden, Detail{Code: CodePasswordChange,
			Message: "your password was set by an administrator: change it first (POST /api/v1/me/password)"}
	case errors.Is(err, domain.ErrUnauthenticated):
		return http.StatusUnauthorized, Detail{Code: CodeUnauthenticated, Message: "log in first, or log in again"}
	case errors.Is(err, domain.ErrForbidden):
		return http.StatusForbidden, Detail{Code: CodeForbidden, Message: "your role may not do this"}
	case errors.Is(err, domain.ErrConflict):
		return http.StatusConflict, Detail{Code: CodeConflict,
			Message: "the records changed while this request ran; reload and try again"}
	case errors.Is(err, domain.ErrNotFound):
		return http.StatusNotFound, Detail{Code: CodeNotFound, Message: "not found"}
	case errors.Is(err, ErrNoRoute):
		return http.StatusNotFound, Detail{Code: CodeNotFound, Message: "no such endpoint"}
	case errors.Is(err, ErrMethodNotAllowed):
		return http.StatusMethodNotAllowed, Detail{Code: CodeMethodNotAllowed, Message: "method not allowed on this endpoint"}
	case errors.Is(err, ErrRateLimited):
		return http.StatusTooManyRequests, Detail{Code: CodeRateLimited, Message: "too many requests; try again in a minute"}
	case errors.Is(err, ErrCrossSite):
		return http.StatusForbidden, Detail{Code: CodeCrossSite,
			Message: "a document is opened from this site, an API client or the address bar, never from another site's link"}
	case errors.Is(err, domain.ErrUnavailable):
		return http.StatusServiceUnavailable, Detail{Code: CodeUnavailable,
			Message: "the database cannot be reached; try again shortly"}
	}
	return http.StatusInternalServerError, Detail{Code: CodeInternal, Message: "internal error"}
}

// FieldMessages are the English sentences of field violations.
func FieldMessages(fields domain.FieldErrors) map[string]string {
	out := make(map[string]string, len(fields))
	for field, code := range fields {
		out[field] = i18n.Violation(i18n.English, code)
	}
	return out
}
