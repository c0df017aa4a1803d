package i18n

import (
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
func NextStep(lang Lang, s domain.Status, reason string) string {
	c := catalogFor(lang)
	// Officers often end the reason with a full stop; the sentence adds its own.
	reason = strings.TrimRight(strings.TrimSpace(reason), ".")
	if tmpl, ok := c.nextStepsWithReason[s]; ok && reason != "" {
		return strings.ReplaceAll(tmpl, "{reason}", reason)
	}
	return lookup(c.nextSteps, s, c.nextStepUnknown)
}

func lookup[K comparable](m map[K]string, key K, fallback string) string {
	if v, ok := m[key]; ok {
		return v
	}
	return fallback
}

// usualTimeKeys are the page texts of how long each step usually takes,
// the figures the landing page gives.
var usualTimeKeys = map[domain.Status]string{
	domain.StatusSubmitted: "landing.step_1_time", domain.StatusDeathVerified: "landing.step_2_time",
	domain.StatusApproved: "landing.step_3_time", domain.StatusDisbursing: "landing.step_4_time",
	domain.StatusPaid: "landing.step_5_time",
}

// UsualTime says how long reaching status s usually takes ("Biasanya 3
// hari kerja"), for the steps still ahead on the tracking page and API;
// "" for a status that is no usual step.
func UsualTime(lang Lang, s domain.Status) string {
	key, ok := usualTimeKeys[s]
	if !ok {
		return ""
	}
	return Text(lang, key)
}
