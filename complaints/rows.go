package complaints

import (
	"encoding/json"
	"fmt"
	"time"

	"santunan/domain"
)

// complaintRow is the complaints table as gorm sees it.
type complaintRow struct {
	ID               int64 `gorm:"primaryKey"`
	Code             string
	Status           string
	Version          int
	Category         string
	Text             string
	TextSHA256       string `gorm:"column:text_sha256"`
	Confidential     bool
	Identity         string
	ComplainantName  string
	ComplainantPhone string
	NotifyConsent    bool
	Unit             *string
	UnitName         string
	NamedUnit        *string
	PungliConfirmed  bool
	ClaimID          *int64
	VillageCode      string
	Answer           string
	DeclineRedirect  string
	CreatedAt        time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt        time.Time `gorm:"autoUpdateTime:false"`
	VerifiedAt       *time.Time
	AssignedAt       *time.Time
	FirstAnsweredAt  *time.Time
	AnsweredAt       *time.Time
	ClosedAt         *time.Time
	DueOn            *time.Time
	EscalatedAt      *time.Time
	EscalatedDue     *time.Time
	ReopenCount      int
}

func (complaintRow) TableName() string { return "complaints" }

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func fromOpt(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func dateOfPtr(t *time.Time) *domain.Date {
	if t == nil {
		return nil
	}
	d := domain.DateOf(t.UTC())
	return &d
}

func timeOfDate(d *domain.Date) *time.Time {
	if d == nil {
		return nil
	}
	t := d.Time()
	return &t
}

func (r complaintRow) complaint() Complaint {
	return Complaint{
		ID: r.ID, Code: r.Code, Status: domain.ComplaintStatus(r.Status), Version: r.Version,
		Category: domain.ComplaintCategory(r.Category), Text: r.Text, TextSHA256: r.TextSHA256,
		Confidential: r.Confidential, Identity: domain.ComplaintIdentity(r.Identity),
		ComplainantName: r.ComplainantName, ComplainantPhone: r.ComplainantPhone, NotifyConsent: r.NotifyConsent,
		Unit: domain.Unit(fromOpt(r.Unit)), UnitName: r.UnitName, NamedUnit: domain.Unit(fromOpt(r.NamedUnit)),
		PungliConfirmed: r.PungliConfirmed, ClaimID: r.ClaimID, VillageCode: r.VillageCode,
		Answer: r.Answer, DeclineRedirect: r.DeclineRedirect,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		VerifiedAt: utcPtr(r.VerifiedAt), AssignedAt: utcPtr(r.AssignedAt), FirstAnsweredAt: utcPtr(r.FirstAnsweredAt),
		AnsweredAt: utcPtr(r.AnsweredAt), ClosedAt: utcPtr(r.ClosedAt), DueOn: dateOfPtr(r.DueOn),
		EscalatedAt: utcPtr(r.EscalatedAt), EscalatedDue: dateOfPtr(r.EscalatedDue), ReopenCount: r.ReopenCount,
	}
}

func rowOf(c Complaint) complaintRow {
	return complaintRow{
		ID: c.ID, Code: c.Code, Status: string(c.Status), Version: c.Version, Category: string(c.Category),
		Text: c.Text, TextSHA256: c.TextSHA256, Confidential: c.Confidential, Identity: string(c.Identity),
		ComplainantName: c.ComplainantName, ComplainantPhone: c.ComplainantPhone, NotifyConsent: c.NotifyConsent,
		Unit: optString(string(c.Unit)), UnitName: c.UnitName, NamedUnit: optString(string(c.NamedUnit)),
		PungliConfirmed: c.PungliConfirmed, ClaimID: c.ClaimID, VillageCode: c.VillageCode,
		Answer: c.Answer, DeclineRedirect: c.DeclineRedirect, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
		VerifiedAt: c.VerifiedAt, AssignedAt: c.AssignedAt, FirstAnsweredAt: c.FirstAnsweredAt,
		AnsweredAt: c.AnsweredAt, ClosedAt: c.ClosedAt, DueOn: timeOfDate(c.DueOn), EscalatedAt: c.EscalatedAt,
		EscalatedDue: timeOfDate(c.EscalatedDue), ReopenCount: c.ReopenCount,
	}
}

// complaintColumns is every column a complaint is read with.
const complaintColumns = "id, code, status, version, category, text, text_sha256, confidential, identity, " +
	"complainant_name, complainant_phone, notify_consent, unit, unit_name, named_unit, pungli_confirmed, " +
	"claim_id, village_code, answer, decline_redirect, created_at, updated_at, verified_at, assigned_at, " +
	"first_answered_at, answered_at, closed_at, due_on, escalated_at, escalated_due, reopen_count"

// eventRow is the complaint_events table.
type eventRow struct {
	ID            int64 `gorm:"primaryKey"`
	ComplaintID   int64
	Seq           int
	Action        string
	FromStatus    string
	ToStatus      string
	ActorID       int64
	ActorUsername string
	ActorRole     string
	Reason        string
	Changes       string
	At            time.Time
	PrevHash      string
	Hash          string
}

func (eventRow) TableName() string { return "complaint_events" }

const eventColumns = "id, complaint_id, seq, action, from_status, to_status, actor_id, actor_username, actor_role, reason, changes, at, prev_hash, hash"

func (r eventRow) event() (Event, error) {
	changes := map[string]domain.Change{}
	if err := json.Unmarshal([]byte(r.Changes), &changes); err != nil {
		return Event{}, fmt.Errorf("complaint event %d changes: %w", r.ID, err)
	}
	return Event{
		ID: r.ID, ComplaintID: r.ComplaintID, Seq: r.Seq, Action: domain.ComplaintAction(r.Action),
		FromStatus: domain.ComplaintStatus(r.FromStatus), ToStatus: domain.ComplaintStatus(r.ToStatus),
		ActorID: r.ActorID, ActorUsername: r.ActorUsername, ActorRole: domain.Role(r.ActorRole),
		Reason: r.Reason, Changes: changes, At: r.At.UTC(), PrevHash: r.PrevHash, Hash: r.Hash,
	}, nil
}

// evidenceRow is the complaint_evidence table.
type evidenceRow struct {
	ID          int64 `gorm:"primaryKey"`
	ComplaintID int64
	Filename    string
	ContentType string
	Size        int64
	SHA256      string    `gorm:"column:sha256"`
	CreatedAt   time.Time `gorm:"autoCreateTime:false"`
}

func (evidenceRow) TableName() string { return "complaint_evidence" }

func (r evidenceRow) evidence() Evidence {
	return Evidence{ID: r.ID, ComplaintID: r.ComplaintID, Filename: r.Filename, ContentType: r.ContentType,
		Size: r.Size, SHA256: r.SHA256, CreatedAt: r.CreatedAt.UTC()}
}
