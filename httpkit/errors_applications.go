package httpkit

import (
	"errors"
	"net/http"

	"santunan/domain"
)

// Error codes of the public's online forms (applications/).
const (
	CodeTooManyCodes       = "too_many_codes"
	CodePhoneCheckRequired = "phone_check_required"
)

// applicationError classifies the phone check's refusals (called by
// Classify, the one place errors become statuses).
func applicationError(err error) (int, Detail, bool) {
	switch {
	case errors.Is(err, domain.ErrTooManyCodes):
		return http.StatusTooManyRequests, Detail{Code: CodeTooManyCodes,
			Message: "too many codes were sent to this phone; wait as long as Retry-After says"}, true
	case errors.Is(err, domain.ErrPhoneCheckRequired):
		return http.StatusUnauthorized, Detail{Code: CodePhoneCheckRequired,
			Message: "confirm the phone first: the phone-check token is missing, expired, used or for something else"}, true
	}
	return 0, Detail{}, false
}
