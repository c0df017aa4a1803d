package payments

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// Budget is one year's budget line.
type Budget struct {
	Year      int           `json:"year"`
	Ceiling   domain.Rupiah `json:"ceiling"`
	Committed domain.Rupiah `json:"committed"`
	Remaining domain.Rupiah `json:"remaining"`
	UpdatedBy int64         `json:"updated_by"`
	CreatedAt time.Time     `json:"created_at"`
	UpdatedAt time.Time     `json:"updated_at"`
}

// Bounds of a budget line.
const (
	MinYear    = 2000
	MaxYear    = 2200
	MaxCeiling = domain.Rupiah(1_000_000_000_000_000) // far above any regency's whole budget
)

func budgetOf(r budgetRow) Budget {
	return Budget{Year: r.Year, Ceiling: domain.Rupiah(r.Ceiling), Committed: domain.Rupiah(r.Committed),
		Remaining: domain.Rupiah(r.Ceiling - r.Committed), UpdatedBy: r.UpdatedBy,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

func validYear(year int) error {
	if year < MinYear || year > MaxYear {
		return domain.FieldError("year", domain.ViolationInvalidValue)
	}
	return nil
}

// SetBudget sets a year's ceiling, creating the budget line if needed
// (created reports which). A ceiling below what is already committed is
// refused. Every change is logged in budget_changes.
func (s *Service) SetBudget(ctx context.Context, actor domain.Actor, year int, ceiling domain.Rupiah) (b Budget, created bool, err error) {
	if err := require(actor, CanSetBudgets); err != nil {
		return Budget{}, false, err
	}
	errs := domain.FieldErrors{}
	if validYear(year) != nil {
		errs.Add("year", domain.ViolationInvalidValue)
	}
	if ceiling < 0 || ceiling > MaxCeiling {
		errs.Add("ceiling", domain.ViolationAmountInvalid)
	}
	if err := errs.Err(); err != nil {
		return Budget{}, false, err
	}
	err = s.engine.InTx(ctx, func(tx *workflow.Tx) error {
		db, now := tx.DB(), tx.Now()
		// Create the line empty if it is missing, then lock and change it:
		// two officers creating the same year at once both end up updating.
		ins := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&budgetRow{
			Year: year, UpdatedBy: actor.UserID, CreatedAt: now, UpdatedAt: now})
		if ins.Error != nil {
			return fmt.Errorf("create budget: %w", ins.Error)
		}
		created = ins.RowsAffected == 1
		var row budgetRow
		if err := forUpdate(db).Select(budgetColumns).Where("year = ?", year).Take(&row).Error; err != nil {
			return fmt.Errorf("read budget: %w", err)
		}
		if int64(ceiling) < row.Committed {
			return domain.FieldError("ceiling", domain.ViolationCeilingBelowCommitted)
		}
		old := row.Ceiling
		if err := db.Model(&budgetRow{}).Where("year = ?", year).
			Updates(map[string]any{"ceiling": int64(ceiling), "updated_by": actor.UserID, "updated_at": now}).Error; err != nil {
			return fmt.Errorf("update budget: %w", err)
		}
		if created || old != int64(ceiling) {
			if err := db.Create(&budgetChangeRow{Year: year, OldCeiling: old, NewCeiling: int64(ceiling),
				ActorID: actor.UserID, ActorUsername: actor.Username, At: now}).Error; err != nil {
				return fmt.Errorf("log budget change: %w", err)
			}
		}
		row.Ceiling, row.UpdatedBy, row.UpdatedAt = int64(ceiling), actor.UserID, now
		b = budgetOf(row)
		return nil
	})
	if err != nil {
		return Budget{}, false, err
	}
	return b, created, nil
}

// GetBudget returns a year's budget line.
func (s *Service) GetBudget(ctx context.Context, actor domain.Actor, year int) (Budget, error) {
	if err := require(actor, CanReadBudgets); err != nil {
		return Budget{}, err
	}
	if err := validYear(year); err != nil {
		return Budget{}, err
	}
	var row budgetRow
	err := s.read(ctx).Select(budgetColumns).Where("year = ?", year).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Budget{}, fmt.Errorf("budget %d: %w", year, domain.ErrNotFound)
	}
	if err != nil {
		return Budget{}, database.Classify(fmt.Errorf("read budget: %w", err))
	}
	return budgetOf(row), nil
}

// ListBudgets returns every budget line, latest year first.
func (s *Service) ListBudgets(ctx context.Context, actor domain.Actor) ([]Budget, error) {
	if err := require(actor, CanReadBudgets); err != nil {
		return nil, err
	}
	var rows []budgetRow
	if err := s.read(ctx).Select(budgetColumns).Order("year DESC").Find(&rows).Error; err != nil {
		return nil, database.Classify(fmt.Errorf("list budgets: %w", err))
	}
	out := make([]Budget, 0, len(rows))
	for _, r := range rows {
		out = append(out, budgetOf(r))
	}
	return out, nil
}

// BudgetDrift is a year whose committed counter differs from the sum of its
// open commitments.
type BudgetDrift struct {
	Year      int           `json:"year"`
	Committed domain.Rupiah `json:"committed"`
	Sum       domain.Rupiah `json:"sum"`
}

// VerifyBudgets recomputes each year's committed amount from
// budget_commitments and reports the years where the counter disagrees.
func (s *Service) VerifyBudgets(ctx context.Context) ([]BudgetDrift, error) {
	var rows []struct {
		Year      int
		Committed int64
		Sum       int64
	}
	err := s.read(ctx).Raw(`SELECT b.year AS year, b.committed AS committed,
		COALESCE((SELECT SUM(c.amount) FROM budget_commitments c WHERE c.year = b.year AND c.released_at IS NULL), 0) AS sum
		FROM budgets b ORDER BY b.year`).Scan(&rows).Error
	if err != nil {
		return nil, database.Classify(fmt.Errorf("verify budgets: %w", err))
	}
	out := []BudgetDrift{}
	for _, r := range rows {
		if r.Committed != r.Sum {
			out = append(out, BudgetDrift{Year: r.Year, Committed: domain.Rupiah(r.Committed), Sum: domain.Rupiah(r.Sum)})
		}
	}
	return out, nil
}
