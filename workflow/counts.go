package workflow

import (
	"context"
	"fmt"

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
