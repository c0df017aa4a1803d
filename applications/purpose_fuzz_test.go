package applications_test

import (
	"testing"

	"santunan/applications"
	"santunan/domain"
)

// A purpose read back is the claim id it was made from, and nothing else
// reads as one.
func FuzzParseFixPurpose(f *testing.F) {
	for _, s := range []string{"fix:1", "fix:", "fix:01", "fix:-1", "apply", "fix:9223372036854775808", "fix:1a", " fix:1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, ok := applications.ParseFixPurpose(s)
		if !ok {
			return
		}
		if id <= 0 {
			t.Fatalf("%q: id %d", s, id)
		}
		if back, ok := applications.ParseFixPurpose(domain.FixPurpose(id)); !ok || back != id {
			t.Fatalf("%q: %d does not round-trip", s, id)
		}
	})
}

func TestMaskPhoneShowsTheLastFourDigitsOnly(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"+6281234567890", "+62•••••••7890"}, {"+62812345678", "+62•••••5678"}, {"", "•••"},
	} {
		if got := applications.MaskPhone(tc.in); got != tc.want {
			t.Errorf("MaskPhone(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
