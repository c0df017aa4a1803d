package workflow

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// A claim's stage (domain.StageOf its status) has a start and a due day,
// which an event hook (workdays) sets when the claim enters the stage and
// the engine clears when the claim leaves every stage (compareAndSwap).

// SetStage records that claim id entered its current stage at started and
// is due on due, in the transaction; an event hook calls it, and the claim
// the action returns carries the values.
func (t *Tx) SetStage(id int64, started time.Time, due domain.Date) error {
	dueAt := due.Time()
	res := t.db.Model(&claimRow{}).Where("id = ?", id).
		Updates(map[string]any{"stage_started_at": started, "stage_due_on": dueAt})
	if res.Error != nil {
		return fmt.Errorf("set stage of claim %d: %w", id, res.Error)
	}
	if t.staged == nil {
		t.staged = map[int64]stageMark{}
	}
	t.staged[id] = stageMark{started: started, due: due}
	return nil
}

// stageMark is a stage set in this transaction.
type stageMark struct {
	started time.Time
	due     domain.Date
}

// withStage gives c the stage set in this transaction, if any.
func (t *Tx) withStage(c domain.Claim) domain.Claim {
	if m, ok := t.staged[c.ID]; ok {
		started, due := m.started, m.due
		c.StageStartedAt, c.StageDue = &started, &due
	}
	return c
}

// StagedStatuses are the statuses in which a claim has a due date.
func StagedStatuses() []string {
	var out []string
	for _, s := range domain.AllStatuses {
		if _, ok := domain.StageOf(s); ok {
			out = append(out, string(s))
		}
	}
	return out
}

// restageBatch bounds the claims one restaging statement reads.
const restageBatch = 500

// Restage recomputes the due day of every claim in a stage whose due day
// is on or after from (a non-working day added or removed on from can move
// only those), in id order and batches, with due giving the new day from
// the claim's status and stage start. It locks each batch's rows and writes
// only the claims whose day moves; it returns how many moved. It runs in
// the caller's transaction, the calendar change's.
func Restage(tx *gorm.DB, from domain.Date, due func(status domain.Status, started time.Time) (domain.Date, bool)) (int, error) {
	moved := 0
	var after int64
	for {
		var rows []claimRow
		err := forUpdate(tx.Model(&claimRow{})).Select("id, status, stage_started_at, stage_due_on").
			Where("status IN ? AND stage_due_on >= ? AND id > ?", StagedStatuses(), from.Time(), after).
			Order("id").Limit(restageBatch).Find(&rows).Error
		if err != nil {
			return moved, database.Classify(fmt.Errorf("restage claims: %w", err))
		}
		for _, r := range rows {
			after = r.ID
			if r.StageStartedAt == nil || r.StageDueOn == nil {
				continue
			}
			d, ok := due(domain.Status(r.Status), *r.StageStartedAt)
			if !ok || d == domain.DateOf(r.StageDueOn.UTC()) {
				continue
			}
			if err := tx.Model(&claimRow{}).Where("id = ?", r.ID).Update("stage_due_on", d.Time()).Error; err != nil {
				return moved, fmt.Errorf("restage claim %d: %w", r.ID, err)
			}
			moved++
		}
		if len(rows) < restageBatch {
			return moved, nil
		}
	}
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func datePtr(t *time.Time) *domain.Date {
	if t == nil {
		return nil
	}
	d := domain.DateOf(t.UTC())
	return &d
}

func dateTimePtr(d *domain.Date) *time.Time {
	if d == nil {
		return nil
	}
	t := d.Time()
	return &t
}

// LockStaged locks, in id order, every claim in a stage due on or after
// from: a calendar change locks them before the calendar's version row.
func LockStaged(tx *gorm.DB, from domain.Date) error {
	_, err := Restage(tx, from, func(domain.Status, time.Time) (domain.Date, bool) { return domain.Date{}, false })
	return err
}

// BackfillStages gives every claim in a stage without a due day (claims
// from before migration 00016) one: the stage is taken to have started at
// the claim's last change (updated_at), which is the stage's entry unless a
// document or note came later. Batched by id; returns how many it set.
func BackfillStages(tx *gorm.DB, due func(status domain.Status, started time.Time) (domain.Date, bool)) (int, error) {
	set := 0
	var after int64
	for {
		var rows []claimRow
		err := forUpdate(tx.Model(&claimRow{})).Select("id, status, updated_at").
			Where("status IN ? AND stage_due_on IS NULL AND id > ?", StagedStatuses(), after).
			Order("id").Limit(restageBatch).Find(&rows).Error
		if err != nil {
			return set, database.Classify(fmt.Errorf("backfill stages: %w", err))
		}
		for _, r := range rows {
			after = r.ID
			d, ok := due(domain.Status(r.Status), r.UpdatedAt)
			if !ok {
				continue
			}
			err := tx.Model(&claimRow{}).Where("id = ?", r.ID).
				Updates(map[string]any{"stage_started_at": r.UpdatedAt, "stage_due_on": d.Time()}).Error
			if err != nil {
				return set, fmt.Errorf("backfill claim %d: %w", r.ID, err)
			}
			set++
		}
		if len(rows) < restageBatch {
			return set, nil
		}
	}
}
