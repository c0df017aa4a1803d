package domain

import "time"

// Change is one field's value before and after an action, as text. Claim
// fields are recorded by their JSON path ("bank_account.account_number").
type Change struct {
	Old string `json:"old"`
	New string `json:"new"`
}

// Event is one entry of a claim's audit trail. Events are only ever
// appended; each carries the hash of the one before it, so an edited,
// removed or reordered event breaks the chain.
type Event struct {
	ID            int64             `json:"id"`
	ClaimID       int64             `json:"claim_id"`
	Seq           int               `json:"seq"`
	Action        Action            `json:"action"`
	FromStatus    Status            `json:"from_status"`
	ToStatus      Status            `json:"to_status"`
	ActorID       int64             `json:"actor_id"`
	ActorUsername string            `json:"actor_username"`
	ActorRole     Role              `json:"actor_role"`
	Reason        string            `json:"reason"`
	Changes       map[string]Change `json:"changes"`
	At            time.Time         `json:"at"`
	PrevHash      string            `json:"prev_hash"`
	Hash          string            `json:"hash"`
}
