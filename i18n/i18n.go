// Package i18n holds every sentence a person reads: pages for clerks,
// officers and heirs are in Bahasa Indonesia, the JSON API speaks English.
// Texts live in one catalog per language (messages_*.go), keyed by the
// stable codes of the domain package, so adding a language means adding a
// catalog and nothing else.
package i18n

import "santunan/domain"

// Lang selects a catalog.
type Lang string

const (
	English    Lang = "en"
	Indonesian Lang = "id"
)

// catalog is every text of one language. Catalogs are package-level tables
// that are only ever read.
type catalog struct {
	invalidValue  string // for a violation code without a text of its own
	violations    map[string]string
	warnings      map[string]string
	statuses      map[domain.Status]string
	actions       map[domain.Action]string
	roles         map[domain.Role]string
	relationships map[domain.Relationship]string
	documentKinds map[domain.DocumentKind]string
	matchOutcomes map[domain.MatchOutcome]string

	// nextSteps says what happens after each status. When a reason is
	// given, nextStepsWithReason is used instead where it has the status;
	// "{reason}" in it is replaced by the reason.
	nextSteps           map[domain.Status]string
	nextStepsWithReason map[domain.Status]string
	nextStepUnknown     string

	months [12]string
}

// catalogFor returns the catalog of lang. Anything but English gets
// Indonesian: the people who cannot choose a language (heirs on the public
// tracking page) read Indonesian.
func catalogFor(lang Lang) *catalog {
	if lang == English {
		return &english
	}
	return &indonesian
}
