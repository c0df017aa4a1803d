package httpkit

import (
	"errors"
	"net/http"

	"santunan/complaints"
)

// Error codes of complaints (complaints/).
const (
	CodeReopenWindowPassed   = "reopen_window_passed"
	CodeNamedUnitUnconfirmed = "named_unit_unconfirmed"
	CodeLaporOff             = "lapor_not_configured"
)

// complaintError classifies the complaints' own refusals (called by
// Classify, the one place errors become statuses).
func complaintError(err error) (int, Detail, bool) {
	switch {
	case errors.Is(err, complaints.ErrReopenWindowPassed):
		return http.StatusConflict, Detail{Code: CodeReopenWindowPassed,
			Message: "the complaint was closed longer ago than it may be reopened; file a new complaint"}, true
	case errors.Is(err, complaints.ErrNamedUnitUnconfirmed):
		return http.StatusConflict, Detail{Code: CodeNamedUnitUnconfirmed,
			Message: "a pungli complaint goes to the office it names only on an explicit decision: send confirm_named_unit true"}, true
	case errors.Is(err, complaints.ErrLaporOff):
		return http.StatusConflict, Detail{Code: CodeLaporOff,
			Message: "no SP4N-LAPOR! integration is configured (SANTUNAN_LAPOR_URL)"}, true
	}
	return 0, Detail{}, false
}
