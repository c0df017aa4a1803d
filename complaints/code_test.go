package complaints

import (
	"strings"
	"testing"
)

func TestNewCodeParses(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		c, err := NewCode()
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := ParseCode(c); !ok || got != c || len(c) != len("ADU-XXXX-XXXX-XXXX") {
			t.Fatalf("%q parses as %q %v", c, got, ok)
		}
		if seen[c] {
			t.Fatalf("%q twice in 1000", c)
		}
		seen[c] = true
	}
}

func TestParseCodeForgives(t *testing.T) {
	const want = "ADU-7K2M-Q9PX-3F01"
	for _, in := range []string{want, "adu-7k2m-q9px-3f01", " ADU 7K2M Q9PX 3F01 ", "ADU7K2MQ9PX3F01",
		"7K2M-Q9PX-3F01", "ADU–7K2M–Q9PX–3FOI", "adu.7k2m.q9px.3fol"} {
		if got, ok := ParseCode(in); !ok || got != want {
			t.Errorf("ParseCode(%q) = %q %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "ADU-", "SKM-7K2M-Q9PX", "ADU-7K2M-Q9PX-3F0", "ADU-7K2M-Q9PX-3F011",
		"ABC-7K2M-Q9PX-3F01", "ADU-7K2M-Q9PX-3FU1", "ADU-7K2M-Q9PX-3F\u00e91", strings.Repeat("A", 1000)} {
		if got, ok := ParseCode(in); ok {
			t.Errorf("ParseCode(%q) = %q, want refused", in, got)
		}
	}
}

// FuzzParseCode: whatever the public types, ParseCode either refuses it or
// returns a canonical code that parses to itself.
func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"ADU-7K2M-Q9PX-3F01", "adu 7k2m q9px 3f0l", "7K2MQ9PX3F01", "ADU-\u202e", "\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseCode(s)
		if !ok {
			return
		}
		again, ok2 := ParseCode(got)
		if !ok2 || again != got || !strings.HasPrefix(got, "ADU-") || len(got) != 18 {
			t.Fatalf("ParseCode(%q) = %q, which parses as %q %v", s, got, again, ok2)
		}
	})
}

// The table: every step's roles and statuses as the issue sets them.
func TestTableSteps(t *testing.T) {
	cases := []struct {
		role   string
		action string
		from   string
		unit   string
		ok     bool
	}{
		{"pengelola_pengaduan", "verify", "received", "", true},
		{"pengelola_pengaduan", "verify", "verified", "", false},
		{"dinsos_officer", "verify", "received", "", false},
		{"pengelola_pengaduan", "assign", "assigned", "dinsos", true},
		{"dinsos_officer", "answer", "assigned", "dinsos", true},
		{"treasurer", "answer", "assigned", "dinsos", false},
		{"treasurer", "answer", "assigned", "keuangan", true},
		{"office_head", "answer", "assigned", "dinsos", false},
		{"complainant", "reopen", "closed", "dinsos", true},
		{"complainant", "reopen", "declined", "", false},
		{"system", "autoclose", "answered", "dinsos", true},
		{"system", "escalate", "received", "", true},
		{"system", "escalate", "answered", "", false},
	}
	for _, tc := range cases {
		c := Complaint{Status: complaintStatus(tc.from), Unit: unit(tc.unit)}
		_, err := check(role(tc.role), action(tc.action), c)
		if (err == nil) != tc.ok {
			t.Errorf("%s %s from %s (unit %s): %v", tc.role, tc.action, tc.from, tc.unit, err)
		}
	}
}
