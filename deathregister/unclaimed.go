package deathregister

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/paging"
)

// Paging limits of the unclaimed list.
const (
	DefaultPageSize = 100
	MaxPageSize     = 1000
)

// UnclaimedQuery selects registered deaths without a claim, optionally in
// one desa/kelurahan, a page at a time.
type UnclaimedQuery struct {
	VillageCode string
	Limit       int
	Cursor      string
}

// UnclaimedDeath is a registered death nobody has claimed yet, with what
// the village needs to find the family and how long they still have.
type UnclaimedDeath struct {
	domain.DeathRecord
	VillageName    string      `json:"village_name"`
	KecamatanName  string      `json:"kecamatan_name"`
	DaysSinceDeath int         `json:"days_since_death"`
	ClaimDeadline  domain.Date `json:"claim_deadline"`
}

// UnclaimedPage is one page, ordered by desa, then date of death.
type UnclaimedPage struct {
	Items      []UnclaimedDeath `json:"items"`
	NextCursor string           `json:"next_cursor"`
	AfterDays  int              `json:"after_days"`
}

// The unclaimed list holds the registered deaths
//   - that died at least UnclaimedAfterDays ago (the family had time to come),
//   - whose claim window is still open (after it, outreach cannot help),
//   - and that have no claim other than a cancelled one: a live, paid or
//     rejected claim means the family came and was answered; a cancelled
//     claim was withdrawn, so the death is unclaimed again.
func (s *Service) unclaimedScope(db *gorm.DB, village string) *gorm.DB {
	today := s.today()
	db = db.Table("death_records r").
		Where("r.date_of_death <= ? AND r.date_of_death >= ?",
			today.AddDays(-s.opts.UnclaimedAfterDays).Time(), today.AddDays(-s.opts.WindowDays).Time()).
		Where("NOT EXISTS (SELECT 1 FROM claims c WHERE c.deceased_nik = r.nik AND c.status <> ?)", string(domain.StatusCancelled))
	if village != "" {
		db = db.Where("r.village_code = ?", village)
	}
	return db
}

// Unclaimed returns a page of the list, keyset-paged on (desa, date of
// death, id) so that every page is one index range scan.
func (s *Service) Unclaimed(ctx context.Context, actor domain.Actor, q UnclaimedQuery) (UnclaimedPage, error) {
	if !CanRead(actor.Role) {
		return UnclaimedPage{}, fmt.Errorf("role %s may not read the death register: %w", actor.Role, domain.ErrForbidden)
	}
	errs := domain.FieldErrors{}
	size, ok := paging.Limits{Default: DefaultPageSize, Max: MaxPageSize}.Size(q.Limit)
	if !ok {
		errs.Add("limit", domain.ViolationInvalidValue)
	}
	q.Limit = size
	after, ok := decodeCursor(q.Cursor)
	if !ok {
		errs.Add("cursor", domain.ViolationInvalidValue)
	}
	if q.VillageCode != "" && !s.opts.Areas.VillageInRegency(q.VillageCode, s.opts.RegencyCode) {
		errs.Add("village_code", domain.ViolationVillageUnknown)
	}
	if err := errs.Err(); err != nil {
		return UnclaimedPage{}, err
	}
	db := s.unclaimedScope(s.db.Read.WithContext(ctx), q.VillageCode).Select(prefixed("r.", recordColumns))
	if after.id > 0 {
		db = db.Where("(r.village_code, r.date_of_death, r.id) > (?, ?, ?)", after.village, after.date.Time(), after.id)
	}
	var rows []recordRow
	if err := db.Order("r.village_code, r.date_of_death, r.id").Limit(q.Limit + 1).Find(&rows).Error; err != nil {
		return UnclaimedPage{}, database.Classify(fmt.Errorf("unclaimed deaths: %w", err))
	}
	page := UnclaimedPage{Items: make([]UnclaimedDeath, 0, len(rows)), AfterDays: s.opts.UnclaimedAfterDays}
	if len(rows) > q.Limit {
		rows = rows[:q.Limit]
		last := rows[len(rows)-1].record()
		page.NextCursor = encodeCursor(cursor{village: last.VillageCode, date: last.DateOfDeath, id: last.ID})
	}
	for _, r := range rows {
		page.Items = append(page.Items, s.unclaimed(r.record()))
	}
	return page, nil
}

func (s *Service) unclaimed(r domain.DeathRecord) UnclaimedDeath {
	v, _ := s.opts.Areas.Village(r.VillageCode)
	today := s.today()
	return UnclaimedDeath{
		DeathRecord: r, VillageName: v.Name, KecamatanName: v.KecamatanName,
		DaysSinceDeath: int(today.Time().Sub(r.DateOfDeath.Time()) / (24 * time.Hour)),
		ClaimDeadline:  r.DateOfDeath.AddDays(s.opts.WindowDays),
	}
}

// VillageCount is how many unclaimed deaths one desa/kelurahan has.
type VillageCount struct {
	VillageCode   string `json:"village_code"`
	VillageName   string `json:"village_name"`
	KecamatanName string `json:"kecamatan_name"`
	Count         int    `json:"count"`
}

// UnclaimedByVillage counts the list per desa/kelurahan, for the villages
// to see their share at a glance.
func (s *Service) UnclaimedByVillage(ctx context.Context, actor domain.Actor) ([]VillageCount, error) {
	if !CanRead(actor.Role) {
		return nil, fmt.Errorf("role %s may not read the death register: %w", actor.Role, domain.ErrForbidden)
	}
	var rows []struct {
		VillageCode string
		Count       int
	}
	err := s.unclaimedScope(s.db.Read.WithContext(ctx), "").Select("r.village_code AS village_code, COUNT(*) AS count").
		Group("r.village_code").Order("r.village_code").Scan(&rows).Error
	if err != nil {
		return nil, database.Classify(fmt.Errorf("unclaimed by village: %w", err))
	}
	out := make([]VillageCount, 0, len(rows))
	for _, r := range rows {
		v, _ := s.opts.Areas.Village(r.VillageCode)
		out = append(out, VillageCount{VillageCode: r.VillageCode, VillageName: v.Name, KecamatanName: v.KecamatanName, Count: r.Count})
	}
	return out, nil
}

func prefixed(prefix, columns string) string {
	parts := strings.Split(columns, ", ")
	for i, p := range parts {
		parts[i] = prefix + p
	}
	return strings.Join(parts, ", ")
}

// cursor is the last row of a page. Cursors are opaque to clients.
type cursor struct {
	village string
	date    domain.Date
	id      int64
}

func encodeCursor(c cursor) string {
	return base64.RawURLEncoding.EncodeToString([]byte(c.village + "|" + c.date.String() + "|" + strconv.FormatInt(c.id, 10)))
}

func decodeCursor(s string) (cursor, bool) {
	if s == "" {
		return cursor{}, true
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, false
	}
	parts := strings.Split(string(raw), "|")
	if len(parts) != 3 {
		return cursor{}, false
	}
	d, err := domain.ParseDate(parts[1])
	id, idErr := strconv.ParseInt(parts[2], 10, 64)
	if err != nil || idErr != nil || id <= 0 {
		return cursor{}, false
	}
	return cursor{village: parts[0], date: d, id: id}, true
}
