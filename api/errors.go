package api

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/i18n"
)

// Stable error codes of the JSON API. Clients branch on these, never on messages.
const (
	codeBadRequest        = "bad_request"
	codePayloadTooLarge   = "payload_too_large"
	codeUnauthenticated   = "unauthenticated"
	codeForbidden         = "forbidden"
	codeNotFound          = "not_found"
	codeMethodNotAllowed  = "method_not_allowed"
	codeInvalidTransition = "invalid_transition"
	codeVersionConflict   = "version_conflict"
	codeDuplicateClaim    = "duplicate_claim"
	codeDuplicateUsername = "duplicate_username"
	codeValidationFailed  = "validation_failed"
	codeRateLimited       = "rate_limited"
	codeCrossSite         = "cross_site_refused"
	codeAccountLocked     = "account_locked"
	codeLoginThrottled    = "login_throttled"
	codePasswordChange    = "password_change_required"
	codeUnavailable       = "service_unavailable"
	codeConflict          = "conflict"
	codeInternal          = "internal_error"

	// Payments (budget_exhausted, budget_not_set and the *_refused codes
	// come from payment_errors.go).
	codeActionReserved     = "action_reserved"
	codeDuplicateDecree    = "duplicate_decree"
	codeInquiryUnavailable = "inquiry_unavailable"
	codeUnsupportedMedia   = "unsupported_media_type"

	// Documents and the death register (classified in document_errors.go).
	codeDocumentsMissing      = "documents_missing"
	codeRegisterMismatch      = "register_mismatch_unconfirmed"
	codeRegistryNotConfigured = "registry_not_configured"
	codeRegistryUnavailable   = "registry_unavailable"
)

type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
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
	Problems     []problemJSON `json:"problems,omitempty"`
	ProblemCount int           `json:"problem_count,omitempty"`
	// A budget refusal: the year's figures.
	Budget *budgetFacts `json:"budget,omitempty"`
	// documents_missing: the kinds the action needs; register_mismatch_unconfirmed:
	// the fields on which the claim and the death register differ.
	MissingDocuments    []domain.DocumentKind `json:"missing_documents,omitempty"`
	RegisterDifferences []string              `json:"register_differences,omitempty"`
}

// writeError is the one place where errors become HTTP statuses. Anything
// not recognised is a bug on our side: 500, logged with the request id.
func writeError(c *gin.Context, err error) {
	status, body := classify(err)
	if status == http.StatusInternalServerError {
		logger(c).Error("request failed", "error", err.Error())
	}
	if status == http.StatusServiceUnavailable {
		logger(c).Warn("database unavailable", "error", err.Error())
		c.Header("Retry-After", "5")
	}
	// A refused login (auth.LockedError, auth.ThrottledError) says how long
	// to wait, by the service's clock.
	var wait interface{ RetryAfter() time.Duration }
	if errors.As(err, &wait) {
		c.Header("Retry-After", strconv.Itoa(int(wait.RetryAfter().Seconds())+1))
	}
	c.AbortWithStatusJSON(status, errorBody{Error: body})
}

func classify(err error) (int, errorDetail) {
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
	if detail, ok := batchConflict(err); ok {
		return http.StatusConflict, detail
	}
	switch {
	case errors.As(err, &validation):
		return http.StatusUnprocessableEntity, errorDetail{Code: codeValidationFailed,
			Message: "some fields are not valid", Fields: fieldMessages(validation.Fields)}
	case errors.As(err, &transition):
		return http.StatusConflict, errorDetail{Code: codeInvalidTransition, Status: transition.Status,
			Message: "action " + string(transition.Action) + " is not allowed while the claim is " + string(transition.Status)}
	case errors.As(err, &conflict):
		return http.StatusConflict, errorDetail{Code: codeVersionConflict, Version: conflict.Current,
			Message: "the claim was changed by someone else; reload it and try again"}
	case errors.As(err, &duplicate):
		return http.StatusConflict, errorDetail{Code: codeDuplicateClaim, ExistingCode: duplicate.ExistingCode,
			Message: "a live claim already exists for this death: " + duplicate.ExistingCode}
	case errors.As(err, &refusal):
		return http.StatusUnprocessableEntity, refusalDetail(refusal)
	case errors.As(err, &budget):
		return http.StatusUnprocessableEntity, budgetDetail(budget)
	case errors.Is(err, domain.ErrReservedAction):
		return http.StatusConflict, errorDetail{Code: codeActionReserved,
			Message: "payments are started, confirmed and failed through a disbursement batch (/api/v1/disbursements)"}
	case errors.Is(err, domain.ErrDuplicateDecree):
		return http.StatusConflict, errorDetail{Code: codeDuplicateDecree, Message: "a decree with this number exists"}
	case errors.Is(err, domain.ErrInquiryUnavailable):
		return http.StatusConflict, errorDetail{Code: codeInquiryUnavailable,
			Message: "no account-name inquiry service is configured; confirm the names by hand (account-checks)"}
	case errors.Is(err, domain.ErrDuplicateUsername):
		return http.StatusConflict, errorDetail{Code: codeDuplicateUsername, Message: "this username is taken"}
	case errors.Is(err, domain.ErrLocked):
		return http.StatusTooManyRequests, errorDetail{Code: codeAccountLocked,
			Message: "too many failed logins for this username from here; try again later"}
	case errors.Is(err, domain.ErrThrottled):
		return http.StatusTooManyRequests, errorDetail{Code: codeLoginThrottled,
			Message: "too many failed logins for this username; wait as long as Retry-After says"}
	case errors.Is(err, domain.ErrPasswordChangeRequired):
		return http.StatusForbidden, errorDetail{Code: codePasswordChange,
			Message: "your password was set by an administrator: change it first (POST /api/v1/me/password)"}
	case errors.Is(err, domain.ErrUnauthenticated):
		return http.StatusUnauthorized, errorDetail{Code: codeUnauthenticated, Message: "log in first, or log in again"}
	case errors.Is(err, domain.ErrForbidden):
		return http.StatusForbidden, errorDetail{Code: codeForbidden, Message: "your role may not do this"}
	case errors.Is(err, domain.ErrConflict):
		return http.StatusConflict, errorDetail{Code: codeConflict,
			Message: "the records changed while this request ran; reload and try again"}
	case errors.Is(err, domain.ErrNotFound):
		return http.StatusNotFound, errorDetail{Code: codeNotFound, Message: "not found"}
	case errors.Is(err, domain.ErrUnavailable):
		return http.StatusServiceUnavailable, errorDetail{Code: codeUnavailable,
			Message: "the database cannot be reached; try again shortly"}
	}
	return http.StatusInternalServerError, errorDetail{Code: codeInternal, Message: "internal error"}
}

func fieldMessages(fields domain.FieldErrors) map[string]string {
	out := make(map[string]string, len(fields))
	for field, code := range fields {
		out[field] = i18n.Violation(i18n.English, code)
	}
	return out
}

// abort writes an error that does not come from a lower layer.
func abort(c *gin.Context, status int, code, message string) {
	c.AbortWithStatusJSON(status, errorBody{Error: errorDetail{Code: code, Message: message}})
}

func logger(c *gin.Context) *slog.Logger {
	if l, ok := c.Get(ctxLogger); ok {
		return l.(*slog.Logger)
	}
	return slog.Default()
}
