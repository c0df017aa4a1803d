package i18n

import "santunan/domain"

// DocumentKindLabel names a kind of supporting document.
func DocumentKindLabel(lang Lang, k domain.DocumentKind) string {
	return lookup(catalogFor(lang).documentKinds, k, string(k))
}

// MatchOutcomeLabel says how a claim compares with the death register.
func MatchOutcomeLabel(lang Lang, o domain.MatchOutcome) string {
	return lookup(catalogFor(lang).matchOutcomes, o, string(o))
}
