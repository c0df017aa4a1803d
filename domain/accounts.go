package domain

import "errors"

// Sentinel errors of sign-in (beside ErrUnauthenticated and ErrLocked).
var (
	// ErrThrottled refuses a login for a while because its username has
	// failed too often from many clients; a client the user signed in from
	// before is spared.
	ErrThrottled = errors.New("login attempts for this username are slowed down")
	// ErrPasswordChangeRequired refuses everything but a password change to
	// a user whose password was set by someone else (a one-time password).
	ErrPasswordChangeRequired = errors.New("password change required")
)

// Violation codes of a password change.
const (
	ViolationPasswordWrong     = "password_wrong"     // current_password does not match
	ViolationPasswordUnchanged = "password_unchanged" // new_password equals the current one
	ViolationPasswordMismatch  = "password_mismatch"  // the page's two new-password fields differ
)
