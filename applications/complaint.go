package applications

import (
	"context"
	"time"

	"gorm.io/gorm"

	"santunan/domain"
)

// StartComplaint sends a code to phone for a complaint (aduan): a named
// complainant's phone, or an anonymous one's who wants to be messaged.
func (s *Service) StartComplaint(ctx context.Context, phone string) (Check, error) {
	if code := domain.TextViolation(phone); code != "" {
		return Check{}, domain.FieldError("phone", code)
	}
	p, code := domain.NormalizePhone(phone)
	if code != "" {
		return Check{}, domain.FieldError("phone", code)
	}
	return s.start(ctx, p, domain.PurposeComplaint)
}

// ConsumeComplaintSession ends the live session of a verified "complaint"
// check inside tx, the complaint's filing transaction, and returns its
// phone: one verified phone files one complaint. Anything else is
// domain.ErrPhoneCheckRequired.
func (s *Service) ConsumeComplaintSession(tx *gorm.DB, token string, at time.Time) (string, error) {
	sess, err := s.session(tx, token)
	if err != nil {
		return "", err
	}
	if sess.Purpose != domain.PurposeComplaint {
		return "", errWrongPurpose
	}
	if err := consume(tx, sess.CheckID, at); err != nil {
		return "", err
	}
	return sess.Phone, nil
}

// ComplaintSession reports whether token is a live session of a
// "complaint" check, with its phone masked (what the form shows).
func (s *Service) ComplaintSession(ctx context.Context, token string) (string, error) {
	sess, err := s.session(s.db.Read.WithContext(ctx), token)
	if err != nil {
		return "", err
	}
	if sess.Purpose != domain.PurposeComplaint {
		return "", errWrongPurpose
	}
	return MaskPhone(sess.Phone), nil
}
