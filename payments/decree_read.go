package payments

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/paging"
)

// GetDecree returns a decree with its recipients in list order.
func (s *Service) GetDecree(ctx context.Context, actor domain.Actor, id int64) (Decree, error) {
	if err := require(actor, CanReadPayments); err != nil {
		return Decree{}, err
	}
	db := s.read(ctx)
	var row decreeRow
	err := db.Select(decreeColumns).Where("id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Decree{}, fmt.Errorf("decree %d: %w", id, domain.ErrNotFound)
	}
	if err != nil {
		return Decree{}, database.Classify(fmt.Errorf("read decree: %w", err))
	}
	var rows []struct {
		Seq              int
		ClaimID          int64
		Amount           int64
		Code             string
		DeceasedName     string
		DateOfDeath      time.Time
		VillageCode      string
		HeirName         string
		HeirRelationship string
	}
	err = db.Table("decree_items di").
		Select("di.seq, di.claim_id, di.amount, c.code, c.deceased_name, c.date_of_death, c.village_code, c.heir_name, c.heir_relationship").
		Joins("JOIN claims c ON c.id = di.claim_id").Where("di.decree_id = ?", id).Order("di.seq").Scan(&rows).Error
	if err != nil {
		return Decree{}, database.Classify(fmt.Errorf("read decree items: %w", err))
	}
	d := decreeOf(row)
	d.Recipients = make([]Recipient, 0, len(rows))
	for _, r := range rows {
		rec := Recipient{Seq: r.Seq, ClaimID: r.ClaimID, ClaimCode: r.Code, DeceasedName: r.DeceasedName,
			DateOfDeath: domain.DateOf(r.DateOfDeath.UTC()), VillageCode: r.VillageCode, HeirName: r.HeirName,
			HeirRelationship: domain.Relationship(r.HeirRelationship), Amount: domain.Rupiah(r.Amount)}
		if s.cfg.Areas != nil {
			if v, ok := s.cfg.Areas.Village(r.VillageCode); ok {
				rec.VillageName, rec.KecamatanName = v.Name, v.KecamatanName
			}
		}
		d.Recipients = append(d.Recipients, rec)
	}
	return d, nil
}

// Paging of decree and batch lists: newest first, keyset on id.
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
)

// PageQuery asks for a page of a list. Cursor is the NextCursor of the
// previous page.
type PageQuery struct {
	Limit  int
	Cursor string
	Status string // batches only: open or closed, "" for all
}

func (q *PageQuery) check() (before int64, err error) {
	errs := domain.FieldErrors{}
	size, ok := paging.Limits{Default: DefaultPageSize, Max: MaxPageSize}.Size(q.Limit)
	if !ok {
		errs.Add("limit", domain.ViolationInvalidValue)
	}
	q.Limit = size
	before, ok = decodeCursor(q.Cursor)
	if !ok {
		errs.Add("cursor", domain.ViolationInvalidValue)
	}
	if q.Status != "" && q.Status != BatchOpen && q.Status != BatchClosed {
		errs.Add("status", domain.ViolationInvalidValue)
	}
	return before, errs.Err()
}

// ListDecrees returns a page of decrees, newest first, without recipients.
func (s *Service) ListDecrees(ctx context.Context, actor domain.Actor, q PageQuery) ([]Decree, string, error) {
	if err := require(actor, CanReadPayments); err != nil {
		return nil, "", err
	}
	before, err := q.check()
	if err != nil {
		return nil, "", err
	}
	db := s.read(ctx).Select(decreeColumns)
	if before > 0 {
		db = db.Where("id < ?", before)
	}
	var rows []decreeRow
	if err := db.Order("id DESC").Limit(q.Limit + 1).Find(&rows).Error; err != nil {
		return nil, "", database.Classify(fmt.Errorf("list decrees: %w", err))
	}
	out, next := trimPage(rows, q.Limit, func(r decreeRow) int64 { return r.ID }, decreeOf)
	return out, next, nil
}
