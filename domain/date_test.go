package domain

import (
	"testing"
	"time"
)

func TestValidateDateOfDeath(t *testing.T) {
	const window = 90
	tests := []struct {
		name        string
		in          string
		birth       string // "" for unknown
		submittedOn string
		want        string // date on success
		code        string
	}{
		{"today", "2026-11-28", "1950-01-01", "2026-11-28", "2026-11-28", ""},
		{"trimmed", " 2026-11-01 ", "", "2026-11-28", "2026-11-01", ""},
		{"exactly 90 days before filing", "2026-08-30", "", "2026-11-28", "2026-08-30", ""},
		{"91 days before filing", "2026-08-29", "", "2026-11-28", "", ViolationDateOutsideWindow},
		{"window counts from the original filing day", "2026-06-03", "", "2026-09-01", "2026-06-03", ""},
		{"91 days before the original filing day", "2026-06-02", "", "2026-09-01", "", ViolationDateOutsideWindow},
		{"tomorrow", "2026-11-29", "", "2026-11-28", "", ViolationDateInFuture},
		{"future wins over before birth", "2026-11-29", "2026-11-30", "2026-11-28", "", ViolationDateInFuture},
		{"died on the birth day", "2026-11-01", "2026-11-01", "2026-11-28", "2026-11-01", ""},
		{"before birth", "2026-10-31", "2026-11-01", "2026-11-28", "", ViolationDateBeforeBirth},
		{"before birth wins over window", "1940-01-01", "1950-01-01", "2026-11-28", "", ViolationDateBeforeBirth},
		{"unknown birth skips the birth check", "2026-10-31", "", "2026-11-28", "2026-10-31", ""},
		{"leap day 2024", "2024-02-29", "", "2024-03-01", "2024-02-29", ""},
		{"no 29 February 2026", "2026-02-29", "", "2026-11-28", "", ViolationDateInvalid},
		{"31 November", "2026-11-31", "", "2026-11-28", "", ViolationDateInvalid},
		{"Indonesian order", "28-11-2026", "", "2026-11-28", "", ViolationDateInvalid},
		{"slashes", "2026/11/28", "", "2026-11-28", "", ViolationDateInvalid},
		{"with time", "2026-11-28T10:00:00+07:00", "", "2026-11-28", "", ViolationDateInvalid},
		{"single-digit month", "2026-1-28", "", "2026-11-28", "", ViolationDateInvalid},
		{"empty", "", "", "2026-11-28", "", ViolationRequired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var birth Date
			if tt.birth != "" {
				birth = mustDate(t, tt.birth)
			}
			got, code := ValidateDateOfDeath(tt.in, birth, mustDate(t, tt.submittedOn), testToday, window)
			if got.String() != tt.want || code != tt.code {
				t.Errorf("ValidateDateOfDeath(%q) = %s, %q; want %s, %q", tt.in, got, code, tt.want, tt.code)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-28", "2024-02-29", "2026-02-29", "0000-01-01", "9999-12-31", "2026-1-1", "", "2026-11-28T00:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != (Date{}) {
				t.Fatalf("ParseDate(%q) failed but returned %v", s, d)
			}
			return
		}
		// Only canonical YYYY-MM-DD of a real date is accepted, so the
		// result prints back as the input.
		if d.String() != s {
			t.Fatalf("ParseDate(%q) = %q", s, d.String())
		}
		if again, ok := NewDate(d.Year, d.Month, d.Day); !ok || again != d {
			t.Fatalf("ParseDate(%q) = %+v, not a calendar date", s, d)
		}
		if d.Month < time.January || d.Month > time.December || d.Day < 1 || d.Day > 31 {
			t.Fatalf("ParseDate(%q) = %+v", s, d)
		}
	})
}
