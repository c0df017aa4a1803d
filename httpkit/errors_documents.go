package httpkit

import (
	"errors"
	"fmt"
	"net/http"

	"santunan/domain"
	"santunan/i18n"
)

// documentError classifies the errors of documents and the death register
// (called first by Classify, the one place errors become statuses).
func documentError(err error) (int, Detail, bool) {
	var (
		missing   *domain.DocumentsMissingError
		mismatch  *domain.RegisterMismatchError
		tooLarge  *domain.TooLargeError
		bodyLimit *http.MaxBytesError
	)
	switch {
	case errors.As(err, &missing):
		return http.StatusUnprocessableEntity, Detail{Code: CodeDocumentsMissing,
			Message:          fmt.Sprintf("%s needs documents the claim does not have: %v", missing.Action, missing.Missing),
			Fields:           map[string]string{"documents": i18n.Violation(i18n.English, domain.ViolationDocumentsMissing)},
			MissingDocuments: missing.Missing}, true
	case errors.As(err, &mismatch):
		return http.StatusUnprocessableEntity, Detail{Code: CodeRegisterMismatch,
			Message: fmt.Sprintf("the claim differs from the death register in %v; send confirm_register_mismatch: true to verify anyway", mismatch.Differences),
			Fields: map[string]string{"confirm_register_mismatch": i18n.Violation(i18n.English,
				domain.ViolationRegisterMismatchUnconfirmed)},
			RegisterDifferences: mismatch.Differences}, true
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge, Detail{Code: CodePayloadTooLarge,
			Message: fmt.Sprintf("the file is larger than %d bytes", tooLarge.Limit)}, true
	case errors.As(err, &bodyLimit):
		return http.StatusRequestEntityTooLarge, Detail{Code: CodePayloadTooLarge,
			Message: fmt.Sprintf("request body is larger than %d bytes", bodyLimit.Limit)}, true
	case errors.Is(err, domain.ErrUnsupportedMediaType):
		return http.StatusUnsupportedMediaType, Detail{Code: CodeUnsupportedMedia,
			Message: "only PDF, JPEG or PNG files are accepted (judged by their content, not their name)"}, true
	case errors.Is(err, domain.ErrRegistryOff):
		return http.StatusNotImplemented, Detail{Code: CodeRegistryNotConfigured,
			Message: "no Dukcapil web service is configured (SANTUNAN_DUKCAPIL_URL)"}, true
	case errors.Is(err, domain.ErrRegistryUnavailable):
		return http.StatusBadGateway, Detail{Code: CodeRegistryUnavailable,
			Message: "the Dukcapil web service did not answer properly; try again later or check the akta by hand"}, true
	}
	return 0, Detail{}, false
}
