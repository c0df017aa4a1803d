package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// The security log is one hash chain over every event in id order, linked
// like a claim's trail (domain.ChainLink: SHA-256 over prev_hash, a newline
// and the event's canonical JSON; the first prev_hash is 64 zeros). An event edited,
// removed or slipped in between breaks the chain from there on, which
// VerifySecurityLog reports.
//
// Events written before the chain existed (migration 00006) have hash ''.
// They are chained in place, as if each had been written with its hash, by
// the first append after them and by VerifySecurityLog alike: so they are
// covered too, and one slipped in among them later is caught.

var securityGenesis = domain.ChainGenesis

// canonicalSecurityEvent fixes the order and form of every hashed field.
type canonicalSecurityEvent struct {
	At       string `json:"at"`
	Kind     string `json:"kind"`
	Username string `json:"username"`
	UserID   int64  `json:"user_id"`
	ActorID  int64  `json:"actor_id"`
	IP       string `json:"ip"`
	Reason   string `json:"reason"`
	Detail   string `json:"detail"`
}

// chainHash is the hash r has (or would have) after prev.
func (r eventRow) chainHash(prev string) (string, error) {
	body, err := json.Marshal(canonicalSecurityEvent{
		At: r.At.UTC().Truncate(time.Microsecond).Format(time.RFC3339Nano), Kind: r.Kind, Username: r.Username,
		UserID: idOrZero(r.UserID), ActorID: idOrZero(r.ActorID), IP: r.IP, Reason: r.Reason, Detail: r.Detail,
	})
	if err != nil {
		return "", fmt.Errorf("encode security event: %w", err)
	}
	return domain.ChainLink(prev, body), nil
}

// chainHead takes the log's lock and returns the hash the next event
// chains to. The lock makes appends take turns, so two transactions never
// chain to the same event (which would fork the chain); under READ
// COMMITTED the query after it sees every event committed by the previous
// holder.
func (s *Service) chainHead(tx *gorm.DB) (string, error) {
	if err := database.XactLock(tx, "santunan/auth/security_events"); err != nil {
		return "", fmt.Errorf("lock the security log: %w", err)
	}
	var last []eventRow
	if err := tx.Select("id", "hash").Order("id DESC").Limit(1).Find(&last).Error; err != nil {
		return "", fmt.Errorf("read the security log's last event: %w", err)
	}
	switch {
	case len(last) == 0:
		return securityGenesis, nil
	case last[0].Hash != "":
		return last[0].Hash, nil
	}
	// Unchained events at the end: chain them in place from the last
	// chained one (once, after the upgrade).
	var from []eventRow
	if err := tx.Select("id", "hash").Where("hash <> ''").Order("id DESC").Limit(1).Find(&from).Error; err != nil {
		return "", fmt.Errorf("read the security log's last chained event: %w", err)
	}
	prev, after := securityGenesis, int64(0)
	if len(from) == 1 {
		prev, after = from[0].Hash, from[0].ID
	}
	err := eachEvent(tx, after, func(r eventRow) error {
		var err error
		prev, err = r.chainHash(prev)
		return err
	})
	return prev, err
}

const chainBatch = 1000

// eachEvent calls fn for every event after id, in id order, a batch at a time.
func eachEvent(q *gorm.DB, after int64, fn func(eventRow) error) error {
	for {
		var rows []eventRow
		if err := q.Select(eventColumns).Where("id > ?", after).Order("id").Limit(chainBatch).Find(&rows).Error; err != nil {
			return fmt.Errorf("read security events: %w", err)
		}
		for _, r := range rows {
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(rows) < chainBatch {
			return nil
		}
		after = rows[len(rows)-1].ID
	}
}

// SecurityLogProblem names one event where the security log does not hold.
type SecurityLogProblem struct {
	EventID int64  `json:"event_id"`
	Problem string `json:"problem"`
}

// SecurityLogReport is the result of recomputing the security log's chain.
type SecurityLogReport struct {
	EventsChecked int                  `json:"events_checked"`
	Problems      []SecurityLogProblem `json:"problems"`
}

// OK reports whether the chain held.
func (r SecurityLogReport) OK() bool { return len(r.Problems) == 0 }

// VerifySecurityLog recomputes the security log's chain from the first
// event. Events appended meanwhile only lengthen it: they take ids after
// every event committed before them, because appends hold the log's lock.
func (s *Service) VerifySecurityLog(ctx context.Context) (SecurityLogReport, error) {
	report := SecurityLogReport{Problems: []SecurityLogProblem{}}
	prev, chained := securityGenesis, false
	err := eachEvent(s.db.Read.WithContext(ctx), 0, func(r eventRow) error {
		report.EventsChecked++
		problem := func(format string, args ...any) {
			report.Problems = append(report.Problems, SecurityLogProblem{EventID: r.ID, Problem: fmt.Sprintf(format, args...)})
		}
		if !slices.Contains(EventKinds, EventKind(r.Kind)) {
			problem("unknown kind %q", r.Kind)
		}
		if r.Hash == "" {
			// Written before the chain began, chained in place; after it
			// began, only a writer going around this package leaves one.
			if chained {
				problem("event has no hash although the log was chained before it")
			}
			var err error
			prev, err = r.chainHash(prev)
			return err
		}
		chained = true
		if r.PrevHash != prev {
			problem("prev_hash does not match the previous event: an event before it was removed, altered or slipped in")
		}
		if want, err := r.chainHash(r.PrevHash); err != nil || want != r.Hash {
			problem("hash does not match the event's content: the event was altered")
		}
		prev = r.Hash
		return nil
	})
	if err != nil {
		return report, database.Classify(fmt.Errorf("verify security log: %w", err))
	}
	return report, nil
}
