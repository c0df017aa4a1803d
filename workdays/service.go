// Package workdays keeps the working-day calendar (hari kerja): the
// non-working days an admin maintains, seeded from the 2026 SKB.
//
// SKELETON: Calendar reads the embedded seed only; issue 11's calendar
// work replaces it with the database-backed store, the admin's page and API.
package workdays

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"fmt"

	"santunan/domain"
)

//go:embed hari-libur-2026.csv
var seed2026 []byte

// Service answers the calendar.
type Service struct{}

// New returns the calendar service.
func New() *Service { return &Service{} }

// Calendar returns the working-day calendar as it stands now.
func (s *Service) Calendar(ctx context.Context) (domain.Calendar, error) {
	days, err := ParseSeed(seed2026)
	if err != nil {
		return domain.Calendar{}, err
	}
	return domain.NewCalendar(days), nil
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
