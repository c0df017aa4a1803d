package workdays

import (
	"time"

	"santunan/domain"
	"santunan/workflow"
)

// Hook sets a claim's stage start and due day when an event brings it into
// a stage (domain.StageOf its new status differs from the old one's, or the
// claim was just filed), in the event's transaction: the due day is the
// stage's working days (the standard) after the day it entered, in
// Jakarta. approved → disbursing stays in the pay stage and keeps its due
// day; leaving every stage (returned, final) the engine clears it.
//
// The calendar is read under a share lock on its version row (PostgreSQL),
// so a calendar change, which takes that row exclusively, either waits for
// this transaction and then recomputes its claim, or commits first and this
// transaction reads the new calendar.
func (s *Service) Hook() workflow.EventHook {
	return func(tx *workflow.Tx, c domain.Claim, ev domain.Event) error {
		to, ok := domain.StageOf(c.Status)
		if !ok {
			return nil
		}
		if from, had := domain.StageOf(ev.FromStatus); had && from == to && ev.Seq > 1 && c.StageDue != nil {
			return nil
		}
		cal, err := s.calendarOn(tx.DB(), true)
		if err != nil {
			return err
		}
		return tx.SetStage(c.ID, ev.At, s.dueOn(cal, to, ev.At))
	}
}

// dueOn is the due day of stage for a claim that entered it at started.
func (s *Service) dueOn(cal domain.Calendar, stage domain.Stage, started time.Time) domain.Date {
	return cal.AddWorkingDays(domain.DateOf(started.In(s.opts.Location)), s.opts.Standard.StageDays[stage])
}

// DueOn is the due day of stage for a claim that entered it at started, on
// cal (for the reports and tests).
func (s *Service) DueOn(cal domain.Calendar, stage domain.Stage, started time.Time) domain.Date {
	return s.dueOn(cal, stage, started)
}
