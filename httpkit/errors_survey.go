package httpkit

import (
	"errors"
	"net/http"

	"santunan/survey"
)

// Error codes of the satisfaction survey's public side (survey/).
const (
	CodeSurveyNotFound = "survey_not_found"
	CodeSurveyAnswered = "survey_answered"
)

// surveyError classifies the survey's refusals (called by Classify).
func surveyError(err error) (int, Detail, bool) {
	switch {
	case errors.Is(err, survey.ErrUnknownToken):
		return http.StatusNotFound, Detail{Code: CodeSurveyNotFound,
			Message: "no survey has this link, or its time is over"}, true
	case errors.Is(err, survey.ErrAnswered):
		return http.StatusConflict, Detail{Code: CodeSurveyAnswered,
			Message: "this claim's survey was answered already"}, true
	}
	return 0, Detail{}, false
}
