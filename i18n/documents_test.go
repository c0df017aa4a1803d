package i18n

import (
	"testing"

	"santunan/domain"
)

func TestDocumentCatalogsComplete(t *testing.T) {
	for _, lang := range langs {
		c := catalogFor(lang)
		checkComplete(t, "document kind", lang, c.documentKinds, domain.AllDocumentKinds)
		checkComplete(t, "match outcome", lang, c.matchOutcomes, domain.AllMatchOutcomes)
	}
	if got := DocumentKindLabel(Indonesian, domain.DocumentAktaKematian); got != "Akta kematian" {
		t.Errorf("akta label = %q", got)
	}
	if got := MatchOutcomeLabel(Indonesian, domain.MatchAgrees); got != "Cocok dengan data kematian Dukcapil" {
		t.Errorf("match label = %q", got)
	}
	if got := DocumentKindLabel(English, "nope"); got != "nope" {
		t.Errorf("unknown kind label = %q", got)
	}
}
