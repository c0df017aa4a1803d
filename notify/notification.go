package notify

import (
	"time"
)

// Status is where a message stands.
type Status string

const (
	StatusQueued Status = "queued"
	StatusSent   Status = "sent"
	// StatusFailed: the last attempt failed, or the gateway refused it for good.
	StatusFailed Status = "failed"
	// StatusCancelled: the heir stopped messages before it was sent.
	StatusCancelled Status = "cancelled"
)

// Notification is one message's row in notifications, the record of what
// was sent to whom and how it went. The phone (Recipient) and a code's text
// stay only while the message is queued.
type Notification struct {
	ID                int64      `gorm:"primaryKey" json:"id"`
	ClaimID           *int64     `json:"claim_id,omitempty"`
	EventID           *int64     `json:"event_id,omitempty"`
	Ref               *string    `json:"-"`
	Channel           string     `json:"channel"`
	Kind              Kind       `json:"kind"`
	Recipient         string     `json:"-"`
	Body              string     `json:"-"`
	Params            string     `json:"-"`
	Status            Status     `json:"status"`
	Attempts          int        `json:"attempts"`
	LastError         string     `json:"last_error"`
	ProviderMessageID string     `json:"provider_message_id"`
	CreatedAt         time.Time  `json:"created_at"`
	SentAt            *time.Time `json:"sent_at"`
	NextAttemptAt     *time.Time `json:"next_attempt_at"`
}

// TableName is the record's table.
func (Notification) TableName() string { return "notifications" }

// IdempotencyKey is what every attempt of the message sends the gateway.
func (n Notification) IdempotencyKey() string { return idempotencyKey(n.ID) }
