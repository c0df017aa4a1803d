package workflow

import (
	"encoding/json"
	"fmt"
	"time"

	"santunan/domain"
)

// genesisHash is the prev_hash of a claim's first event.
var genesisHash = domain.ChainGenesis

// canonicalEvent fixes the order and form of every hashed field. JSON of a
// struct keeps field order and encodes maps with sorted keys, so the same
// event always yields the same bytes on any machine and either database.
type canonicalEvent struct {
	ClaimID       int64                    `json:"claim_id"`
	Seq           int                      `json:"seq"`
	Action        domain.Action            `json:"action"`
	FromStatus    domain.Status            `json:"from_status"`
	ToStatus      domain.Status            `json:"to_status"`
	ActorID       int64                    `json:"actor_id"`
	ActorUsername string                   `json:"actor_username"`
	ActorRole     domain.Role              `json:"actor_role"`
	Reason        string                   `json:"reason"`
	Changes       map[string]domain.Change `json:"changes"`
	At            string                   `json:"at"`
}

// eventHash links the event's canonical encoding to the previous hash
// (domain.ChainLink).
func eventHash(prevHash string, e domain.Event) (string, error) {
	changes := e.Changes
	if changes == nil {
		changes = map[string]domain.Change{}
	}
	body, err := json.Marshal(canonicalEvent{
		ClaimID: e.ClaimID, Seq: e.Seq, Action: e.Action, FromStatus: e.FromStatus, ToStatus: e.ToStatus,
		ActorID: e.ActorID, ActorUsername: e.ActorUsername, ActorRole: e.ActorRole, Reason: e.Reason,
		Changes: changes, At: canonicalTime(e.At),
	})
	if err != nil {
		return "", fmt.Errorf("encode event: %w", err)
	}
	return domain.ChainLink(prevHash, body), nil
}

// canonicalTime is UTC at microsecond precision, which both databases keep.
func canonicalTime(t time.Time) string {
	return t.UTC().Truncate(time.Microsecond).Format(time.RFC3339Nano)
}
