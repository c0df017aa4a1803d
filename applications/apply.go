package applications

import (
	"context"
	"errors"
	"fmt"

	"santunan/documents"
	"santunan/domain"
	"santunan/workflow"
)

// Application is what the heir sends online: the claim, the documents
// (each with its kind; ClaimID is set here) and the consent to the privacy
// statement (UU 27/2022), without which nothing is filed.
type Application struct {
	Claim     domain.ClaimInput
	Consent   bool
	Documents []documents.Upload
}

// Apply files an online application with the session of a verified
// "apply" check: the claim into applied with the verified phone as the
// heir's phone, its documents, and the session's end, in one transaction.
// The engine's rules apply as for staff filing (duplicate deaths included).
func (s *Service) Apply(ctx context.Context, token string, app Application) (domain.Claim, error) {
	sess, err := s.session(s.db.Read.WithContext(ctx), token)
	if err != nil {
		return domain.Claim{}, err
	}
	if sess.Purpose != domain.PurposeApply {
		return domain.Claim{}, errWrongPurpose
	}
	errs := s.checkDocuments(app.Documents)
	if !app.Consent {
		errs.Add("consent", domain.ViolationConsentRequired)
	}
	if err := errs.Err(); err != nil {
		return domain.Claim{}, err
	}
	in := app.Claim
	in.Heir.Phone = sess.Phone
	c, err := s.engine.FileWith(ctx, Online, domain.ActionApply, in, func(tx *workflow.Tx, c domain.Claim) error {
		if err := consume(tx.DB(), sess.CheckID, tx.Now()); err != nil {
			return err
		}
		return s.attachAll(ctx, tx, c.ID, app.Documents)
	})
	if err != nil {
		return domain.Claim{}, err
	}
	return s.engine.Get(ctx, c.ID)
}

var errWrongPurpose = fmt.Errorf("session for another purpose: %w", domain.ErrPhoneCheckRequired)

func (s *Service) attachAll(ctx context.Context, tx *workflow.Tx, claimID int64, docs []documents.Upload) error {
	for _, up := range docs {
		up.ClaimID = claimID
		if _, err := s.docs.AttachIn(ctx, tx, Online, up); err != nil {
			return err
		}
	}
	return nil
}

// checkDocuments checks every file before anything is filed, so that the
// heir hears of each bad file beside its field ("documents.<kind>").
func (s *Service) checkDocuments(docs []documents.Upload) domain.FieldErrors {
	errs := domain.FieldErrors{}
	for _, up := range docs {
		field := "documents." + string(up.Kind)
		_, _, err := s.docs.Check(up)
		var tooLarge *domain.TooLargeError
		switch {
		case err == nil:
		case errors.As(err, &tooLarge):
			errs.Add(field, domain.ViolationFileTooLarge)
		case errors.Is(err, domain.ErrUnsupportedMediaType):
			errs.Add(field, domain.ViolationFileType)
		default:
			var v *domain.ValidationError
			if errors.As(err, &v) {
				for _, code := range v.Fields {
					errs.Add(field, code)
				}
			} else {
				errs.Add(field, domain.ViolationInvalidValue)
			}
		}
	}
	return errs
}
