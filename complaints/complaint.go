package complaints

import (
	"time"

	"santunan/domain"
)

// Complaint is one complaint as the store holds it. What a viewer may see of
// it is decided by the policy (policy.go, View): the personal fields and the
// content are blanked for roles that may not read them.
type Complaint struct {
	ID           int64                    `json:"id"`
	Code         string                   `json:"code"`
	Status       domain.ComplaintStatus   `json:"status"`
	Version      int                      `json:"version"`
	Category     domain.ComplaintCategory `json:"category"`
	Text         string                   `json:"text"`
	TextSHA256   string                   `json:"-"`
	Confidential bool                     `json:"confidential"`
	Identity     domain.ComplaintIdentity `json:"identity"`
	// The complainant's name and phone (normalised, +62...): for a named
	// complaint seen by the staff handling it; for an anonymous one kept
	// for the complaint officer only.
	ComplainantName  string `json:"complainant_name,omitempty"`
	ComplainantPhone string `json:"complainant_phone,omitempty"`
	// NotifyConsent: the complainant is messaged at each change (a named
	// complaint always; an anonymous one when a phone was given and the
	// complainant agreed).
	NotifyConsent bool `json:"notify_consent"`
	// Unit is the office the complaint is assigned to ("" until then),
	// UnitName the named unit inside it (bidang, seksi).
	Unit     domain.Unit `json:"unit,omitempty"`
	UnitName string      `json:"unit_name,omitempty"`
	// NamedUnit is the office the complainant names ("" for none).
	NamedUnit domain.Unit `json:"named_unit,omitempty"`
	// PungliConfirmed: the complaint officer decided explicitly to assign a
	// pungli complaint to the office it names.
	PungliConfirmed bool   `json:"pungli_confirmed"`
	ClaimID         *int64 `json:"claim_id,omitempty"`
	VillageCode     string `json:"village_code,omitempty"`
	// Answer is the last answer; DeclineRedirect where to go instead when
	// declined as outside our authority.
	Answer          string       `json:"answer,omitempty"`
	DeclineRedirect string       `json:"decline_redirect,omitempty"`
	CreatedAt       time.Time    `json:"created_at"`
	UpdatedAt       time.Time    `json:"updated_at"`
	VerifiedAt      *time.Time   `json:"verified_at,omitempty"`
	AssignedAt      *time.Time   `json:"assigned_at,omitempty"`
	FirstAnsweredAt *time.Time   `json:"first_answered_at,omitempty"`
	AnsweredAt      *time.Time   `json:"answered_at,omitempty"`
	ClosedAt        *time.Time   `json:"closed_at,omitempty"`
	DueOn           *domain.Date `json:"due_on,omitempty"`
	EscalatedAt     *time.Time   `json:"escalated_at,omitempty"`
	// EscalatedDue is the deadline the last escalation was for: each
	// deadline escalates once.
	EscalatedDue *domain.Date `json:"-"`
	ReopenCount  int          `json:"reopen_count"`
}

// Escalated reports whether a deadline of the complaint ever passed.
func (c Complaint) Escalated() bool { return c.EscalatedAt != nil }

// Overdue reports whether the current step's deadline passed before today.
func (c Complaint) Overdue(today domain.Date) bool {
	return c.DueOn != nil && c.DueOn.Before(today) &&
		(c.Status == domain.ComplaintReceived || c.Status == domain.ComplaintAssigned || c.Status == domain.ComplaintVerified)
}

// Evidence is a file the complainant sent with the complaint (a photo or
// PDF, sniffed like documents' uploads).
type Evidence struct {
	ID          int64     `json:"id"`
	ComplaintID int64     `json:"complaint_id"`
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	CreatedAt   time.Time `json:"created_at"`
}

// Event is one entry of a complaint's trail, hash-chained like a claim's
// (domain.ChainLink). It never holds the complainant's name or phone.
type Event struct {
	ID            int64                    `json:"id"`
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
	At            time.Time                `json:"at"`
	PrevHash      string                   `json:"prev_hash"`
	Hash          string                   `json:"hash"`
}
