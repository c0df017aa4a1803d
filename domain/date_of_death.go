package domain

import "strings"

// ValidateDateOfDeath parses "YYYY-MM-DD" and checks the date against the
// calendar and the program's rules:
//   - not after today (a date in the future is a typo);
//   - not before birth, when the birth date is known (zero birth skips the
//     check, e.g. when the NIK itself is invalid);
//   - within windowDays before submittedOn: the Perbup gives heirs a fixed
//     period to apply, counted to the day the claim was first filed, so a
//     claim returned for correction does not lose its place.
//
// The second result is a violation code, "" when valid.
func ValidateDateOfDeath(s string, birth Date, submittedOn, today Date, windowDays int) (Date, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, ViolationRequired
	}
	d, err := ParseDate(s)
	if err != nil {
		return Date{}, ViolationDateInvalid
	}
	switch {
	case d.After(today):
		return Date{}, ViolationDateInFuture
	case !birth.IsZero() && d.Before(birth):
		return Date{}, ViolationDateBeforeBirth
	case d.Before(submittedOn.AddDays(-windowDays)):
		return Date{}, ViolationDateOutsideWindow
	}
	return d, ""
}
