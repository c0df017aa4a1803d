package documents

import (
	"time"

	"santunan/domain"
)

// docRow is the claim_documents table.
type docRow struct {
	ID                 int64 `gorm:"primaryKey"`
	ClaimID            int64
	Kind               string
	Filename           string
	ContentType        string
	Size               int64
	SHA256             string `gorm:"column:sha256"`
	IsCurrent          bool
	ReplacesID         *int64
	UploadedBy         *int64 // nil: the online applicant, who is no user
	UploadedByUsername string
	UploadedAt         time.Time
	SupersededAt       *time.Time
}

func (docRow) TableName() string { return "claim_documents" }

const docColumns = "id, claim_id, kind, filename, content_type, size, sha256, is_current, replaces_id, " +
	"uploaded_by, uploaded_by_username, uploaded_at, superseded_at"

func (r docRow) document() domain.Document {
	d := domain.Document{
		ID: r.ID, ClaimID: r.ClaimID, Kind: domain.DocumentKind(r.Kind), Filename: r.Filename,
		ContentType: r.ContentType, Size: r.Size, SHA256: r.SHA256, Current: r.IsCurrent,
		UploadedByUsername: r.UploadedByUsername, UploadedAt: r.UploadedAt.UTC(),
	}
	if r.UploadedBy != nil {
		d.UploadedBy = *r.UploadedBy
	}
	if r.ReplacesID != nil {
		d.ReplacesID = *r.ReplacesID
	}
	if r.SupersededAt != nil {
		at := r.SupersededAt.UTC()
		d.SupersededAt = &at
	}
	return d
}

// accessRow is the document_access_log table.
type accessRow struct {
	ID            int64 `gorm:"primaryKey"`
	DocumentID    int64
	ClaimID       int64
	Kind          string
	ActorID       int64
	ActorUsername string
	ActorRole     string
	IP            string `gorm:"column:ip"`
	At            time.Time
}

func (accessRow) TableName() string { return "document_access_log" }

const accessColumns = "id, document_id, claim_id, kind, actor_id, actor_username, actor_role, ip, at"

func (r accessRow) access() domain.DocumentAccess {
	return domain.DocumentAccess{
		ID: r.ID, DocumentID: r.DocumentID, ClaimID: r.ClaimID, Kind: domain.DocumentKind(r.Kind),
		ActorID: r.ActorID, ActorUsername: r.ActorUsername, ActorRole: domain.Role(r.ActorRole),
		IP: r.IP, At: r.At.UTC(),
	}
}
