package reports

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/domain"
)

// eventRow is one step of a claim's trail as the reports read it: no
// actor, reason or changes, only what the times need.
type eventRow struct {
	ClaimID    int64
	Seq        int
	FromStatus string
	ToStatus   string
	At         time.Time
	// VillageCode is the claim's desa, on its first step only.
	VillageCode string
}

// monthEvents reads the trails, up to the period's end, of every claim
// with an event in the period (of one kecamatan, when given), ordered by
// claim and step: one query, whose inner range scan is the (at, claim_id)
// index of migration 00019 and whose trails come through the (claim_id,
// seq) key, so it reads the period's claims and never the whole trail. The
// earlier steps are read too, for when a stage that ended in the period
// began and when its claim was filed. A claim's desa is read by primary
// key (on its first step, and for the kecamatan's filter): a join would
// let PostgreSQL's planner hash the claims table, a scan of every claim
// for a month's few thousand.
func monthEvents(tx *gorm.DB, p period, kecamatan string) ([]eventRow, error) {
	const village = "(SELECT c.village_code FROM claims c WHERE c.id = %s.claim_id)"
	claims := "w.claim_id FROM claim_events w WHERE w.at >= ? AND w.at < ?"
	args := []any{p.from, p.to}
	if kecamatan != "" {
		claims += " AND " + fmt.Sprintf(village, "w") + " LIKE ?"
		args = append(args, kecamatan+"%")
	}
	// The trails of the period's claims, each by its (claim_id, seq) key:
	// on PostgreSQL a LATERAL subquery that OFFSET 0 keeps from being pulled
	// up into a join, so it is a loop of index scans whatever the planner's
	// estimate (as a join or semi-join it chose to hash the whole trail:
	// seconds at a million claims); SQLite, which has no LATERAL, plans the
	// IN form as that same loop.
	from := "claim_events e WHERE e.claim_id IN (SELECT " + claims + ") AND e.at < ?"
	if tx.Dialector.Name() == "postgres" {
		from = "(SELECT DISTINCT " + claims + ") m CROSS JOIN LATERAL " +
			"(SELECT * FROM claim_events x WHERE x.claim_id = m.claim_id AND x.at < ? OFFSET 0) e"
	}
	args = append(args, p.to)
	sql := "SELECT e.claim_id, e.seq, e.from_status, e.to_status, e.at, CASE WHEN e.seq = 1 THEN " +
		fmt.Sprintf(village, "e") + " ELSE '' END AS village_code FROM " + from + " ORDER BY e.claim_id, e.seq"
	var rows []eventRow
	if err := tx.Raw(sql, args...).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("reports: events: %w", err)
	}
	return rows, nil
}

// nowRow is how many claims of a kecamatan stand in a status today.
type nowRow struct {
	Status    string
	Kecamatan string
	N         int
	Overdue   int
}

// openStatuses are those a claim still moves on from.
var openStatuses = func() []string {
	var out []string
	for _, s := range domain.AllStatuses {
		if !s.Final() {
			out = append(out, string(s))
		}
	}
	return out
}()

// claimsNow counts the open claims per status and kecamatan, and those
// past their stage's due date (stage_due_on before today; a claim is due
// on its due day, overdue the day after): one GROUP BY
// over the open statuses of the (status, id) index, which at a million
// claims holds thousands, not the ever-growing paid ones.
func claimsNow(tx *gorm.DB, today domain.Date, kecamatan string, overdue bool) ([]nowRow, error) {
	sel, args := "status, substr(village_code, 1, 6) AS kecamatan, COUNT(*) AS n", []any{}
	if overdue {
		// stage_due_on is a DATE on PostgreSQL, compared with a date (a
		// timestamp would be cast in the session's time zone), and on
		// SQLite the midnight-UTC timestamp workflow writes, compared with
		// the same.
		var day any = today.Time()
		if tx.Dialector.Name() == "postgres" {
			day = today.String()
		}
		sel += ", SUM(CASE WHEN stage_due_on < ? THEN 1 ELSE 0 END) AS overdue"
		args = append(args, day)
	}
	q := tx.Table("claims").Select(sel, args...).Where("status IN ?", openStatuses)
	if kecamatan != "" {
		q = q.Where("village_code LIKE ?", kecamatan+"%")
	}
	var rows []nowRow
	if err := q.Group("status, substr(village_code, 1, 6)").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("reports: claims now: %w", err)
	}
	return rows, nil
}
