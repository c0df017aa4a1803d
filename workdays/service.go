// Package workdays keeps the working-day calendar (hari kerja): the
// non-working days an admin maintains (seeded from the 2026 SKB by
// migration 00016), the audit of every change, and the due day of each
// claim's stage, which an engine event hook sets (hook.go) and a calendar
// change recomputes (change.go). Who may change or read it is policy.go.
package workdays

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"fmt"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/database"
	"santunan/domain"
)

//go:embed hari-libur-2026.csv
var seed2026 []byte

// Seed2026 is the embedded 2026 holidays file the migration seeded.
func Seed2026() []byte { return append([]byte(nil), seed2026...) }

// Options are the service's rules.
type Options struct {
	// Standard gives each stage's working days (config.Standard).
	Standard domain.ServiceStandard
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Location decides which day it is; nil means Asia/Jakarta.
	Location *time.Location
	// Required are the documents each action needs (config.Evidence) and
	// Benefit the amount paid, for the published standard.
	Required map[domain.Action][]domain.DocumentKind
	Benefit  domain.Rupiah
}

// Service answers the calendar and keeps it.
//
// The calendar is cached in memory with the version of calendar_state it
// was read at. Every Calendar call reads that one-row version (a primary-key
// lookup) and rereads the days only when it moved, so several servers on one
// PostgreSQL agree as soon as a change commits.
type Service struct {
	db   *database.DB
	opts Options

	mu      sync.Mutex
	version int64
	cal     domain.Calendar
	days    []domain.NonWorkingDay
}

// New returns the calendar service on db.
func New(db *database.DB, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Location == nil {
		opts.Location = domain.Jakarta()
	}
	return &Service{db: db, opts: opts}
}

// Published is the service standard as the public sees it.
func (s *Service) Published() Published {
	return Publish(s.opts.Standard, s.opts.Required, s.opts.Benefit)
}

// Standard is the service standard the due days follow.
func (s *Service) Standard() domain.ServiceStandard { return s.opts.Standard }

// Today is the date in Jakarta now.
func (s *Service) Today() domain.Date { return domain.DateOf(s.opts.Now().In(s.opts.Location)) }

// Calendar returns the working-day calendar as it stands now.
func (s *Service) Calendar(ctx context.Context) (domain.Calendar, error) {
	return s.calendarOn(s.db.Read.WithContext(ctx), false)
}

// calendarOn reads the calendar's version on db (under a share lock on
// PostgreSQL when lock is set, inside a write transaction) and returns the
// cached calendar, rereading the days when the version moved.
func (s *Service) calendarOn(db *gorm.DB, lock bool) (domain.Calendar, error) {
	q := db.Table("calendar_state").Select("version").Where("id = 1")
	if lock && db.Dialector.Name() == "postgres" {
		q = q.Clauses(clause.Locking{Strength: "SHARE"})
	}
	var versions []int64
	if err := q.Pluck("version", &versions).Error; err != nil {
		return domain.Calendar{}, database.Classify(fmt.Errorf("calendar version: %w", err))
	}
	if len(versions) != 1 {
		return domain.Calendar{}, fmt.Errorf("calendar version: %d rows", len(versions))
	}
	v := versions[0]
	s.mu.Lock()
	if s.version == v && v != 0 {
		cal := s.cal
		s.mu.Unlock()
		return cal, nil
	}
	s.mu.Unlock()
	days, err := loadDays(db, 0)
	if err != nil {
		return domain.Calendar{}, err
	}
	cal := domain.NewCalendar(days)
	s.mu.Lock()
	// Another goroutine may have read a newer version meanwhile; keep the
	// newest (versions only grow).
	if v >= s.version {
		s.version, s.cal, s.days = v, cal, days
	}
	s.mu.Unlock()
	return cal, nil
}

// dayRow is the non_working_days table.
type dayRow struct {
	Day               time.Time `gorm:"primaryKey"`
	Kind              string
	Name              string
	CreatedBy         *int64
	CreatedByUsername string
	CreatedAt         time.Time `gorm:"autoCreateTime:false"`
	ChangedBy         *int64
	ChangedByUsername string
	ChangedAt         *time.Time
}

func (dayRow) TableName() string { return "non_working_days" }

func (r dayRow) day() domain.NonWorkingDay {
	return domain.NonWorkingDay{Date: domain.DateOf(r.Day.UTC()), Kind: domain.NonWorkingKind(r.Kind), Name: r.Name}
}

// loadDays reads the non-working days, of one year or (year 0) all.
func loadDays(db *gorm.DB, year int) ([]domain.NonWorkingDay, error) {
	q := db.Model(&dayRow{}).Select("day, kind, name")
	if year != 0 {
		from := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
		q = q.Where("day >= ? AND day < ?", from, from.AddDate(1, 0, 0))
	}
	var rows []dayRow
	if err := q.Order("day").Find(&rows).Error; err != nil {
		return nil, database.Classify(fmt.Errorf("non-working days: %w", err))
	}
	out := make([]domain.NonWorkingDay, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.day())
	}
	return out, nil
}

// ParseSeed reads a holidays file in the shape of ../shared/data's
// hari-libur CSV (date,kind,name).
func ParseSeed(raw []byte) ([]domain.NonWorkingDay, error) {
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("workdays: seed: %w", err)
	}
	var out []domain.NonWorkingDay
	for i, r := range rows {
		if i == 0 {
			continue
		}
		if len(r) != 3 {
			return nil, fmt.Errorf("workdays: seed line %d: want 3 fields", i+1)
		}
		d, err := domain.ParseDate(r[0])
		if err != nil {
			return nil, fmt.Errorf("workdays: seed line %d: %w", i+1, err)
		}
		k := domain.NonWorkingKind(r[1])
		if !k.Valid() {
			return nil, fmt.Errorf("workdays: seed line %d: kind %q", i+1, r[1])
		}
		out = append(out, domain.NonWorkingDay{Date: d, Kind: k, Name: r[2]})
	}
	return out, nil
}
