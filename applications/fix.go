package applications

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"santunan/documents"
	"santunan/domain"
	"santunan/workflow"
)

// StartFix begins the correction of a claim that waits for the heir
// (MayFixOnline): the heir proves the claim with its code and their NIK
// (Engine.Identify), and a code goes to the heir's phone on file, never to
// one the requester names.
func (s *Service) StartFix(ctx context.Context, code, heirNIK string) (Check, error) {
	c, err := s.engine.Identify(ctx, code, heirNIK)
	if err != nil {
		return Check{}, err
	}
	if !MayFixOnline(c.Status) {
		return Check{}, &domain.TransitionError{Action: domain.ActionResubmit, Status: c.Status}
	}
	return s.start(ctx, c.Heir.Phone, domain.FixPurpose(c.ID))
}

// FixClaim is the claim a "fix" session may correct, for the form: its
// data now and why it came to wait for the heir (the return's reason, or
// the failed transfer's).
func (s *Service) FixClaim(ctx context.Context, token string) (domain.Claim, string, error) {
	id, _, err := s.fixSession(ctx, token)
	if err != nil {
		return domain.Claim{}, "", err
	}
	c, err := s.engine.Get(ctx, id)
	if err != nil {
		return domain.Claim{}, "", err
	}
	events, err := s.engine.Events(ctx, id)
	if err != nil {
		return domain.Claim{}, "", err
	}
	reason := ""
	for _, ev := range events {
		if ev.Action == domain.ActionReturn || ev.Action == domain.ActionFailPayment {
			reason = ev.Reason
		}
	}
	return c, reason, nil
}

// FixSession reports whether token is a live session of a "fix" check
// (domain.ErrPhoneCheckRequired otherwise), for a handler that must know
// before it reads a body.
func (s *Service) FixSession(ctx context.Context, token string) error {
	_, _, err := s.fixSession(ctx, token)
	return err
}

func (s *Service) fixSession(ctx context.Context, token string) (int64, verified, error) {
	sess, err := s.session(s.db.Read.WithContext(ctx), token)
	if err != nil {
		return 0, verified{}, err
	}
	id, ok := ParseFixPurpose(sess.Purpose)
	if !ok {
		return 0, verified{}, errWrongPurpose
	}
	return id, sess, nil
}

// ParseFixPurpose reads the claim id of a "fix:<id>" purpose.
func ParseFixPurpose(p string) (int64, bool) {
	rest, ok := strings.CutPrefix(p, "fix:")
	if !ok || rest == "" || len(rest) > 19 || strings.TrimLeft(rest, "0123456789") != "" {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil && id > 0
}

// Correction is what the heir sends to fix a claim: the claim's code
// (which must be the session's claim), replaced parts of the claim (nil
// keeps a part) and documents to add or replace. A claim whose transfer
// failed takes only BankAccount and the bank book (bank_book.go).
type Correction struct {
	Code        string
	Deceased    *domain.DeceasedInput
	Heir        *domain.HeirInput
	BankAccount *domain.BankAccountInput
	Documents   []documents.Upload
}

// Fix applies a correction with a "fix" session, in one transaction that
// also ends the session, with the heir as actor: for a returned claim the
// documents, then resubmit (the heir's phone stays the one the code went
// to); for a failed transfer the bank book and the proposed account, the
// status unchanged (proposeAccount).
func (s *Service) Fix(ctx context.Context, token string, fix Correction) (domain.Claim, error) {
	id, sess, err := s.fixSession(ctx, token)
	if err != nil {
		return domain.Claim{}, err
	}
	if errs := s.checkDocuments(fix.Documents); len(errs) > 0 {
		return domain.Claim{}, errs.Err()
	}
	var out domain.Claim
	err = s.engine.InTx(ctx, func(tx *workflow.Tx) error {
		c, err := tx.Claim(id)
		if err != nil {
			return err
		}
		if fix.Code != "" && workflow.NormalizeCode(fix.Code) != c.Code {
			// A session opens one claim only.
			return fmt.Errorf("session of claim %d used for %q: %w", id, fix.Code, domain.ErrForbidden)
		}
		if !MayFixOnline(c.Status) {
			return &domain.TransitionError{Action: domain.ActionResubmit, Status: c.Status}
		}
		if err := consume(tx.DB(), sess.CheckID, tx.Now()); err != nil {
			return err
		}
		if c.Status == domain.StatusPaymentFailed {
			out, err = s.proposeAccount(ctx, tx, c, fix)
			return err
		}
		if fix.Heir != nil {
			h := *fix.Heir
			h.Phone = c.Heir.Phone
			fix.Heir = &h
		}
		if err := s.attachAll(ctx, tx, id, fix.Documents); err != nil {
			return err
		}
		out, err = tx.Apply(Online, id, domain.ActionResubmit, workflow.ActionInput{
			Deceased: fix.Deceased, Heir: fix.Heir, BankAccount: fix.BankAccount})
		return err
	})
	return out, err
}
