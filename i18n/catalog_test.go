package i18n

import (
	"strings"
	"testing"

	"santunan/domain"
)

var langs = []Lang{English, Indonesian}

// checkComplete fails for every code without a non-empty text and for every
// text whose code does not exist (a typo in a catalog key).
func checkComplete[K ~string](t *testing.T, what string, lang Lang, texts map[K]string, codes []K) {
	t.Helper()
	known := map[K]bool{}
	for _, c := range codes {
		known[c] = true
		if strings.TrimSpace(texts[c]) == "" {
			t.Errorf("%s %q has no %s text", what, c, lang)
		}
	}
	for c := range texts {
		if !known[c] {
			t.Errorf("%s catalog has a text for unknown %s %q", lang, what, c)
		}
	}
}

func TestCatalogsComplete(t *testing.T) {
	for _, lang := range langs {
		c := catalogFor(lang)
		checkComplete(t, "violation", lang, c.violations, domain.AllViolations)
		checkComplete(t, "warning", lang, c.warnings, domain.AllWarnings)
		checkComplete(t, "status", lang, c.statuses, domain.AllStatuses)
		checkComplete(t, "action", lang, c.actions, domain.AllActions)
		checkComplete(t, "role", lang, c.roles, domain.ActorRoles)
		checkComplete(t, "relationship", lang, c.relationships, domain.Relationships)
		checkComplete(t, "next step", lang, c.nextSteps, domain.AllStatuses)
		for s, tmpl := range c.nextStepsWithReason {
			if !strings.Contains(tmpl, "{reason}") {
				t.Errorf("%s next step with reason for %s lacks {reason}", lang, s)
			}
			if _, ok := c.nextSteps[s]; !ok {
				t.Errorf("%s next step with reason for %s has no plain version", lang, s)
			}
		}
		for i, m := range c.months {
			if m == "" {
				t.Errorf("%s month %d has no name", lang, i+1)
			}
		}
	}
}

func TestLanguagesDiffer(t *testing.T) {
	// Guards against pasting one catalog into the other.
	for _, code := range domain.AllViolations {
		if Violation(English, code) == Violation(Indonesian, code) {
			t.Errorf("violation %q has the same text in both languages", code)
		}
	}
}

func TestViolation(t *testing.T) {
	tests := []struct {
		lang Lang
		code string
		want string
	}{
		{Indonesian, domain.ViolationRequired, "Wajib diisi."},
		{English, domain.ViolationRequired, "This field is required."},
		{Indonesian, domain.ViolationNIKLength, "NIK harus terdiri dari 16 digit."},
		{Indonesian, "no_such_code", "Nilai tidak valid."},
		{English, "no_such_code", "Invalid value."},
		{English, "", "Invalid value."},
		// Pages may pass a language we do not have: heirs read Indonesian.
		{"jv", domain.ViolationRequired, "Wajib diisi."},
		{"", domain.ViolationRequired, "Wajib diisi."},
	}
	for _, tt := range tests {
		if got := Violation(tt.lang, tt.code); got != tt.want {
			t.Errorf("Violation(%q, %q) = %q, want %q", tt.lang, tt.code, got, tt.want)
		}
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{StatusLabel(Indonesian, domain.StatusSubmitted), "Diajukan"},
		{StatusLabel(Indonesian, domain.StatusReturned), "Dikembalikan untuk perbaikan"},
		{StatusLabel(Indonesian, domain.StatusDeathVerified), "Kematian terverifikasi"},
		{StatusLabel(Indonesian, domain.StatusApproved), "Disetujui"},
		{StatusLabel(Indonesian, domain.StatusDisbursing), "Dalam proses pembayaran"},
		{StatusLabel(Indonesian, domain.StatusPaid), "Dibayar"},
		{StatusLabel(Indonesian, domain.StatusPaymentFailed), "Pembayaran gagal"},
		{StatusLabel(Indonesian, domain.StatusRejected), "Ditolak"},
		{StatusLabel(Indonesian, domain.StatusCancelled), "Dibatalkan"},
		{StatusLabel(English, domain.StatusPaid), "Paid"},
		{StatusLabel(Indonesian, "archived"), "archived"},
		{ActionLabel(Indonesian, domain.ActionVerifyDeath), "Verifikasi kematian"},
		{ActionLabel(Indonesian, domain.ActionApprove), "Setujui"},
		{ActionLabel(Indonesian, domain.ActionReturn), "Kembalikan"},
		{ActionLabel(English, domain.ActionRetryPayment), "Retry payment"},
		{RoleLabel(Indonesian, domain.RoleTreasurer), "Bendahara"},
		{RoleLabel(English, "ghost"), "ghost"},
		{RelationshipLabel(Indonesian, domain.RelationshipChild), "Anak"},
		{RelationshipLabel(English, domain.RelationshipSpouse), "Spouse"},
		{Warning(Indonesian, "unknown_warning"), "unknown_warning"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestNextStep(t *testing.T) {
	got := NextStep(Indonesian, testStandard, domain.StatusReturned, "  foto akta kematian tidak terbaca. ")
	if !strings.HasPrefix(got, "Klaim dikembalikan: foto akta kematian tidak terbaca. Perbaiki") || !strings.Contains(got, "Dukcapil") {
		t.Errorf("returned with reason = %q", got)
	}
	if got := NextStep(Indonesian, testStandard, domain.StatusReturned, " "); strings.Contains(got, "{reason}") || strings.Contains(got, ": .") {
		t.Errorf("returned without reason = %q", got)
	}
	if got := NextStep(English, testStandard, domain.StatusRejected, "not a resident"); !strings.Contains(got, ": not a resident.") {
		t.Errorf("rejected with reason = %q", got)
	}
	// A reason is only shown where the status has one: a stale reason
	// from an earlier return must not leak onto a paid claim.
	if got := NextStep(Indonesian, testStandard, domain.StatusPaid, "foto buram"); strings.Contains(got, "foto buram") || !strings.Contains(got, "ditransfer") {
		t.Errorf("paid = %q", got)
	}
	if got := NextStep(Indonesian, testStandard, "archived", ""); !strings.Contains(got, "Dukcapil") {
		t.Errorf("unknown status = %q", got)
	}
}

// testStandard has odd figures, so that a text still printing a fixed
// time is caught.
var testStandard = domain.ServiceStandard{StageDays: map[domain.Stage]int{
	domain.StageIntake: 1, domain.StageVerify: 4, domain.StageApprove: 6, domain.StagePay: 7, domain.StageRepay: 3,
}, EndToEndDays: 17}

// The heir's texts of time print the service standard's figures: the steps
// ahead on the tracking page, the next step's sentence, the landing page's
// and the receipt's list of steps.
func TestTimesFollowTheStandard(t *testing.T) {
	for _, tt := range []struct {
		status domain.Status
		want   string
	}{
		{domain.StatusSubmitted, "Paling lambat 1 hari kerja"},
		{domain.StatusDeathVerified, "Paling lambat 4 hari kerja"},
		{domain.StatusApproved, "Paling lambat 6 hari kerja"},
		{domain.StatusDisbursing, ""}, // inside the pay stage
		{domain.StatusPaid, "Paling lambat 7 hari kerja"},
		{domain.StatusRejected, ""},
	} {
		if got := UsualTime(Indonesian, testStandard, tt.status); got != tt.want {
			t.Errorf("UsualTime(%s) = %q, want %q", tt.status, got, tt.want)
		}
	}
	for _, tt := range []struct {
		status domain.Status
		want   string
	}{
		{domain.StatusApplied, "paling lambat 1 hari kerja"},
		{domain.StatusSubmitted, "paling lambat 4 hari kerja"},
		{domain.StatusDeathVerified, "paling lambat 6 hari kerja"},
		{domain.StatusApproved, "paling lambat 7 hari kerja"},
		{domain.StatusDisbursing, "paling lambat 7 hari kerja"},
	} {
		for _, lang := range []Lang{Indonesian, English} {
			got := NextStep(lang, testStandard, tt.status, "")
			if strings.Contains(got, "{days}") {
				t.Errorf("NextStep(%s, %s) = %q: placeholder left", lang, tt.status, got)
			}
			if lang == Indonesian && !strings.Contains(got, tt.want) {
				t.Errorf("NextStep(%s) = %q, want %q in it", tt.status, got, tt.want)
			}
		}
	}
	steps := Steps(Indonesian, testStandard)
	want := []string{"Pada hari yang sama", "Paling lambat 4 hari kerja", "Paling lambat 6 hari kerja",
		"Paling lambat 7 hari kerja", "Termasuk dalam waktu pembayaran di atas"}
	if len(steps) != len(want) {
		t.Fatalf("Steps = %d, want %d", len(steps), len(want))
	}
	for i, st := range steps {
		if st.Time != want[i] || st.Text == "" || strings.HasPrefix(st.Text, "landing.") {
			t.Errorf("step %d = %+v, want time %q", i+1, st, want[i])
		}
	}
}
