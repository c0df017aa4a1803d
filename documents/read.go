package documents

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// List returns every document of a claim, current and superseded, oldest
// first.
func (s *Service) List(ctx context.Context, actor domain.Actor, claimID int64) ([]domain.Document, error) {
	if !CanList(actor.Role) {
		return nil, fmt.Errorf("role %s may not list documents: %w", actor.Role, domain.ErrForbidden)
	}
	if _, err := s.engine.Get(ctx, claimID); err != nil {
		return nil, err
	}
	var rows []docRow
	err := s.db.Read.WithContext(ctx).Select(docColumns).Where("claim_id = ?", claimID).Order("id").Find(&rows).Error
	if err != nil {
		return nil, database.Classify(fmt.Errorf("list documents: %w", err))
	}
	out := make([]domain.Document, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.document())
	}
	return out, nil
}

// Open returns a document's metadata and bytes for download, after writing
// who opened it to the access log: a download the log could not record is
// not served.
func (s *Service) Open(ctx context.Context, actor domain.Actor, claimID, docID int64, ip string) (domain.Document, []byte, error) {
	var row docRow
	err := s.db.Read.WithContext(ctx).Select(docColumns).Where("id = ? AND claim_id = ?", docID, claimID).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Document{}, nil, fmt.Errorf("document %d of claim %d: %w", docID, claimID, domain.ErrNotFound)
	}
	if err != nil {
		return domain.Document{}, nil, database.Classify(fmt.Errorf("load document: %w", err))
	}
	doc := row.document()
	if !CanRead(actor.Role, doc.Kind) {
		return domain.Document{}, nil, fmt.Errorf("role %s may not open %s: %w", actor.Role, doc.Kind, domain.ErrForbidden)
	}
	data, err := s.blobs.Get(ctx, doc.SHA256)
	if err != nil {
		return domain.Document{}, nil, err
	}
	if err := verifyHash(data, doc.SHA256); err != nil {
		return domain.Document{}, nil, fmt.Errorf("document %d: %w", doc.ID, err)
	}
	entry := accessRow{
		DocumentID: doc.ID, ClaimID: doc.ClaimID, Kind: string(doc.Kind), ActorID: actor.UserID,
		ActorUsername: actor.Username, ActorRole: string(actor.Role), IP: ip,
		At: s.opts.Now().UTC().Truncate(time.Microsecond),
	}
	err = s.db.InTx(ctx, func(tx *gorm.DB) error { return tx.Create(&entry).Error })
	if err != nil {
		return domain.Document{}, nil, fmt.Errorf("log document access: %w", err)
	}
	return doc, data, nil
}

// AccessLog lists who opened a claim's documents, oldest first.
func (s *Service) AccessLog(ctx context.Context, actor domain.Actor, claimID int64) ([]domain.DocumentAccess, error) {
	if !CanReadAccessLog(actor.Role) {
		return nil, fmt.Errorf("role %s may not read the access log: %w", actor.Role, domain.ErrForbidden)
	}
	if _, err := s.engine.Get(ctx, claimID); err != nil {
		return nil, err
	}
	var rows []accessRow
	err := s.db.Read.WithContext(ctx).Select(accessColumns).Where("claim_id = ?", claimID).Order("id").Find(&rows).Error
	if err != nil {
		return nil, database.Classify(fmt.Errorf("read access log: %w", err))
	}
	out := make([]domain.DocumentAccess, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.access())
	}
	return out, nil
}
