// Package documents keeps the supporting documents of claims (akta
// kematian, KTP and KK, heirship letter, bank book): uploads checked by
// content, never deleted, each upload and replacement in the claim's audit
// trail and each download in an append-only access log. It also says which
// documents each workflow action needs, and refuses the action without them.
package documents

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// DefaultMaxBytes is the default size limit of one document: 5 MB.
const DefaultMaxBytes = 5 << 20

// Events recorded in a claim's audit trail (kinds for workflow.Tx.Record).
const (
	EventUploaded domain.Action = "document_uploaded"
	EventReplaced domain.Action = "document_replaced"
)

// actionUpload names uploading in the error for a closed claim.
const actionUpload domain.Action = "upload_document"

// Options configure the service.
type Options struct {
	MaxBytes int64 // per document; DefaultMaxBytes when 0
	// Required is what the checklist shows; install the same value's Guard
	// in the engine (workflow.Options.Guards) to enforce it.
	Required Requirements
	Now      func() time.Time
}

// Service uploads, lists and serves documents.
type Service struct {
	engine *workflow.Engine
	db     *database.DB
	blobs  BlobStore
	opts   Options
}

// New returns a document service storing files in blobs.
func New(db *database.DB, engine *workflow.Engine, blobs BlobStore, opts Options) *Service {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Service{engine: engine, db: db, blobs: blobs, opts: opts}
}

// Checklist compares a claim's documents (from List) with the requirements.
func (s *Service) Checklist(docs []domain.Document) Checklist {
	return s.opts.Required.Checklist(docs, s.engine.Table().Actions())
}

// MaxBytes is the size limit of one document.
func (s *Service) MaxBytes() int64 { return s.opts.MaxBytes }

// ReadContent reads an uploaded file, at most MaxBytes of it: one byte more
// and it stops with a *domain.TooLargeError, so an oversized upload never
// sits in memory beyond the limit.
func (s *Service) ReadContent(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, s.opts.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read upload: %w", err)
	}
	if int64(len(data)) > s.opts.MaxBytes {
		return nil, &domain.TooLargeError{Limit: s.opts.MaxBytes}
	}
	return data, nil
}

// Upload is one file for a claim.
type Upload struct {
	ClaimID  int64
	Kind     domain.DocumentKind
	Filename string
	Content  []byte
}

// Upload checks a file and attaches it to a claim. For a single kind it
// supersedes the current document (which is kept). The row, the blob and
// the audit event with the file's SHA-256 commit together.
func (s *Service) Upload(ctx context.Context, actor domain.Actor, up Upload) (domain.Document, error) {
	if !CanUpload(actor.Role) {
		return domain.Document{}, fmt.Errorf("role %s may not upload documents: %w", actor.Role, domain.ErrForbidden)
	}
	contentType, hash, err := s.Check(up)
	if err != nil {
		return domain.Document{}, err
	}
	var doc domain.Document
	err = s.engine.InTx(ctx, func(tx *workflow.Tx) error {
		var err error
		doc, err = s.attach(ctx, tx, actor, up, contentType, hash)
		return err
	})
	if database.IsUniqueViolation(err) {
		// Another upload of the same kind for the same claim won the race.
		return domain.Document{}, fmt.Errorf("document %s of claim %d: %w", up.Kind, up.ClaimID,
			&domain.VersionConflictError{Current: s.currentVersion(ctx, up.ClaimID)})
	}
	return doc, err
}

// Check is what every upload must pass before it is stored: a known kind,
// not empty, within the size limit, a PDF, JPEG or PNG by its content. It
// returns the sniffed content type and the SHA-256 (hex).
func (s *Service) Check(up Upload) (contentType, hash string, err error) {
	if !up.Kind.Valid() {
		return "", "", domain.FieldError("kind", domain.ViolationInvalidValue)
	}
	if len(up.Content) == 0 {
		return "", "", domain.FieldError("file", domain.ViolationRequired)
	}
	if int64(len(up.Content)) > s.opts.MaxBytes {
		return "", "", &domain.TooLargeError{Limit: s.opts.MaxBytes}
	}
	contentType, ok := Sniff(up.Content)
	if !ok {
		return "", "", fmt.Errorf("document for claim %d: %w", up.ClaimID, domain.ErrUnsupportedMediaType)
	}
	sum := sha256.Sum256(up.Content)
	return contentType, hex.EncodeToString(sum[:]), nil
}

// AttachIn attaches a file inside a transaction the caller runs, for the
// online applicant (ApplicantMayUpload): the caller has bound the claim to
// the applicant's verified phone check, which is what makes it theirs.
func (s *Service) AttachIn(ctx context.Context, tx *workflow.Tx, actor domain.Actor, up Upload) (domain.Document, error) {
	if actor.Role != domain.RoleApplicant && !CanUpload(actor.Role) {
		return domain.Document{}, fmt.Errorf("role %s may not upload documents: %w", actor.Role, domain.ErrForbidden)
	}
	contentType, hash, err := s.Check(up)
	if err != nil {
		return domain.Document{}, err
	}
	return s.attach(ctx, tx, actor, up, contentType, hash)
}

func (s *Service) attach(ctx context.Context, tx *workflow.Tx, actor domain.Actor, up Upload, contentType, hash string) (domain.Document, error) {
	claim, err := tx.Claim(up.ClaimID)
	if err != nil {
		return domain.Document{}, err
	}
	if actor.Role == domain.RoleApplicant && !ApplicantMayUpload(claim.Status, up.Kind) {
		return domain.Document{}, fmt.Errorf("applicant upload of %s to a %s claim: %w", up.Kind, claim.Status, domain.ErrForbidden)
	}
	if claim.Status.Final() {
		// A closed case's evidence is frozen.
		return domain.Document{}, &domain.TransitionError{Action: actionUpload, Status: claim.Status}
	}
	if err := s.blobs.Put(ctx, tx, hash, up.Content); err != nil {
		return domain.Document{}, err
	}
	now := tx.Now()
	row := docRow{
		ClaimID: up.ClaimID, Kind: string(up.Kind), Filename: CleanFilename(up.Filename), ContentType: contentType,
		Size: int64(len(up.Content)), SHA256: hash, IsCurrent: true,
		UploadedBy: uploader(actor), UploadedByUsername: actor.Username, UploadedAt: now,
	}
	event, previous := EventUploaded, ""
	if up.Kind.Single() {
		old, found, err := currentOf(tx.DB(), up.ClaimID, up.Kind)
		if err != nil {
			return domain.Document{}, err
		}
		if found {
			if err := supersede(tx.DB(), old.ID, now, claim.Version); err != nil {
				return domain.Document{}, err
			}
			row.ReplacesID, event, previous = &old.ID, EventReplaced, old.SHA256
		}
	}
	if err := tx.DB().Create(&row).Error; err != nil {
		return domain.Document{}, fmt.Errorf("insert document: %w", err)
	}
	// A single kind is one field of the trail, so a replacement records the
	// old hash; each "lainnya" is a field of its own.
	field := "document." + string(up.Kind) + ".sha256"
	if !up.Kind.Single() {
		field = fmt.Sprintf("document.%s.%d.sha256", up.Kind, row.ID)
	}
	changes := map[string]domain.Change{field: {Old: previous, New: hash}}
	after, err := tx.Record(actor, up.ClaimID, event, string(up.Kind), changes)
	if err != nil {
		return domain.Document{}, err
	}
	// On PostgreSQL another action may have committed since the claim was
	// read above (a cancel, say): the evidence of a claim that moved on is
	// not attached behind its back.
	if after.Version != claim.Version+1 {
		return domain.Document{}, &domain.VersionConflictError{Current: after.Version - 1}
	}
	return row.document(), nil
}

func currentOf(tx *gorm.DB, claimID int64, kind domain.DocumentKind) (docRow, bool, error) {
	var rows []docRow
	err := tx.Select(docColumns).Where("claim_id = ? AND kind = ? AND is_current", claimID, string(kind)).
		Limit(1).Find(&rows).Error
	if err != nil {
		return docRow{}, false, fmt.Errorf("current %s: %w", kind, err)
	}
	if len(rows) == 0 {
		return docRow{}, false, nil
	}
	return rows[0], true, nil
}

// supersede marks a current document superseded; zero rows means another
// upload superseded it first.
func supersede(tx *gorm.DB, id int64, at time.Time, claimVersion int) error {
	res := tx.Model(&docRow{}).Where("id = ? AND is_current", id).
		Updates(map[string]any{"is_current": false, "superseded_at": at})
	if res.Error != nil {
		return fmt.Errorf("supersede document %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return &domain.VersionConflictError{Current: claimVersion}
	}
	return nil
}

func (s *Service) currentVersion(ctx context.Context, claimID int64) int {
	c, err := s.engine.Get(ctx, claimID)
	if err != nil {
		return 0
	}
	return c.Version
}

// verifyHash refuses data whose SHA-256 is not the recorded one: a blob
// changed behind the application's back is never served as evidence.
func verifyHash(data []byte, want string) error {
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != want {
		return errors.New("stored document does not match its recorded SHA-256")
	}
	return nil
}

// uploader is the user behind an upload; none for the online applicant.
func uploader(a domain.Actor) *int64 {
	if a.UserID == 0 {
		return nil
	}
	id := a.UserID
	return &id
}
