package survey

import (
	"context"
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"time"

	"gorm.io/gorm"

	"santunan/domain"
)

// sumColumns selects the count and each element's sum, in Elements' order.
const sumColumns = "COUNT(*) AS n, SUM(requirements) AS s0, SUM(procedure) AS s1, SUM(service_time) AS s2, " +
	"SUM(cost) AS s3, SUM(product) AS s4, SUM(competence) AS s5, SUM(behaviour) AS s6, " +
	"SUM(complaint_handling) AS s7, SUM(facilities) AS s8"

type sumRow struct {
	Period                             string
	N                                  int64
	S0, S1, S2, S3, S4, S5, S6, S7, S8 int64
}

func (r sumRow) totals() totals {
	return totals{n: r.N, sums: [9]int64{r.S0, r.S1, r.S2, r.S3, r.S4, r.S5, r.S6, r.S7, r.S8}}
}

// monthStart is the first instant of the month that starts at or after t
// (t itself when it is a month's first instant), in loc.
func monthStart(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
	if m.Before(t) {
		m = m.AddDate(0, 1, 0)
	}
	return m
}

// periods are the months whose first instant lies in [from, to), as the
// bounds of period: from inclusive, to exclusive.
func (s *Service) periods(from, to time.Time) (lo, hi string) {
	return s.Period(monthStart(from, s.opts.Location)), s.Period(monthStart(to, s.opts.Location))
}

// Index is the SKM of the answers of the months that start in [from, to)
// (answers are kept per month answered, so pass a month's first instant,
// in Jakarta, for whole months: 1 January to 1 January is a year).
func (s *Service) Index(ctx context.Context, from, to time.Time) (Index, error) {
	lo, hi := s.periods(from, to)
	var row sumRow
	err := s.db.ReadTx(ctx, func(tx *gorm.DB) error {
		return tx.Table("survey_answers").Select(sumColumns).
			Where("period >= ? AND period < ?", lo, hi).Scan(&row).Error
	})
	if err != nil {
		return Index{}, fmt.Errorf("survey: index: %w", err)
	}
	return row.totals().index(from, to), nil
}

// Monthly is the index of each month of year (January first, twelve of
// them; a month without answers has Count 0), from one grouped query.
func (s *Service) Monthly(ctx context.Context, year int) ([]Index, error) {
	loc := s.opts.Location
	var rows []sumRow
	err := s.db.ReadTx(ctx, func(tx *gorm.DB) error {
		return tx.Table("survey_answers").Select("period, "+sumColumns).
			Where("period >= ? AND period <= ?", fmt.Sprintf("%04d-01", year), fmt.Sprintf("%04d-12", year)).
			Group("period").Scan(&rows).Error
	})
	if err != nil {
		return nil, fmt.Errorf("survey: monthly index: %w", err)
	}
	byPeriod := map[string]totals{}
	for _, r := range rows {
		byPeriod[r.Period] = r.totals()
	}
	out := make([]Index, 12)
	for m := range 12 {
		from := time.Date(year, time.Month(m+1), 1, 0, 0, 0, 0, loc)
		to := from.AddDate(0, 1, 0)
		out[m] = byPeriod[s.Period(from)].index(from, to)
	}
	return out, nil
}

// Comment is one answer's comment and the month it was given.
type Comment struct {
	Period string `json:"period"`
	Text   string `json:"text"`
}

// CommentsPage is a page of the comments of a year, newest month first.
type CommentsPage struct {
	Comments []Comment `json:"comments"`
	// Next continues the list; "" on the last page.
	Next string `json:"next_cursor,omitempty"`
}

// MaxCommentsPage bounds a page of comments.
const MaxCommentsPage = 100

// Comments pages through the non-empty comments of year's answers, newest
// month first (within a month in the random order of the answers' ids,
// which carry no time), after cursor (a page's Next; "" for the first).
func (s *Service) Comments(ctx context.Context, year int, cursor string, limit int) (CommentsPage, error) {
	if limit <= 0 || limit > MaxCommentsPage {
		limit = MaxCommentsPage
	}
	var rows []struct {
		ID, Period, Comment string
	}
	err := s.db.ReadTx(ctx, func(tx *gorm.DB) error {
		q := tx.Table("survey_answers").Select("id, period, comment").
			Where("period >= ? AND period <= ? AND comment <> ''", fmt.Sprintf("%04d-01", year), fmt.Sprintf("%04d-12", year))
		if cursor != "" {
			period, id, ok := decodeCursor(cursor)
			if !ok {
				return domain.FieldError("cursor", domain.ViolationInvalidValue)
			}
			q = q.Where("period < ? OR (period = ? AND id < ?)", period, period, id)
		}
		return q.Order("period DESC, id DESC").Limit(limit + 1).Scan(&rows).Error
	})
	if err != nil {
		return CommentsPage{}, fmt.Errorf("survey: comments: %w", err)
	}
	page := CommentsPage{Comments: []Comment{}}
	for i, r := range rows {
		if i == limit {
			last := rows[i-1]
			page.Next = encodeCursor(last.Period, last.ID)
			break
		}
		page.Comments = append(page.Comments, Comment{Period: r.Period, Text: r.Comment})
	}
	return page, nil
}

// A comments cursor is the last answer's period and id, opaque to clients.
var cursorKey = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}:[0-9a-f]{32}$`)

func encodeCursor(period, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(period + ":" + id))
}

func decodeCursor(s string) (period, id string, ok bool) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || !cursorKey.Match(raw) {
		return "", "", false
	}
	period, id, _ = strings.Cut(string(raw), ":")
	return period, id, true
}
