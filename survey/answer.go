package survey

import (
	"strings"
	"unicode/utf8"

	"santunan/domain"
)

// Answer is one heir's survey: a score of 1-4 per element (Elements'
// order) and an optional comment.
type Answer struct {
	Scores  [9]int
	Comment string
}

// Score is element e's score.
func (a Answer) Score(e Element) int {
	for i, el := range Elements {
		if el == e {
			return a.Scores[i]
		}
	}
	return 0
}

// ParseAnswer reads an answer from the fields of a form or a JSON body, as
// get returns them ("" for a missing one): each element's score as the
// digit 1-4, and "comment". A field that is not valid gets its violation
// (domain.FieldErrors, keyed by the field's name): required, invalid_value
// (a score that is not 1-4), invalid_characters or too_long.
func ParseAnswer(get func(field string) string) (Answer, error) {
	var a Answer
	errs := domain.FieldErrors{}
	for i, e := range Elements {
		v := strings.TrimSpace(get(string(e)))
		switch {
		case v == "":
			errs.Add(string(e), domain.ViolationRequired)
		case len(v) == 1 && v[0] >= '0'+MinScore && v[0] <= '0'+MaxScore:
			a.Scores[i] = int(v[0] - '0')
		default:
			errs.Add(string(e), domain.ViolationInvalidValue)
		}
	}
	a.Comment = strings.TrimSpace(get("comment"))
	if v := commentViolation(a.Comment); v != "" {
		errs.Add("comment", v)
	}
	if err := errs.Err(); err != nil {
		return Answer{}, err
	}
	return a, nil
}

func commentViolation(c string) string {
	if v := domain.TextViolation(c); v != "" {
		return v
	}
	if utf8.RuneCountInString(c) > MaxComment {
		return domain.ViolationTooLong
	}
	return ""
}

// Validate checks an answer made in code (ParseAnswer's are valid).
func (a Answer) Validate() error {
	errs := domain.FieldErrors{}
	for i, s := range a.Scores {
		if s < MinScore || s > MaxScore {
			errs.Add(string(Elements[i]), domain.ViolationInvalidValue)
		}
	}
	if v := commentViolation(a.Comment); v != "" {
		errs.Add("comment", v)
	}
	return errs.Err()
}
