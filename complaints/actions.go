package complaints

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"santunan/domain"
	"santunan/workflow"
)

// ErrReopenWindowPassed refuses reopening a complaint closed longer ago
// than its category's reopen window (working days).
var ErrReopenWindowPassed = errors.New("the reopen window of this complaint has passed")

// ErrNamedUnitUnconfirmed refuses assigning a pungli complaint to the
// office it names without the complaint officer's explicit confirmation.
var ErrNamedUnitUnconfirmed = errors.New("a pungli complaint goes to the office it names only on the complaint officer's explicit decision")

// ActInput is what staff send with a step.
type ActInput struct {
	// Version, when given, must be the complaint's current version.
	Version *int
	// Reason: decline's why (required), any step's note for the trail.
	Reason string
	// Redirect: decline's where to go instead (required).
	Redirect string
	// Unit and UnitName: assign's office (required) and named unit in it.
	Unit     domain.Unit
	UnitName string
	// ConfirmNamedUnit: assign a pungli complaint to the very office it
	// names (the complaint officer's explicit decision, in the trail).
	ConfirmNamedUnit bool
	// Answer: answer's text (required).
	Answer string
}

// Act takes a staff step (verify, decline, assign, answer) on complaint id.
func (s *Service) Act(ctx context.Context, actor domain.Actor, id int64, action domain.ComplaintAction, in ActInput) (Complaint, error) {
	staff := false
	for _, a := range StaffActions {
		staff = staff || a == action
	}
	t, ok := Lookup(action)
	if !ok || !staff {
		return Complaint{}, fmt.Errorf("complaint action %q: %w", action, domain.ErrNotFound)
	}
	if !t.mayEverTake(actor.Role) {
		return Complaint{}, fmt.Errorf("role %s may not %s complaints: %w", actor.Role, action, domain.ErrForbidden)
	}
	errs := domain.FieldErrors{}
	reason := checkText(errs, "reason", in.Reason, 0, MaxReason, t.Reason)
	var ch change
	switch action {
	case domain.ComplaintActionVerify:
		ch = func(tx *workflow.Tx, before Complaint, after *Complaint) error {
			at := s.now()
			after.VerifiedAt = &at
			return nil
		}
	case domain.ComplaintActionDecline:
		redirect := checkText(errs, "redirect", in.Redirect, 0, MaxReason, true)
		ch = func(tx *workflow.Tx, before Complaint, after *Complaint) error {
			at := s.now()
			after.DeclineRedirect, after.ClosedAt = redirect, &at
			return nil
		}
	case domain.ComplaintActionAssign:
		if !in.Unit.Valid() {
			errs.Add("unit", domain.ViolationInvalidValue)
		}
		unitName := checkText(errs, "unit_name", in.UnitName, 0, MaxUnitName, false)
		if strings.ContainsAny(unitName, "\n\r\t") {
			errs.Add("unit_name", domain.ViolationInvalidCharacters)
		}
		ch = func(tx *workflow.Tx, before Complaint, after *Complaint) error {
			if err := PungliRule(before, in.Unit, in.ConfirmNamedUnit); err != nil {
				return err
			}
			at := s.now()
			after.Unit, after.UnitName, after.AssignedAt = in.Unit, unitName, &at
			if before.Category == domain.CategoryExtortion && in.Unit == before.NamedUnit {
				after.PungliConfirmed = true
			}
			return nil
		}
	case domain.ComplaintActionAnswer:
		answer := checkText(errs, "answer", in.Answer, 0, MaxReason, true)
		ch = func(tx *workflow.Tx, before Complaint, after *Complaint) error {
			at := s.now()
			after.Answer, after.AnsweredAt = answer, &at
			if after.FirstAnsweredAt == nil {
				after.FirstAnsweredAt = &at
			}
			return nil
		}
	}
	if len(errs) > 0 {
		return Complaint{}, errs.Err()
	}
	find := func(tx *gorm.DB) (Complaint, error) { return lockByID(tx, id) }
	return s.step(ctx, actor, action, in.Version, reason, find, ch)
}

// PungliRule refuses assigning a pungli complaint to the office it names
// unless the complaint officer confirmed it explicitly.
func PungliRule(c Complaint, unit domain.Unit, confirmed bool) error {
	if c.Category == domain.CategoryExtortion && c.NamedUnit != "" && unit == c.NamedUnit && !confirmed {
		return fmt.Errorf("complaint %d: %w", c.ID, ErrNamedUnitUnconfirmed)
	}
	return nil
}

// byCode finds a complaint by its tracking code, locked.
func byCode(code string) (func(tx *gorm.DB) (Complaint, error), error) {
	canonical, ok := ParseCode(code)
	if !ok {
		return nil, fmt.Errorf("complaint code: %w", domain.ErrNotFound)
	}
	return func(tx *gorm.DB) (Complaint, error) { return loadWhere(forUpdate(tx), "code = ?", canonical) }, nil
}

// Confirm is the complainant's "selesai": the answer settles it (answered → closed).
func (s *Service) Confirm(ctx context.Context, code string) (Complaint, error) {
	find, err := byCode(code)
	if err != nil {
		return Complaint{}, err
	}
	return s.step(ctx, complainant, domain.ComplaintActionConfirm, nil, "", find, s.closing)
}

func (s *Service) closing(tx *workflow.Tx, before Complaint, after *Complaint) error {
	at := s.now()
	after.ClosedAt = &at
	return nil
}

// Dispute is the complainant's "sanggah": the answer does not settle it
// (answered → assigned, to the same office, with a new deadline).
func (s *Service) Dispute(ctx context.Context, code, reason string) (Complaint, error) {
	return s.back(ctx, code, reason, domain.ComplaintActionDispute, nil)
}

// Reopen opens a closed complaint again within its category's reopen
// window (closed → assigned); after it, ErrReopenWindowPassed.
func (s *Service) Reopen(ctx context.Context, code, reason string) (Complaint, error) {
	return s.back(ctx, code, reason, domain.ComplaintActionReopen, func(ctx context.Context, c Complaint) error {
		if c.ClosedAt == nil {
			return nil
		}
		cal, err := s.calendar(ctx)
		if err != nil {
			return err
		}
		closed := domain.DateOf(c.ClosedAt.In(s.opts.Location))
		if cal.WorkingDaysBetween(closed, s.Today()) > s.Deadlines(c.Category).ReopenDays {
			return fmt.Errorf("complaint %s: %w", c.Code, ErrReopenWindowPassed)
		}
		return nil
	})
}

func (s *Service) back(ctx context.Context, code, reason string, action domain.ComplaintAction,
	rule func(context.Context, Complaint) error) (Complaint, error) {
	errs := domain.FieldErrors{}
	reason = checkText(errs, "reason", reason, 0, MaxReason, true)
	if len(errs) > 0 {
		return Complaint{}, errs.Err()
	}
	find, err := byCode(code)
	if err != nil {
		return Complaint{}, err
	}
	return s.step(ctx, complainant, action, nil, reason, find, func(tx *workflow.Tx, before Complaint, after *Complaint) error {
		if rule != nil && before.Status == domain.ComplaintClosed {
			if err := rule(ctx, before); err != nil {
				return err
			}
		}
		// A declined complaint was never assigned; the others go back to
		// the office that answered.
		if before.Unit == "" {
			return transitionError(action, before.Status)
		}
		at := s.now()
		after.AssignedAt, after.ClosedAt = &at, nil
		if action == domain.ComplaintActionReopen {
			after.ReopenCount++
		}
		return nil
	})
}
