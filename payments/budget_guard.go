package payments

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"santunan/domain"
	"santunan/workflow"
)

// The budget year of a claim is the year, in WIB, in which it was approved:
// that is when the regency commits the money (the decree's year), and it
// needs no date on the claim beyond the approval itself. The commitment
// keeps its year until the claim is cancelled, also when its payment fails
// and is retried in a later year.
//
// The committed amount is a counter on the year's budget row, changed in the
// same transaction as the approval or cancellation, rather than a SUM over
// the claims at each approval: one conditional UPDATE
//
//	UPDATE budgets SET committed = committed + amount
//	WHERE year = ? AND committed + amount <= ceiling
//
// both checks and commits, atomically on either database (PostgreSQL holds
// the row lock until commit and re-checks the condition after waiting; SQLite
// has one writer), costs the same at the millionth claim as at the first,
// and lets a CHECK (committed <= ceiling) in the schema refuse an overshoot
// even from code that forgot the rule. budget_commitments records the year
// and amount of each claim, so a cancellation credits the right year and the
// counter can be recomputed from it (Service.VerifyBudgets).

// Guards returns the engine guards that keep the budget: approve and
// retry_payment commit the claim's amount (retry only if the claim holds no
// commitment yet, as a claim approved before budgets existed), cancel
// releases it. Register them in workflow.Options.Guards.
func Guards(loc *time.Location) map[domain.Action][]workflow.Guard {
	if loc == nil {
		loc = domain.Jakarta()
	}
	g := budgetGuard{loc: loc}
	return map[domain.Action][]workflow.Guard{
		domain.ActionApprove:      {g.commit},
		domain.ActionRetryPayment: {g.commit},
		domain.ActionCancel:       {g.release},
	}
}

type budgetGuard struct {
	loc *time.Location
}

// noteField is the event field that records which year's budget carries the
// claim ("" when none): the trail proves every commitment and release.
const noteField = "budget.year"

func (g budgetGuard) commit(tx *workflow.Tx, _ domain.Actor, action domain.Action, _, after domain.Claim) error {
	db := tx.DB()
	if action != domain.ActionApprove {
		var open int64
		if err := db.Model(&commitmentRow{}).Where("claim_id = ? AND released_at IS NULL", after.ID).Count(&open).Error; err != nil {
			return fmt.Errorf("find commitment: %w", err)
		}
		if open > 0 {
			return nil
		}
	}
	now := tx.Now()
	year := now.In(g.loc).Year()
	amount := int64(after.Amount)
	res := db.Exec(`UPDATE budgets SET committed = committed + ? WHERE year = ? AND committed + ? <= ceiling`, amount, year, amount)
	if res.Error != nil {
		return fmt.Errorf("commit budget: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return budgetRefusal(db, year, after.Amount)
	}
	// A released commitment cannot exist (cancel is final), so this is an insert.
	if err := db.Create(&commitmentRow{ClaimID: after.ID, Year: year, Amount: amount, CommittedAt: now}).Error; err != nil {
		return fmt.Errorf("record commitment: %w", err)
	}
	return tx.Note(noteField, strconv.Itoa(year))
}

// budgetRefusal says why the conditional update changed nothing.
func budgetRefusal(db *gorm.DB, year int, amount domain.Rupiah) error {
	var b budgetRow
	err := db.Select(budgetColumns).Where("year = ?", year).Take(&b).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return &domain.BudgetError{Year: year, NotSet: true, Amount: amount}
	}
	if err != nil {
		return fmt.Errorf("read budget: %w", err)
	}
	return &domain.BudgetError{Year: year, Ceiling: domain.Rupiah(b.Ceiling), Committed: domain.Rupiah(b.Committed), Amount: amount}
}

// release gives back the amount of a committed claim that is cancelled
// (approved or payment_failed; earlier statuses hold no commitment).
func (g budgetGuard) release(tx *workflow.Tx, _ domain.Actor, _ domain.Action, before, _ domain.Claim) error {
	if before.Status != domain.StatusApproved && before.Status != domain.StatusPaymentFailed {
		return nil
	}
	db := tx.DB()
	var c commitmentRow
	err := db.Select("claim_id, year, amount").Where("claim_id = ? AND released_at IS NULL", before.ID).Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil // approved before budgets existed: nothing was committed
	}
	if err != nil {
		return fmt.Errorf("find commitment: %w", err)
	}
	now := tx.Now()
	res := db.Model(&commitmentRow{}).Where("claim_id = ? AND released_at IS NULL", c.ClaimID).Update("released_at", now)
	if res.Error != nil {
		return fmt.Errorf("release commitment of claim %d: %w", c.ClaimID, res.Error)
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("release commitment of claim %d: %d rows changed", c.ClaimID, res.RowsAffected)
	}
	if err := db.Exec(`UPDATE budgets SET committed = committed - ? WHERE year = ?`, c.Amount, c.Year).Error; err != nil {
		return fmt.Errorf("release budget: %w", err)
	}
	return tx.Note(noteField, "")
}
