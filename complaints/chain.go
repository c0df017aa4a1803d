package complaints

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"time"

	"gorm.io/gorm"

	"santunan/domain"
)

// auditedFields are the complaint's fields its trail records and replays:
// everything that decides its course, never the complainant's name or phone
// (the trail is read by auditors) and the content only as its SHA-256 (an
// answer is the office's word and is recorded as it is).
func auditedFields(c Complaint) map[string]string {
	claim := ""
	if c.ClaimID != nil {
		claim = strconv.FormatInt(*c.ClaimID, 10)
	}
	due := ""
	if c.DueOn != nil {
		due = c.DueOn.String()
	}
	return map[string]string{
		"status": string(c.Status), "category": string(c.Category), "text_sha256": c.TextSHA256,
		"confidential": strconv.FormatBool(c.Confidential), "identity": string(c.Identity),
		"notify_consent": strconv.FormatBool(c.NotifyConsent),
		"unit":           string(c.Unit), "unit_name": c.UnitName, "named_unit": string(c.NamedUnit),
		"pungli_confirmed": strconv.FormatBool(c.PungliConfirmed), "claim_id": claim,
		"village_code": c.VillageCode, "answer": c.Answer, "decline_redirect": c.DeclineRedirect,
		"due_on": due, "reopen_count": strconv.Itoa(c.ReopenCount),
	}
}

// zeroFields are the audited fields of no complaint, the old values of
// the first event.
var zeroFields = auditedFields(Complaint{})

// diff is the changes of the audited fields from before to after.
func diff(before, after Complaint) map[string]domain.Change {
	b, a := auditedFields(before), auditedFields(after)
	if before.ID == 0 {
		b = zeroFields
	}
	out := map[string]domain.Change{}
	for k, v := range a {
		if b[k] != v {
			out[k] = domain.Change{Old: b[k], New: v}
		}
	}
	return out
}

// replay rebuilds the audited fields from the trail; mismatched lists the
// fields whose recorded old value the trail never set.
func replay(events []Event) (map[string]string, []string) {
	cur := map[string]string{}
	for k, v := range zeroFields {
		cur[k] = v
	}
	var mismatched []string
	for _, ev := range events {
		for k, ch := range ev.Changes {
			if cur[k] != ch.Old {
				mismatched = append(mismatched, k)
			}
			cur[k] = ch.New
		}
	}
	sort.Strings(mismatched)
	return cur, mismatched
}

// canonicalEvent fixes the order and form of every hashed field.
type canonicalEvent struct {
	ComplaintID   int64                    `json:"complaint_id"`
	Seq           int                      `json:"seq"`
	Action        domain.ComplaintAction   `json:"action"`
	FromStatus    domain.ComplaintStatus   `json:"from_status"`
	ToStatus      domain.ComplaintStatus   `json:"to_status"`
	ActorID       int64                    `json:"actor_id"`
	ActorUsername string                   `json:"actor_username"`
	ActorRole     domain.Role              `json:"actor_role"`
	Reason        string                   `json:"reason"`
	Changes       map[string]domain.Change `json:"changes"`
	At            string                   `json:"at"`
}

func eventHash(prev string, e Event) (string, error) {
	changes := e.Changes
	if changes == nil {
		changes = map[string]domain.Change{}
	}
	body, err := json.Marshal(canonicalEvent{
		ComplaintID: e.ComplaintID, Seq: e.Seq, Action: e.Action, FromStatus: e.FromStatus, ToStatus: e.ToStatus,
		ActorID: e.ActorID, ActorUsername: e.ActorUsername, ActorRole: e.ActorRole, Reason: e.Reason,
		Changes: changes, At: e.At.UTC().Truncate(time.Microsecond).Format(time.RFC3339Nano),
	})
	if err != nil {
		return "", fmt.Errorf("encode complaint event: %w", err)
	}
	return domain.ChainLink(prev, body), nil
}

// appendEvent links e to the complaint's previous event and inserts it.
func appendEvent(tx *gorm.DB, e *Event) error {
	prev := domain.ChainGenesis
	if e.Seq > 1 {
		var hashes []string
		err := tx.Model(&eventRow{}).Where("complaint_id = ? AND seq = ?", e.ComplaintID, e.Seq-1).Pluck("hash", &hashes).Error
		if err != nil {
			return fmt.Errorf("previous complaint event: %w", err)
		}
		if len(hashes) != 1 {
			return fmt.Errorf("complaint %d has no event %d to chain to", e.ComplaintID, e.Seq-1)
		}
		prev = hashes[0]
	}
	hash, err := eventHash(prev, *e)
	if err != nil {
		return err
	}
	changes, err := json.Marshal(e.Changes)
	if err != nil {
		return fmt.Errorf("encode changes: %w", err)
	}
	r := eventRow{ComplaintID: e.ComplaintID, Seq: e.Seq, Action: string(e.Action), FromStatus: string(e.FromStatus),
		ToStatus: string(e.ToStatus), ActorID: e.ActorID, ActorUsername: e.ActorUsername, ActorRole: string(e.ActorRole),
		Reason: e.Reason, Changes: string(changes), At: e.At, PrevHash: prev, Hash: hash}
	if err := tx.Create(&r).Error; err != nil {
		return fmt.Errorf("insert complaint event: %w", err)
	}
	e.ID, e.PrevHash, e.Hash = r.ID, prev, hash
	return nil
}

// eventsOf returns the events of the given complaints, by complaint then
// seq, in one query.
func eventsOf(db *gorm.DB, ids []int64) ([]Event, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var rows []eventRow
	if err := db.Select(eventColumns).Where("complaint_id IN ?", ids).Order("complaint_id, seq").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("load complaint events: %w", err)
	}
	out := make([]Event, 0, len(rows))
	for _, r := range rows {
		e, err := r.event()
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Problem names one place where a complaint's trail does not hold.
type Problem struct {
	ComplaintID int64  `json:"complaint_id"`
	Code        string `json:"code"`
	Seq         int    `json:"seq"`
	Problem     string `json:"problem"`
}

// verifyComplaint recomputes a complaint's chain, checks every step against
// the table, and replays the trail against the row.
func verifyComplaint(c Complaint, events []Event) []Problem {
	var out []Problem
	problem := func(seq int, format string, args ...any) {
		out = append(out, Problem{ComplaintID: c.ID, Code: c.Code, Seq: seq, Problem: fmt.Sprintf(format, args...)})
	}
	prev := domain.ChainGenesis
	from := none
	for i, ev := range events {
		if ev.Seq != i+1 {
			problem(ev.Seq, "expected event %d here: an event is missing or out of order", i+1)
		}
		if ev.PrevHash != prev {
			problem(ev.Seq, "prev_hash does not match the previous event's hash")
		}
		if want, err := eventHash(ev.PrevHash, ev); err != nil || want != ev.Hash {
			problem(ev.Seq, "hash does not match the event's content: the event was altered")
		}
		prev = ev.Hash
		if why := unlawful(ev, from); why != "" {
			problem(ev.Seq, "%s", why)
		}
		from = ev.ToStatus
	}
	if len(events) == 0 {
		problem(0, "complaint has no trail")
		return out
	}
	if len(events) != c.Version {
		problem(0, "complaint is at version %d but its trail has %d events", c.Version, len(events))
	}
	if c.Status != from {
		problem(0, "complaint status %s differs from the trail's last status %s", c.Status, from)
	}
	replayed, mismatched := replay(events)
	for _, f := range mismatched {
		problem(0, "trail records an old value of %s that it never set", f)
	}
	stored := auditedFields(c)
	var differing []string
	for k, v := range stored {
		if replayed[k] != v {
			differing = append(differing, k)
		}
	}
	sort.Strings(differing)
	for _, f := range differing {
		problem(0, "complaint field %s differs from what its trail records", f)
	}
	return out
}

// unlawful says why an event is no step of the table, or "".
func unlawful(ev Event, from domain.ComplaintStatus) string {
	if ev.FromStatus != from {
		return fmt.Sprintf("event starts from %q but the complaint stood %q", ev.FromStatus, from)
	}
	t, ok := Lookup(ev.Action)
	if !ok || !t.from(from) || t.target(from) != ev.ToStatus || !t.mayEverTake(ev.ActorRole) {
		return fmt.Sprintf("%s by %s from %q to %q is not a step of the complaint table", ev.Action, ev.ActorRole, from, ev.ToStatus)
	}
	return ""
}
