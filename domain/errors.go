package domain

import (
	"errors"
	"sort"
	"strings"
)

// Sentinel errors. Every layer wraps them with %w; the API maps them to HTTP
// status codes in exactly one place (httpkit/errors.go).
var (
	ErrNotFound          = errors.New("not found")
	ErrUnauthenticated   = errors.New("unauthenticated")
	ErrForbidden         = errors.New("forbidden")
	ErrInvalidTransition = errors.New("invalid transition")
	ErrVersionConflict   = errors.New("version conflict")
	ErrDuplicateClaim    = errors.New("duplicate claim")
	ErrDuplicateUsername = errors.New("duplicate username")
	ErrValidation        = errors.New("validation failed")
	ErrLocked            = errors.New("account temporarily locked")
	ErrUnavailable       = errors.New("database unavailable")
	// ErrConflict: the database refused a write because the records
	// changed meanwhile (a unique index, a check or an append-only trigger
	// fired). The engine locks before it decides, so this is the last
	// line of defence of a race, answered as 409, never a 500.
	ErrConflict = errors.New("conflicting change")
)

// FieldErrors maps a JSON field path (e.g. "deceased.nik") to a violation
// code (e.g. "nik_length"). Codes are stable; the i18n package turns them
// into sentences for each language.
type FieldErrors map[string]string

// Add records the first violation for a field; later ones are ignored so each
// field carries one message.
func (f FieldErrors) Add(field, code string) {
	if _, ok := f[field]; !ok {
		f[field] = code
	}
}

// Merge copies violations from other without overwriting existing ones.
func (f FieldErrors) Merge(prefix string, other FieldErrors) {
	for k, v := range other {
		if prefix != "" {
			k = prefix + "." + k
		}
		f.Add(k, v)
	}
}

// Err returns nil when there are no violations, else a *ValidationError.
func (f FieldErrors) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &ValidationError{Fields: f}
}

// ValidationError carries per-field violations; errors.Is(err, ErrValidation) holds.
type ValidationError struct {
	Fields FieldErrors
}

func (e *ValidationError) Error() string {
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("validation failed:")
	for _, k := range keys {
		b.WriteString(" " + k + "=" + e.Fields[k])
	}
	return b.String()
}

func (e *ValidationError) Is(target error) bool { return target == ErrValidation }

// FieldError returns a validation error for a single field.
func FieldError(field, code string) error {
	return &ValidationError{Fields: FieldErrors{field: code}}
}

// TransitionError says which action was refused from which status.
type TransitionError struct {
	Action Action
	Status Status
}

func (e *TransitionError) Error() string {
	return "action " + string(e.Action) + " is not allowed from status " + string(e.Status)
}

func (e *TransitionError) Is(target error) bool { return target == ErrInvalidTransition }

// DuplicateClaimError names the live claim that already covers a death.
type DuplicateClaimError struct {
	ExistingCode string
}

func (e *DuplicateClaimError) Error() string {
	return "a live claim already exists for this death: " + e.ExistingCode
}

func (e *DuplicateClaimError) Is(target error) bool { return target == ErrDuplicateClaim }

// VersionConflictError reports the version the claim has now.
type VersionConflictError struct {
	Current int
}

func (e *VersionConflictError) Error() string {
	return "claim was changed by someone else"
}

func (e *VersionConflictError) Is(target error) bool { return target == ErrVersionConflict }
