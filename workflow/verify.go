package workflow

import (
	"context"
	"fmt"
	"sort"

	"gorm.io/gorm"

	"santunan/domain"
)

// AuditProblem names one place where the audit trail does not hold.
type AuditProblem struct {
	ClaimID int64  `json:"claim_id"`
	Code    string `json:"code"`
	Seq     int    `json:"seq"` // 0 when the problem is with the claim row itself
	Problem string `json:"problem"`
}

// AuditReport is the result of recomputing every chain.
type AuditReport struct {
	ClaimsChecked int            `json:"claims_checked"`
	EventsChecked int            `json:"events_checked"`
	Problems      []AuditProblem `json:"problems"`
}

// OK reports whether every chain held.
func (r AuditReport) OK() bool { return len(r.Problems) == 0 }

const verifyBatch = 500

// VerifyAudit recomputes every claim's hash chain, checks that the trail
// accounts for every version of the claim, and that replaying the trail's
// changes gives the claim as stored. It reads claims in id batches with
// their events in one query per batch.
func (e *Engine) VerifyAudit(ctx context.Context) (AuditReport, error) {
	report := AuditReport{Problems: []AuditProblem{}}
	var after int64
	for {
		var rows []claimRow
		var events []domain.Event
		// A batch's claims and their events are read in one snapshot: an
		// action committing in between must not look like tampering.
		err := e.db.ReadTx(ctx, func(tx *gorm.DB) error {
			if err := tx.Select(claimColumns).Where("id > ?", after).Order("id").Limit(verifyBatch).Find(&rows).Error; err != nil {
				return fmt.Errorf("verify: load claims: %w", err)
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
		byClaim := map[int64][]domain.Event{}
		for _, ev := range events {
			byClaim[ev.ClaimID] = append(byClaim[ev.ClaimID], ev)
		}
		for _, r := range rows {
			c := r.claim()
			report.Problems = append(report.Problems, verifyClaim(e.table, c, byClaim[c.ID])...)
			report.ClaimsChecked++
			report.EventsChecked += len(byClaim[c.ID])
		}
		after = rows[len(rows)-1].ID
	}
}

func verifyClaim(table Table, c domain.Claim, events []domain.Event) []AuditProblem {
	var out []AuditProblem
	problem := func(seq int, format string, args ...any) {
		out = append(out, AuditProblem{ClaimID: c.ID, Code: c.Code, Seq: seq, Problem: fmt.Sprintf(format, args...)})
	}
	prev := genesisHash
	for i, ev := range events {
		if ev.Seq != i+1 {
			problem(ev.Seq, "expected event %d here: an event is missing or out of order", i+1)
		}
		if ev.PrevHash != prev {
			problem(ev.Seq, "prev_hash does not match the previous event's hash")
		}
		want, err := eventHash(ev.PrevHash, ev)
		if err != nil || want != ev.Hash {
			problem(ev.Seq, "hash does not match the event's content: the event was altered")
		}
		prev = ev.Hash
		from := none
		if i > 0 {
			from = events[i-1].ToStatus
		}
		if why := unlawful(table, ev, from); why != "" {
			problem(ev.Seq, "%s", why)
		}
	}
	if len(events) == 0 {
		problem(0, "claim has no audit events")
		return out
	}
	if len(events) != c.Version {
		problem(0, "claim is at version %d but its trail has %d events", c.Version, len(events))
	}
	if last := events[len(events)-1]; last.ToStatus != c.Status {
		problem(0, "claim status %s differs from the trail's last status %s", c.Status, last.ToStatus)
	}
	replayed, mismatched := replay(events)
	for _, field := range mismatched {
		problem(0, "trail records an old value of %s that it never set", field)
	}
	stored := auditedFields(c)
	var differing []string
	for k, v := range stored {
		if replayed[k] != v {
			differing = append(differing, k)
		}
	}
	sort.Strings(differing)
	for _, field := range differing {
		problem(0, "claim field %s differs from what its trail records", field)
	}
	return out
}

// unlawful says why an event could not have been written by the engine, or
// "". A chain that is consistent but describes an impossible step (a status
// skipped, a role acting outside the table, a recorded event changing claim
// data) was forged by someone able to recompute hashes.
func unlawful(table Table, ev domain.Event, from domain.Status) string {
	if ev.FromStatus != from {
		return fmt.Sprintf("event starts from %q but the claim stood %q", ev.FromStatus, from)
	}
	if tr, isAction := table.Lookup(ev.Action); isAction {
		if err := table.Check(ev.ActorRole, ev.Action, from); err != nil || tr.To != ev.ToStatus {
			return fmt.Sprintf("%s by %s from %q to %q is not a step of the transition table", ev.Action, ev.ActorRole, from, ev.ToStatus)
		}
		return ""
	}
	// Recorded events (Record, Flag) keep the status and change no claim
	// field but the warnings (and a stop, the consent: consent.go); their
	// own fields lie outside the claim.
	if ev.ToStatus != from {
		return fmt.Sprintf("recorded event %s changed the status", ev.Action)
	}
	claimFields := auditedFields(domain.Claim{})
	for k := range ev.Changes {
		if _, isClaimField := claimFields[k]; isClaimField && k != "warnings" && consentFields[ev.Action] != k {
			return fmt.Sprintf("recorded event %s changed claim field %s", ev.Action, k)
		}
	}
	return ""
}
