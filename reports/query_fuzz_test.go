package reports_test

import (
	"errors"
	"testing"

	"santunan/domain"
	"santunan/reports"
)

var today = domain.Date{Year: 2026, Month: 3, Day: 31}

// The query parser takes what anyone types into the address bar: it never
// panics, refuses with a field of its own, and what it accepts is in range.
func FuzzParseQuery(f *testing.F) {
	for _, seed := range [][3]string{{"2026", "3", ""}, {"", "", ""}, {"2026", "12", "332415"}, {"abc", "13", "33"},
		{"-1", "0", "3324151001"}, {"２０２６", "٣", "33241５"}, {"2026", "03", "332415\x00"}, {"9999999", "1e1", " 332415"}} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, year, month, kecamatan string) {
		q, err := reports.ParseQuery(year, month, kecamatan, today)
		if err != nil {
			var ve *domain.ValidationError
			if !errors.As(err, &ve) || len(ve.Fields) == 0 {
				t.Fatalf("%q %q %q: %v is not a field refusal", year, month, kecamatan, err)
			}
			for field := range ve.Fields {
				if field != reports.FieldYear && field != reports.FieldMonth && field != reports.FieldKecamatan {
					t.Fatalf("refusal names %q", field)
				}
			}
			return
		}
		if q.Month < 1 || q.Month > 12 || q.Year < 0 || q.Year > 999999 {
			t.Fatalf("%q %q accepted as %+v", year, month, q)
		}
		if q.Kecamatan != "" && len(q.Kecamatan) != 6 {
			t.Fatalf("kecamatan %q accepted", q.Kecamatan)
		}
		for _, r := range q.Kecamatan {
			if r < '0' || r > '9' {
				t.Fatalf("kecamatan %q accepted", q.Kecamatan)
			}
		}
		if year == "" && q.Year != today.Year || month == "" && q.Month != int(today.Month) {
			t.Fatalf("empty year or month is not today's: %+v", q)
		}
	})
}
