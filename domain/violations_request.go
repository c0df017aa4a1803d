package domain

// Violation codes of requests other than a claim's content.
const (
	// ViolationInvalidValue is for request values that are not one of the
	// accepted ones (an unknown status filter, a malformed paging cursor).
	ViolationInvalidValue = "invalid_value"

	// User management.
	ViolationUsernameInvalid   = "username_invalid"
	ViolationPasswordTooShort  = "password_too_short"
	ViolationPasswordTooLong   = "password_too_long"
	ViolationRoleInvalid       = "role_invalid"
	ViolationCannotDisableSelf = "cannot_disable_self"
)
