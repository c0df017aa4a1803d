package domain

import "time"

// NonWorkingDay is a weekday on which government offices are closed: a
// national holiday (libur nasional), a joint leave day (cuti bersama) or a
// day the regency adds. Saturdays and Sundays are never working days and
// need no entry.
type NonWorkingDay struct {
	Date Date
	Kind NonWorkingKind
	Name string
}

// NonWorkingKind says why a day is not worked.
type NonWorkingKind string

const (
	KindNationalHoliday NonWorkingKind = "libur_nasional"
	KindJointLeave      NonWorkingKind = "cuti_bersama"
	KindLocalHoliday    NonWorkingKind = "libur_daerah"
)

// Valid reports whether k is a known kind.
func (k NonWorkingKind) Valid() bool {
	return k == KindNationalHoliday || k == KindJointLeave || k == KindLocalHoliday
}

// Calendar counts working days (hari kerja): every Monday to Friday that is
// not a non-working day. It knows which years have any holiday entered, so
// that a year nobody kept is a warning rather than a silent error.
type Calendar struct {
	off   map[Date]NonWorkingDay
	years map[int]bool
}

// NewCalendar builds a calendar from the non-working days an admin keeps.
func NewCalendar(days []NonWorkingDay) Calendar {
	c := Calendar{off: make(map[Date]NonWorkingDay, len(days)), years: map[int]bool{}}
	for _, d := range days {
		c.off[d.Date] = d
		c.years[d.Date.Year] = true
	}
	return c
}

// IsWorkingDay reports whether offices work on d.
func (c Calendar) IsWorkingDay(d Date) bool {
	switch d.Time().Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	_, off := c.off[d]
	return !off
}

// NonWorking returns the entry of d, if d is a holiday or leave day.
func (c Calendar) NonWorking(d Date) (NonWorkingDay, bool) {
	day, ok := c.off[d]
	return day, ok
}

// Covers reports whether any non-working day of year is entered.
func (c Calendar) Covers(year int) bool { return c.years[year] }

// AddWorkingDays returns the n-th working day after d (d itself does not
// count, as a deadline "within 2 working days" of a Friday filing is the
// Tuesday). n = 0 returns d.
func (c Calendar) AddWorkingDays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts the working days after from up to and
// including to: 0 when to is not after from. A claim filed on Monday and
// decided on Wednesday took 2 working days.
func (c Calendar) WorkingDaysBetween(from, to Date) int {
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}
