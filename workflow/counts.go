package workflow

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// CountByStatus says how many claims stand in each of the given statuses
// (every status when none is given), for the staff home page. Statuses
// without claims are absent. One GROUP BY on the read pool, answered from
// the (status, id) index without reading claim rows; its cost grows with
// the claims counted, so a queue page counts the open statuses only and
// does not walk the (ever growing) paid ones.
func (e *Engine) CountByStatus(ctx context.Context, only ...domain.Status) (map[domain.Status]int64, error) {
	var rows []struct {
		Status string
		N      int64
	}
	q := e.store.read(ctx).Model(&claimRow{}).Select("status, COUNT(*) AS n")
	if len(only) > 0 {
		names := make([]string, len(only))
		for i, st := range only {
			names[i] = string(st)
		}
		q = q.Where("status IN ?", names)
	}
	err := q.Group("status").Scan(&rows).Error
	if err != nil {
		return nil, database.Classify(fmt.Errorf("count claims by status: %w", err))
	}
	out := make(map[domain.Status]int64, len(rows))
	for _, r := range rows {
		out[domain.Status(r.Status)] = r.N
	}
	return out, nil
}

// OldestByStatus says when the least recently changed claim of each given
// status was last changed (an action or a recorded event), for how long a
// queue has waited. Statuses without claims are absent. One lookup per
// status in the (status, updated_at) index, on one snapshot of the read
// pool: its cost does not grow with the claims.
func (e *Engine) OldestByStatus(ctx context.Context, statuses ...domain.Status) (map[domain.Status]time.Time, error) {
	out := make(map[domain.Status]time.Time, len(statuses))
	err := e.db.ReadTx(ctx, func(tx *gorm.DB) error {
		for _, st := range statuses {
			// ORDER BY ... LIMIT 1 rather than MIN(): the column keeps its
			// type, so SQLite's driver returns a time and not text.
			var rows []claimRow
			err := tx.Model(&claimRow{}).Select("updated_at").Where("status = ?", string(st)).
				Order("updated_at").Limit(1).Find(&rows).Error
			if err != nil {
				return fmt.Errorf("oldest %s claim: %w", st, err)
			}
			if len(rows) == 1 {
				out[st] = rows[0].UpdatedAt
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
