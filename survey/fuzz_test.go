package survey

import (
	"errors"
	"net/url"
	"testing"
	"unicode/utf8"

	"santunan/domain"
)

// FuzzParseAnswer: whatever a form posts, the parser answers an answer
// that Validate accepts, or field errors (never a panic, never a score
// outside 1-4 or a comment the database or a reader should not get).
func FuzzParseAnswer(f *testing.F) {
	for _, seed := range []string{
		"requirements=4&procedure=3&service_time=4&cost=4&product=3&competence=4&behaviour=4&complaint_handling=2&facilities=3",
		"requirements=4&procedure=3&service_time=4&cost=4&product=3&competence=4&behaviour=4&complaint_handling=2&facilities=3&comment=Bagus",
		"requirements=5&procedure=0&service_time=-1&cost=%EF%BC%94&product=04&competence= 4 &behaviour=4.0&complaint_handling=&facilities=3",
		"comment=%E2%80%AE&requirements=1",
		"comment=%00&facilities=4",
		"requirements=%FF",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		form, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		a, err := ParseAnswer(form.Get)
		if err != nil {
			if !errors.Is(err, domain.ErrValidation) {
				t.Fatalf("%q: %v is not a validation error", raw, err)
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("%q parsed to %+v, which Validate refuses: %v", raw, a, err)
		}
		for _, s := range a.Scores {
			if s < MinScore || s > MaxScore {
				t.Fatalf("%q: score %d", raw, s)
			}
		}
		if !utf8.ValidString(a.Comment) || domain.TextViolation(a.Comment) != "" || utf8.RuneCountInString(a.Comment) > MaxComment {
			t.Fatalf("%q: comment %q passed", raw, a.Comment)
		}
	})
}
