package i18n

import (
	"strconv"
	"strings"

	"santunan/domain"
)

// Violation returns the message for a violation code (domain.Violation*).
// An unknown code gets a generic "invalid value" rather than the raw code.
func Violation(lang Lang, code string) string {
	c := catalogFor(lang)
	if msg, ok := c.violations[code]; ok {
		return msg
	}
	return c.invalidValue
}

// Warning returns the text of a claim warning code (domain.Warning*), or
// the code itself when it has no text, so a warning is never hidden.
func Warning(lang Lang, code string) string {
	return lookup(catalogFor(lang).warnings, code, code)
}

// StatusLabel names a claim status; an unknown status shows its code.
func StatusLabel(lang Lang, s domain.Status) string {
	return lookup(catalogFor(lang).statuses, s, string(s))
}

// ActionLabel names a workflow action, e.g. for a button.
func ActionLabel(lang Lang, a domain.Action) string {
	return lookup(catalogFor(lang).actions, a, string(a))
}

// RoleLabel names a user role.
func RoleLabel(lang Lang, r domain.Role) string {
	return lookup(catalogFor(lang).roles, r, string(r))
}

// RelationshipLabel names the heir's relationship to the deceased.
func RelationshipLabel(lang Lang, r domain.Relationship) string {
	return lookup(catalogFor(lang).relationships, r, string(r))
}

// NextStep tells the family, on the public tracking page, what happens next
// or what they need to do. reason (why a claim was returned, rejected,
// cancelled or its payment failed, as written by an officer) is included
// where the status has one; it may be empty.
//
// A waiting status's text names the standard's time for its stage ({days}).
func NextStep(lang Lang, std domain.ServiceStandard, s domain.Status, reason string) string {
	c := catalogFor(lang)
	// Officers often end the reason with a full stop; the sentence adds its own.
	reason = strings.TrimRight(strings.TrimSpace(reason), ".")
	if tmpl, ok := c.nextStepsWithReason[s]; ok && reason != "" {
		return strings.ReplaceAll(tmpl, "{reason}", reason)
	}
	text := lookup(c.nextSteps, s, c.nextStepUnknown)
	if stage, ok := domain.StageOf(s); ok && strings.Contains(text, "{days}") {
		text = strings.ReplaceAll(text, "{days}", strconv.Itoa(std.StageDays[stage]))
	}
	return text
}

func lookup[K comparable](m map[K]string, key K, fallback string) string {
	if v, ok := m[key]; ok {
		return v
	}
	return fallback
}

// UsualTime says how long reaching status s may take by the service
// standard ("Paling lambat 2 hari kerja"), for the steps still ahead on the
// tracking page and API; "" for a status no stage of the standard ends in.
func UsualTime(lang Lang, std domain.ServiceStandard, s domain.Status) string {
	days, ok := std.DaysToReach(s)
	if !ok {
		return ""
	}
	return Textf(lang, "standard.within_days", "days", strconv.Itoa(days))
}

// Step is one of the usual steps of a claim with its time, as the landing
// page and the receipt list them.
type Step struct{ Text, Time string }

// Steps are the usual steps of a claim filed at the office, with the times
// of the service standard: the landing page and the receipt print the
// same figures as the due dates count.
func Steps(lang Lang, std domain.ServiceStandard) []Step {
	within := func(s domain.Status) string { return UsualTime(lang, std, s) }
	return []Step{
		{Text(lang, "landing.step_1"), Text(lang, "landing.step_1_time")},
		{Text(lang, "landing.step_2"), within(domain.StatusDeathVerified)},
		{Text(lang, "landing.step_3"), within(domain.StatusApproved)},
		{Text(lang, "landing.step_4"), within(domain.StatusPaid)},
		{Text(lang, "landing.step_5"), Text(lang, "landing.step_5_time")},
	}
}
