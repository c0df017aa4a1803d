package domain

import "strings"

// ValidateKK checks a Kartu Keluarga number: 16 digits starting with an
// existing kecamatan code. The middle digits are the registration date and
// are not checked: old cards carry dates that do not decode cleanly, and the
// clerk holds the card itself. Surrounding whitespace is ignored; store
// strings.TrimSpace(s). Returns a violation code, "" when valid.
func ValidateKK(s string, areas Areas) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return ViolationRequired
	case !isDigits(s):
		return ViolationKKNotDigits
	case len(s) != NIKLength:
		return ViolationKKLength
	case !areas.KecamatanExists(s[:6]):
		return ViolationKKKecamatanUnknown
	}
	return ""
}
