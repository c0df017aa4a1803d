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
	got := NextStep(Indonesian, domain.StatusReturned, "  foto akta kematian tidak terbaca. ")
	if !strings.HasPrefix(got, "Klaim dikembalikan: foto akta kematian tidak terbaca. Perbaiki") || !strings.Contains(got, "Dukcapil") {
		t.Errorf("returned with reason = %q", got)
	}
	if got := NextStep(Indonesian, domain.StatusReturned, " "); strings.Contains(got, "{reason}") || strings.Contains(got, ": .") {
		t.Errorf("returned without reason = %q", got)
	}
	if got := NextStep(English, domain.StatusRejected, "not a resident"); !strings.Contains(got, ": not a resident.") {
		t.Errorf("rejected with reason = %q", got)
	}
	// A reason is only shown where the status has one: a stale reason
	// from an earlier return must not leak onto a paid claim.
	if got := NextStep(Indonesian, domain.StatusPaid, "foto buram"); strings.Contains(got, "foto buram") || !strings.Contains(got, "ditransfer") {
		t.Errorf("paid = %q", got)
	}
	if got := NextStep(Indonesian, "archived", ""); !strings.Contains(got, "Dukcapil") {
		t.Errorf("unknown status = %q", got)
	}
}

func TestUsualTime(t *testing.T) {
	for _, s := range domain.StepsAfter(domain.StatusApplied) {
		if got := UsualTime(Indonesian, s); got == "" || strings.HasPrefix(got, "landing.") {
			t.Errorf("UsualTime(%s) = %q", s, got)
		}
	}
	if got := UsualTime(Indonesian, domain.StatusRejected); got != "" {
		t.Errorf("UsualTime(rejected) = %q, want none", got)
	}
}
