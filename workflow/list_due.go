package workflow

import (
	"context"
	"encoding/base64"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"santunan/database"
	"santunan/domain"
	"santunan/paging"
)

// DueQuery selects claims in stages by due day: the queues' order, soonest
// due first, and (with Before) the overdue ones.
type DueQuery struct {
	// Statuses are the queue's statuses; each must have a stage.
	Statuses []domain.Status
	// Before, when set, keeps only claims due before that day (overdue:
	// domain.Calendar.OverdueCutoff of today).
	Before *domain.Date
	Limit  int
	Cursor string
}

// ListByDue returns a page of claims in q's statuses ordered by (due day,
// id), with keyset paging on that pair. Each status is one range scan of
// the (status, stage_due_on, id) index from the cursor, limited to the
// page; the pages merge in memory, so a page costs the same however deep.
// Claims without a due day (none after start-up's backfill) are not listed.
func (e *Engine) ListByDue(ctx context.Context, q DueQuery) (Page, error) {
	errs := domain.FieldErrors{}
	for _, st := range q.Statuses {
		if _, ok := domain.StageOf(st); !ok {
			errs.Add("status", domain.ViolationInvalidValue)
		}
	}
	size, ok := paging.Limits{Default: DefaultPageSize, Max: MaxPageSize}.Size(q.Limit)
	if !ok {
		errs.Add("limit", domain.ViolationInvalidValue)
	}
	after, ok := decodeDueCursor(q.Cursor)
	if !ok {
		errs.Add("cursor", domain.ViolationInvalidValue)
	}
	if err := errs.Err(); err != nil {
		return Page{}, err
	}
	var rows []claimRow
	for _, st := range q.Statuses {
		db := e.store.read(ctx).Model(&claimRow{}).Select(claimColumns).
			Where("status = ? AND stage_due_on IS NOT NULL", string(st))
		if after.id != 0 {
			db = db.Where("(stage_due_on > ? OR (stage_due_on = ? AND id > ?))", after.due.Time(), after.due.Time(), after.id)
		}
		if q.Before != nil {
			db = db.Where("stage_due_on < ?", q.Before.Time())
		}
		var part []claimRow
		if err := db.Order("stage_due_on, id").Limit(size + 1).Find(&part).Error; err != nil {
			return Page{}, database.Classify(fmt.Errorf("list claims by due day: %w", err))
		}
		rows = append(rows, part...)
	}
	sort.Slice(rows, func(i, j int) bool {
		di, dj := rows[i].StageDueOn.UTC(), rows[j].StageDueOn.UTC()
		if !di.Equal(dj) {
			return di.Before(dj)
		}
		return rows[i].ID < rows[j].ID
	})
	page := Page{Items: make([]domain.Claim, 0, min(len(rows), size))}
	if len(rows) > size {
		rows = rows[:size]
		last := rows[len(rows)-1]
		page.NextCursor = encodeDueCursor(domain.DateOf(last.StageDueOn.UTC()), last.ID)
	}
	for _, r := range rows {
		page.Items = append(page.Items, r.claim())
	}
	return page, nil
}

type dueCursor struct {
	due domain.Date
	id  int64
}

func encodeDueCursor(due domain.Date, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("due:" + due.String() + ":" + strconv.FormatInt(id, 10)))
}

func decodeDueCursor(s string) (dueCursor, bool) {
	if s == "" {
		return dueCursor{}, true
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return dueCursor{}, false
	}
	parts := strings.Split(string(raw), ":")
	if len(parts) != 3 || parts[0] != "due" {
		return dueCursor{}, false
	}
	d, err := domain.ParseDate(parts[1])
	if err != nil {
		return dueCursor{}, false
	}
	id, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil || id < 1 {
		return dueCursor{}, false
	}
	return dueCursor{due: d, id: id}, true
}

// CountDueBefore counts the claims in statuses due before day (overdue:
// the calendar's OverdueCutoff of today), one index range count per status,
// each stopping at upTo (0: no bound) so that a home page stays cheap
// however far behind a queue is; more says the count stopped there.
func (e *Engine) CountDueBefore(ctx context.Context, statuses []domain.Status, day domain.Date, upTo int) (n int64, more bool, err error) {
	for _, st := range statuses {
		q := e.store.read(ctx).Model(&claimRow{}).Select("id").
			Where("status = ? AND stage_due_on IS NOT NULL AND stage_due_on < ?", string(st), day.Time())
		if upTo > 0 {
			q = q.Limit(upTo + 1)
		}
		var c int64
		err := e.store.read(ctx).Table("(?) AS due", q).Count(&c).Error
		if err != nil {
			return 0, false, database.Classify(fmt.Errorf("count overdue claims: %w", err))
		}
		if upTo > 0 && c > int64(upTo) {
			c, more = int64(upTo), true
		}
		n += c
	}
	return n, more, nil
}
