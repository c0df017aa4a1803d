package config

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"santunan/domain"
)

// DefaultStandard is the service standard until a deployment sets its own
// (SANTUNAN_STANDARD_FILE): each stage's working days, the whole from
// filing to payment, the Bupati's three-day wish, and SP4N-LAPOR!'s
// complaint deadlines for every category.
func DefaultStandard() domain.ServiceStandard {
	complaints := map[domain.ComplaintCategory]domain.ComplaintDeadlines{}
	for _, c := range domain.AllComplaintCategories {
		complaints[c] = domain.DefaultComplaintDeadlines
	}
	return domain.ServiceStandard{
		StageDays: map[domain.Stage]int{
			domain.StageIntake: 1, domain.StageVerify: 2, domain.StageApprove: 3,
			domain.StagePay: 5, domain.StageRepay: 3,
		},
		EndToEndDays: 10,
		TargetDays:   3,
		Complaints:   complaints,
	}
}

// Bounds of every figure of the standard, in working days.
const (
	MinStandardDays = 1
	MaxStandardDays = 60
)

// standardFile is SANTUNAN_STANDARD_FILE's shape:
//
//	{"stages": {"intake": 1, "verify": 2, "approve": 3, "pay": 5, "repay": 3},
//	 "end_to_end_days": 10, "target_days": 3,
//	 "complaints": {"pungli": {"verify_days": 3, "follow_up_days": 5,
//	                           "auto_close_days": 10, "reopen_days": 10}, ...}}
type standardFile struct {
	Stages       map[string]*int                  `json:"stages"`
	EndToEndDays *int                             `json:"end_to_end_days"`
	TargetDays   *int                             `json:"target_days"`
	Complaints   map[string]*complaintDeadlineRow `json:"complaints"`
}

type complaintDeadlineRow struct {
	VerifyDays    *int `json:"verify_days"`
	FollowUpDays  *int `json:"follow_up_days"`
	AutoCloseDays *int `json:"auto_close_days"`
	ReopenDays    *int `json:"reopen_days"`
}

// readStandard reads SANTUNAN_STANDARD_FILE, or takes DefaultStandard.
func readStandard(r *reader) domain.ServiceStandard {
	const name = "SANTUNAN_STANDARD_FILE"
	path := r.str(name, "")
	if path == "" {
		return DefaultStandard()
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		r.fail(name, fmt.Sprintf("cannot be read: %v", err))
		return DefaultStandard()
	}
	std, problems := ParseStandard(raw)
	for _, p := range problems {
		r.fail(name, p)
	}
	if len(problems) > 0 {
		return DefaultStandard()
	}
	return std
}

// ParseStandard decodes and checks a standard file: every stage and every
// complaint category present, each figure a whole number of working days
// from 1 to 60, nothing unknown. The problems say what is wrong, in English
// for the operator, all at once.
func ParseStandard(raw []byte) (domain.ServiceStandard, []string) {
	var f standardFile
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return domain.ServiceStandard{}, []string{fmt.Sprintf("is not a valid service standard JSON file: %v", err)}
	}
	if dec.More() {
		return domain.ServiceStandard{}, []string{"is not a valid service standard JSON file: more than one JSON value"}
	}
	var problems []string
	days := func(at string, v *int) int {
		switch {
		case v == nil:
			problems = append(problems, at+" is missing")
		case *v < MinStandardDays || *v > MaxStandardDays:
			problems = append(problems, fmt.Sprintf("%s must be %d to %d working days, not %d", at, MinStandardDays, MaxStandardDays, *v))
		default:
			return *v
		}
		return 0
	}
	std := domain.ServiceStandard{StageDays: map[domain.Stage]int{}, Complaints: map[domain.ComplaintCategory]domain.ComplaintDeadlines{}}
	for _, st := range domain.AllStages {
		v, ok := f.Stages[string(st)]
		if !ok {
			problems = append(problems, fmt.Sprintf("stages.%s is missing", st))
			continue
		}
		std.StageDays[st] = days("stages."+string(st), v)
	}
	for _, k := range sortedKeys(f.Stages) {
		if !knownStage(k) {
			problems = append(problems, fmt.Sprintf("stages.%s is not a stage (want %s)", k, joinStages()))
		}
	}
	std.EndToEndDays = days("end_to_end_days", f.EndToEndDays)
	std.TargetDays = days("target_days", f.TargetDays)
	for _, c := range domain.AllComplaintCategories {
		row, ok := f.Complaints[string(c)]
		if !ok || row == nil {
			problems = append(problems, fmt.Sprintf("complaints.%s is missing", c))
			continue
		}
		at := "complaints." + string(c) + "."
		std.Complaints[c] = domain.ComplaintDeadlines{
			VerifyDays: days(at+"verify_days", row.VerifyDays), FollowUpDays: days(at+"follow_up_days", row.FollowUpDays),
			AutoCloseDays: days(at+"auto_close_days", row.AutoCloseDays), ReopenDays: days(at+"reopen_days", row.ReopenDays),
		}
	}
	for _, k := range sortedKeys(f.Complaints) {
		if !domain.ComplaintCategory(k).Valid() {
			problems = append(problems, fmt.Sprintf("complaints.%s is not a complaint category", k))
		}
	}
	return std, problems
}

func knownStage(s string) bool {
	for _, st := range domain.AllStages {
		if string(st) == s {
			return true
		}
	}
	return false
}

func joinStages() string {
	names := make([]string, len(domain.AllStages))
	for i, s := range domain.AllStages {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
