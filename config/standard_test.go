package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"santunan/domain"
)

func TestExampleStandardFileIsTheDefault(t *testing.T) {
	raw, err := os.ReadFile("standard_example.json")
	if err != nil {
		t.Fatal(err)
	}
	std, problems := ParseStandard(raw)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if !reflect.DeepEqual(std, DefaultStandard()) {
		t.Errorf("standard_example.json is %+v, DefaultStandard %+v", std, DefaultStandard())
	}
	c, err := FromEnv(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Standard, DefaultStandard()) {
		t.Error("without SANTUNAN_STANDARD_FILE the standard is not the default")
	}
}

func TestStandardFileIsChecked(t *testing.T) {
	raw, err := os.ReadFile("standard_example.json")
	if err != nil {
		t.Fatal(err)
	}
	good := string(raw)
	tests := []struct {
		name, body string
		want       []string
	}{
		{"good", strings.Replace(good, `"verify": 2`, `"verify": 4`, 1), nil},
		{"not JSON", "{", []string{"not a valid service standard JSON"}},
		{"two values", good + good, []string{"more than one JSON value"}},
		{"unknown field", strings.Replace(good, `"target_days"`, `"fax": 1, "target_days"`, 1), []string{"not a valid service standard JSON"}},
		{"missing stage", strings.Replace(good, `"repay": 3`, `"extra": 3`, 1), []string{"stages.repay is missing", "stages.extra is not a stage"}},
		{"stage null", strings.Replace(good, `"pay": 5`, `"pay": null`, 1), []string{"stages.pay is missing"}},
		{"zero days", strings.Replace(good, `"approve": 3`, `"approve": 0`, 1), []string{"stages.approve must be 1 to 60 working days, not 0"}},
		{"too many days", strings.Replace(good, `"end_to_end_days": 10`, `"end_to_end_days": 61`, 1), []string{"end_to_end_days must be 1 to 60"}},
		{"fraction", strings.Replace(good, `"target_days": 3`, `"target_days": 2.5`, 1), []string{"not a valid service standard JSON"}},
		{"no target", strings.Replace(good, `"target_days": 3,`, ``, 1), []string{"target_days is missing"}},
		{"missing category and field", strings.Replace(strings.Replace(good, `"lainnya"`, `"lain"`, 1), `"pungli": {"verify_days": 3, `, `"pungli": {`, 1),
			[]string{"complaints.lainnya is missing", "complaints.lain is not a complaint category", "complaints.pungli.verify_days is missing"}},
		{"negative deadline", strings.Replace(good, `"reopen_days": 10}`, `"reopen_days": -1}`, 1), []string{"reopen_days must be 1 to 60"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "standard.json")
			if err := os.WriteFile(path, []byte(tt.body), 0o600); err != nil {
				t.Fatal(err)
			}
			c, err := FromEnv(func(k string) string {
				if k == "SANTUNAN_STANDARD_FILE" {
					return path
				}
				return ""
			})
			if tt.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				if c.Standard.StageDays[domain.StageVerify] != 4 {
					t.Errorf("verify %d days, want the file's 4", c.Standard.StageDays[domain.StageVerify])
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted; want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), "SANTUNAN_STANDARD_FILE "+w) && !strings.Contains(err.Error(), w) {
					t.Errorf("err %v, want it to mention %q", err, w)
				}
			}
		})
	}
	_, err = FromEnv(func(k string) string {
		if k == "SANTUNAN_STANDARD_FILE" {
			return filepath.Join(t.TempDir(), "none.json")
		}
		return ""
	})
	if err == nil || !strings.Contains(err.Error(), "SANTUNAN_STANDARD_FILE cannot be read") {
		t.Errorf("missing file: %v", err)
	}
}

// FuzzParseStandard: no input panics, and an accepted file is complete and
// within the bounds.
func FuzzParseStandard(f *testing.F) {
	raw, err := os.ReadFile("standard_example.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add([]byte(`{"stages":{}}`))
	f.Add([]byte(`{"stages":{"intake":1e9}}`))
	f.Add([]byte("\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		std, problems := ParseStandard(b)
		if len(problems) > 0 {
			return
		}
		for _, st := range domain.AllStages {
			if d := std.StageDays[st]; d < MinStandardDays || d > MaxStandardDays {
				t.Fatalf("accepted stage %s = %d", st, d)
			}
		}
		for _, c := range domain.AllComplaintCategories {
			d, ok := std.Complaints[c]
			if !ok || d.VerifyDays < 1 || d.FollowUpDays < 1 || d.AutoCloseDays < 1 || d.ReopenDays < 1 {
				t.Fatalf("accepted complaints %s = %+v", c, d)
			}
		}
		if len(std.StageDays) != len(domain.AllStages) || len(std.Complaints) != len(domain.AllComplaintCategories) {
			t.Fatal("accepted a standard with unknown keys")
		}
	})
}
