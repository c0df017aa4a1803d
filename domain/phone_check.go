package domain

import (
	"errors"
	"strconv"
)

// The phone check: a six-digit one-time code sent to a phone proves that
// the public applicant holds it, for one purpose.

// Violation codes of the phone check and the online forms.
const (
	ViolationOTPWrong        = "otp_wrong"        // the code does not match
	ViolationOTPExpired      = "otp_expired"      // the code's time is over
	ViolationOTPUsed         = "otp_used"         // the code was already verified
	ViolationOTPAttempts     = "otp_attempts"     // too many wrong codes: ask for a new one
	ViolationConsentRequired = "consent_required" // the privacy statement was not ticked
	// A document of an online form: not a PDF, JPEG or PNG, or too large.
	ViolationFileType     = "file_type_unsupported"
	ViolationFileTooLarge = "file_too_large"
	// A part of a correction that a claim whose transfer failed does not
	// take online: only the new bank book and account are sent then.
	ViolationBankBookOnly = "bank_book_only"
)

var (
	// ErrTooManyCodes: a phone asked for more codes than the limit allows
	// in its window (429).
	ErrTooManyCodes = errors.New("too many codes for this phone")
	// ErrPhoneCheckRequired: the request has no valid phone-check session
	// for what it does (none, expired, used, or for another purpose).
	ErrPhoneCheckRequired = errors.New("a verified phone check is required")
)

// Purposes of a phone check: an online application, a named complaint.
const (
	PurposeApply     = "apply"
	PurposeComplaint = "complaint"
)

// FixPurpose is the purpose of a check that allows correcting one claim.
func FixPurpose(claimID int64) string { return "fix:" + strconv.FormatInt(claimID, 10) }
