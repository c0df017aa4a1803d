package workdays_test

import (
	"testing"

	"santunan/domain"
	"santunan/workdays"
)

// FuzzParseDay: the calendar form's and the API's date parser never panics;
// what it accepts is a real date within the kept years that prints back as
// its input (trimmed), and what it refuses carries a stable code.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2026-03-20", " 2027-01-01 ", "2026-02-29", "2028-02-29", "01-01-2027", "2027-1-1", "",
		"\x00", "2026-03-2\u202e0", "9999-12-31", "2020-12-31", "2021-01-01", "+2026-01-01"} {
		f.Add(s)
	}
	codes := map[string]bool{domain.ViolationRequired: true, domain.ViolationInvalidCharacters: true,
		domain.ViolationDateInvalid: true, workdays.ViolationYearOutOfRange: true}
	f.Fuzz(func(t *testing.T, s string) {
		d, code := workdays.ParseDay(s)
		if code != "" {
			if !codes[code] {
				t.Fatalf("ParseDay(%q) code %q", s, code)
			}
			return
		}
		if d.Year < workdays.FirstYear || d.Year > workdays.LastYear {
			t.Fatalf("ParseDay(%q) = %s outside the kept years", s, d)
		}
		if again, err := domain.ParseDate(d.String()); err != nil || again != d {
			t.Fatalf("ParseDay(%q) = %s does not print back", s, d)
		}
	})
}
