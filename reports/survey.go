package reports

import (
	"context"
	"time"

	"santunan/survey"
)

// FromSurvey reads the SKM index of a period from the survey capability:
// its nine element means (in the regulation's order), the index and its
// band, and the number of answers.
func FromSurvey(s *survey.Service) SurveyIndex {
	return SurveyFunc(func(ctx context.Context, from, to time.Time) (Survey, error) {
		x, err := s.Index(ctx, from, to)
		if err != nil {
			return Survey{}, err
		}
		out := Survey{Count: x.Count, Index: x.Value, Band: string(x.Band), Elements: make([]SurveyElement, 0, len(survey.Elements))}
		for i, el := range survey.Elements {
			out.Elements = append(out.Elements, SurveyElement{Element: string(el), Mean: x.Means[i]})
		}
		return out, nil
	})
}
