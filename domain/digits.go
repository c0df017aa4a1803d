package domain

// isDigits reports whether s is non-empty and only ASCII 0-9. unicode.IsDigit
// would also accept Arabic-Indic and other digits that no registry issues.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
