package reports

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/domain"
)

// complaintRow is a complaint as the reports read it: its category,
// status and times, never its content or who filed it.
type complaintRow struct {
	Status          string
	Category        string
	CreatedAt       time.Time
	VerifiedAt      *time.Time
	AssignedAt      *time.Time
	FirstAnsweredAt *time.Time
	EscalatedAt     *time.Time
}

// periodComplaints reads the complaints filed, verified, first answered or
// escalated in the period (optionally tied to a desa of one kecamatan): one
// query, each condition a range of its own index (migration 00019).
func periodComplaints(tx *gorm.DB, p period, kecamatan string) ([]complaintRow, error) {
	q := tx.Table("complaints").
		Select("status, category, created_at, verified_at, assigned_at, first_answered_at, escalated_at").
		Where("(created_at >= ? AND created_at < ?) OR (verified_at >= ? AND verified_at < ?) OR "+
			"(first_answered_at >= ? AND first_answered_at < ?) OR (escalated_at >= ? AND escalated_at < ?)",
			p.from, p.to, p.from, p.to, p.from, p.to, p.from, p.to)
	if kecamatan != "" {
		q = q.Where("village_code LIKE ?", kecamatan+"%")
	}
	var rows []complaintRow
	if err := q.Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("reports: complaints: %w", err)
	}
	return rows, nil
}

// openEscalated counts the escalated complaints still open now (neither
// closed nor declined), through the partial index on escalated_at.
func openEscalated(tx *gorm.DB, kecamatan string) (int, error) {
	q := tx.Table("complaints").Where("escalated_at IS NOT NULL AND status NOT IN ?",
		[]string{string(domain.ComplaintClosed), string(domain.ComplaintDeclined)})
	if kecamatan != "" {
		q = q.Where("village_code LIKE ?", kecamatan+"%")
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("reports: escalated complaints: %w", err)
	}
	return int(n), nil
}

// complaintFigures sums the period's complaints: those filed in it by
// category and status; the working days from filing to verification of
// those verified in it (against the category's verify deadline), and from
// assignment to the first answer of those first answered in it (against
// the follow-up deadline, which runs from the disposition).
func complaintFigures(rows []complaintRow, cal domain.Calendar, std domain.ServiceStandard, p period) Complaints {
	loc := domain.Jakarta()
	days := func(from, to time.Time) int {
		return cal.WorkingDaysBetween(domain.DateOf(from.In(loc)), domain.DateOf(to.In(loc)))
	}
	deadlines := func(cat string) domain.ComplaintDeadlines {
		if d, ok := std.Complaints[domain.ComplaintCategory(cat)]; ok {
			return d
		}
		return domain.DefaultComplaintDeadlines
	}
	out := Complaints{}
	byCat := map[domain.ComplaintCategory]*ComplaintCategory{}
	for _, c := range domain.AllComplaintCategories {
		out.ByCategory = append(out.ByCategory, ComplaintCategory{Category: c, ByStatus: map[domain.ComplaintStatus]int{}})
	}
	for i := range out.ByCategory {
		byCat[out.ByCategory[i].Category] = &out.ByCategory[i]
	}
	var verify, answer []limited
	for _, r := range rows {
		if p.has(r.CreatedAt) {
			out.Filed++
			if c := byCat[domain.ComplaintCategory(r.Category)]; c != nil {
				c.Total++
				c.ByStatus[domain.ComplaintStatus(r.Status)]++
			}
		}
		if r.VerifiedAt != nil && p.has(*r.VerifiedAt) {
			verify = append(verify, limited{days(r.CreatedAt, *r.VerifiedAt), deadlines(r.Category).VerifyDays})
		}
		if r.FirstAnsweredAt != nil && p.has(*r.FirstAnsweredAt) {
			start := r.CreatedAt
			if r.AssignedAt != nil {
				start = *r.AssignedAt
			}
			answer = append(answer, limited{days(start, *r.FirstAnsweredAt), deadlines(r.Category).FollowUpDays})
		}
		if r.EscalatedAt != nil && p.has(*r.EscalatedAt) {
			out.Escalated++
		}
	}
	out.ToVerify, out.ToAnswer = summariseLimited(verify), summariseLimited(answer)
	return out
}

// limited is a number of working days and the deadline it had.
type limited struct{ days, limit int }

// summariseLimited summarises values with limits of their own (complaint
// categories may differ): LimitDays is the limit when all share one, else 0.
func summariseLimited(vs []limited) Durations {
	days := make([]int, len(vs))
	for i, v := range vs {
		days[i] = v.days
	}
	d := summarise(days, 0)
	if len(vs) == 0 {
		return d
	}
	d.LimitDays = vs[0].limit
	for _, v := range vs {
		if v.days <= v.limit {
			d.Within++
		}
		if v.limit != d.LimitDays {
			d.LimitDays = 0
		}
	}
	d.Share = float64(d.Within) / float64(d.Count)
	return d
}
