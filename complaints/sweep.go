package complaints

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// sweepBatch bounds the complaints one pass of the sweep reads at once.
const sweepBatch = 200

// Sweep does what the clock decides, by the service's clock: it escalates
// every complaint whose office deadline passed (received past VerifyDays,
// assigned past FollowUpDays), once per deadline, and closes every answer
// not disputed by its automatic closing day. Each complaint is its own
// transaction (locked and checked again), so a sweep on two servers at
// once does each step once. It returns how many it escalated and closed.
func (s *Service) Sweep(ctx context.Context) (escalated, closed int, err error) {
	today := s.Today()
	day := func(db *gorm.DB) any { return dateParam(db, today.Time()) }
	db := s.read(ctx)
	for after := int64(0); ; {
		var ids []int64
		err := db.Model(&complaintRow{}).
			Where("status IN ? AND due_on < ? AND (escalated_due IS NULL OR escalated_due <> due_on) AND id > ?",
				[]string{string(domain.ComplaintReceived), string(domain.ComplaintAssigned)}, day(db), after).
			Order("id").Limit(sweepBatch).Pluck("id", &ids).Error
		if err != nil {
			return escalated, closed, database.Classify(fmt.Errorf("sweep: due complaints: %w", err))
		}
		for _, id := range ids {
			done, err := s.escalate(ctx, id, today)
			if err != nil {
				return escalated, closed, err
			}
			if done {
				escalated++
			}
		}
		if len(ids) < sweepBatch {
			break
		}
		after = ids[len(ids)-1]
	}
	for after := int64(0); ; {
		var ids []int64
		err := db.Model(&complaintRow{}).
			Where("status = ? AND due_on < ? AND id > ?", string(domain.ComplaintAnswered), day(db), after).
			Order("id").Limit(sweepBatch).Pluck("id", &ids).Error
		if err != nil {
			return escalated, closed, database.Classify(fmt.Errorf("sweep: answers to close: %w", err))
		}
		for _, id := range ids {
			done, err := s.autoclose(ctx, id, today)
			if err != nil {
				return escalated, closed, err
			}
			if done {
				closed++
			}
		}
		if len(ids) < sweepBatch {
			break
		}
		after = ids[len(ids)-1]
	}
	return escalated, closed, nil
}

// errSkip: the complaint moved on since the sweep read it.
var errSkip = errors.New("no longer due")

func (s *Service) escalate(ctx context.Context, id int64, today domain.Date) (bool, error) {
	find := func(tx *gorm.DB) (Complaint, error) {
		c, err := lockByID(tx, id)
		if err != nil {
			return c, err
		}
		due := c.DueOn != nil && c.DueOn.Before(today) &&
			(c.EscalatedDue == nil || *c.EscalatedDue != *c.DueOn) &&
			(c.Status == domain.ComplaintReceived || c.Status == domain.ComplaintAssigned)
		if !due {
			return c, errSkip
		}
		return c, nil
	}
	_, err := s.step(ctx, system, domain.ComplaintActionEscalate, nil, "", find,
		func(tx *workflow.Tx, before Complaint, after *Complaint) error {
			at := s.now()
			d := *before.DueOn
			after.EscalatedAt, after.EscalatedDue = &at, &d
			return nil
		})
	return s.swept(err)
}

func (s *Service) autoclose(ctx context.Context, id int64, today domain.Date) (bool, error) {
	find := func(tx *gorm.DB) (Complaint, error) {
		c, err := lockByID(tx, id)
		if err != nil {
			return c, err
		}
		if c.Status != domain.ComplaintAnswered || c.DueOn == nil || !c.DueOn.Before(today) {
			return c, errSkip
		}
		return c, nil
	}
	_, err := s.step(ctx, system, domain.ComplaintActionClose, nil, "", find, s.closing)
	return s.swept(err)
}

func (s *Service) swept(err error) (bool, error) {
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, errSkip):
		return false, nil
	}
	return false, err
}

// SweepEvery is how often the server sweeps (serve.go): deadlines are
// days, so a few minutes late is never late.
const SweepEvery = 10 * time.Minute

// RunSweeps sweeps at once and then every interval until ctx ends,
// telling report of each sweep's outcome. Several servers may each run
// it: every step is locked and checked again.
func (s *Service) RunSweeps(ctx context.Context, every time.Duration, report func(escalated, closed int, err error)) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		e, c, err := s.Sweep(ctx)
		if ctx.Err() != nil {
			return
		}
		report(e, c, err)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
