package complaints

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// AuditReport is the result of recomputing every complaint's chain.
type AuditReport struct {
	ComplaintsChecked int       `json:"complaints_checked"`
	EventsChecked     int       `json:"events_checked"`
	Problems          []Problem `json:"problems"`
}

// OK reports whether every complaint's chain held.
func (r AuditReport) OK() bool { return len(r.Problems) == 0 }

const verifyBatch = 500

// VerifyAudit recomputes every complaint's chain, checks each step against
// the table and replays the trail against the row, in id batches (each
// batch and its events read in one snapshot).
func (s *Service) VerifyAudit(ctx context.Context) (AuditReport, error) {
	report := AuditReport{Problems: []Problem{}}
	var after int64
	for {
		var rows []complaintRow
		var events []Event
		err := s.db.ReadTx(ctx, func(tx *gorm.DB) error {
			if err := tx.Select(complaintColumns).Where("id > ?", after).Order("id").Limit(verifyBatch).Find(&rows).Error; err != nil {
				return fmt.Errorf("verify: load complaints: %w", err)
			}
			ids := make([]int64, len(rows))
			for i, r := range rows {
				ids[i] = r.ID
			}
			var err error
			events, err = eventsOf(tx, ids)
			return err
		})
		if err != nil {
			return report, err
		}
		if len(rows) == 0 {
			return report, nil
		}
		by := map[int64][]Event{}
		for _, ev := range events {
			by[ev.ComplaintID] = append(by[ev.ComplaintID], ev)
		}
		for _, r := range rows {
			c := r.complaint()
			report.Problems = append(report.Problems, verifyComplaint(c, by[c.ID])...)
			report.ComplaintsChecked++
			report.EventsChecked += len(by[c.ID])
		}
		after = rows[len(rows)-1].ID
	}
}
