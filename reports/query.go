package reports

import (
	"strconv"

	"santunan/domain"
)

// Query selects a report: a year, a month of it (0: the whole year), and
// optionally one kecamatan of the regency.
type Query struct {
	Year  int
	Month int
	// Kecamatan is a 6-digit Kemendagri code of the regency; "" for all.
	Kecamatan string
}

// The fields a query's violations name (the API's parameters).
const (
	FieldYear      = "year"
	FieldMonth     = "month"
	FieldKecamatan = "kecamatan"
)

// Years a report may be asked for: from the program's first year (Perbup
// Kendal 20/2021) to next year.
const firstYear = 2021

// ParseQuery reads a query's parameters as typed: year and month as
// decimal numbers (an empty one is the current year or month; a month of
// "0" is not a month), kecamatan a code or empty. It reads only the shape;
// Service.check decides whether the values exist.
func ParseQuery(year, month, kecamatan string, today domain.Date) (Query, error) {
	errs := domain.FieldErrors{}
	q := Query{Year: today.Year, Month: int(today.Month), Kecamatan: kecamatan}
	if year != "" {
		n, ok := number(year)
		if !ok {
			errs.Add(FieldYear, domain.ViolationInvalidValue)
		}
		q.Year = n
	}
	if month != "" {
		n, ok := number(month)
		if !ok || n < 1 || n > 12 {
			errs.Add(FieldMonth, domain.ViolationInvalidValue)
		}
		q.Month = n
	}
	if kecamatan != "" {
		if _, ok := number(kecamatan); !ok || len(kecamatan) != 6 {
			errs.Add(FieldKecamatan, domain.ViolationInvalidValue)
		}
	}
	return q, errs.Err()
}

// number reads 1 to 6 ASCII digits.
func number(s string) (int, bool) {
	if len(s) == 0 || len(s) > 6 {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// check refuses a year outside the program's, a month that is not one and
// a kecamatan outside the regency.
func (s *Service) check(q Query) error {
	errs := domain.FieldErrors{}
	if q.Year < firstYear || q.Year > s.Today().Year+1 {
		errs.Add(FieldYear, domain.ViolationInvalidValue)
	}
	if q.Month < 0 || q.Month > 12 {
		errs.Add(FieldMonth, domain.ViolationInvalidValue)
	}
	if q.Kecamatan != "" && len(s.scope(q.Kecamatan)) == 0 {
		errs.Add(FieldKecamatan, domain.ViolationInvalidValue)
	}
	return errs.Err()
}
