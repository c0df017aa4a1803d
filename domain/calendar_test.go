package domain

import "testing"

// lebaran2026 are the non-working weekdays of the 2026 SKB around Idul
// Fitri: Nyepi's cuti bersama and holiday, then Lebaran's.
func lebaran2026(t *testing.T) Calendar {
	var days []NonWorkingDay
	for _, d := range []struct{ date, kind string }{
		{"2026-03-18", "cuti_bersama"}, {"2026-03-19", "libur_nasional"}, {"2026-03-20", "cuti_bersama"},
		{"2026-03-21", "libur_nasional"}, {"2026-03-22", "libur_nasional"}, {"2026-03-23", "cuti_bersama"},
		{"2026-03-24", "cuti_bersama"}, {"2026-12-24", "cuti_bersama"}, {"2026-12-25", "libur_nasional"},
		{"2026-01-01", "libur_nasional"},
	} {
		days = append(days, NonWorkingDay{Date: mustDate(t, d.date), Kind: NonWorkingKind(d.kind), Name: "x"})
	}
	return NewCalendar(days)
}

func TestCalendarAddWorkingDays(t *testing.T) {
	cal := lebaran2026(t)
	for _, tc := range []struct {
		name, from string
		n          int
		want       string
	}{
		{"zero days is the day itself", "2026-03-18", 0, "2026-03-18"},
		{"the day before the Lebaran week", "2026-03-17", 1, "2026-03-25"},
		{"two across the week", "2026-03-17", 2, "2026-03-26"},
		{"from inside the week", "2026-03-20", 1, "2026-03-25"},
		{"from the weekend inside the week", "2026-03-21", 3, "2026-03-27"},
		{"a Friday's two days are Tuesday", "2026-03-13", 2, "2026-03-17"},
		{"a Friday into the week", "2026-03-13", 3, "2026-03-25"},
		{"last working day of 2026, into an uncovered 2027", "2026-12-31", 1, "2027-01-01"},
		{"over Christmas and the year", "2026-12-23", 2, "2026-12-29"},
		{"from Christmas Eve past the year", "2026-12-24", 5, "2027-01-01"},
		{"a weekend start", "2027-01-02", 1, "2027-01-04"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cal.AddWorkingDays(mustDate(t, tc.from), tc.n); got.String() != tc.want {
				t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tc.from, tc.n, got, tc.want)
			}
		})
	}
}

func TestCalendarWorkingDaysBetween(t *testing.T) {
	cal := lebaran2026(t)
	for _, tc := range []struct {
		name, from, to string
		want           int
	}{
		{"same day", "2026-03-17", "2026-03-17", 0},
		{"backwards", "2026-03-26", "2026-03-17", 0},
		{"across the Lebaran week", "2026-03-17", "2026-03-26", 2},
		{"the week alone", "2026-03-17", "2026-03-24", 0},
		{"Monday to Wednesday", "2026-03-02", "2026-03-04", 2},
		{"the year boundary", "2026-12-23", "2027-01-05", 7}, // 28-31 Dec; 1, 4, 5 Jan 2027 (no 2027 holiday entered)
		{"into the next year's holiday-free days", "2026-12-31", "2027-01-01", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cal.WorkingDaysBetween(mustDate(t, tc.from), mustDate(t, tc.to)); got != tc.want {
				t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tc.from, tc.to, got, tc.want)
			}
		})
	}
}

func TestCalendarCoversAndWeekends(t *testing.T) {
	cal := lebaran2026(t)
	if !cal.Covers(2026) || cal.Covers(2027) || cal.Covers(2025) {
		t.Error("Covers: only 2026 has days entered")
	}
	for s, want := range map[string]bool{
		"2026-03-16": true, "2026-03-18": false, "2026-03-21": false, "2026-03-25": true,
		"2026-03-28": false, "2026-03-29": false, "2027-01-01": true, "2027-01-02": false,
	} {
		if got := cal.IsWorkingDay(mustDate(t, s)); got != want {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", s, got, want)
		}
	}
	if d, ok := cal.NonWorking(mustDate(t, "2026-03-23")); !ok || d.Kind != KindJointLeave {
		t.Errorf("NonWorking(23 March) = %+v %v", d, ok)
	}
}

func TestCalendarOverdue(t *testing.T) {
	cal := lebaran2026(t)
	for _, tc := range []struct {
		name, due, today string
		overdue          bool
		days             int
	}{
		{"due today", "2026-03-26", "2026-03-26", false, 0},
		{"a day late", "2026-03-26", "2026-03-27", true, 1},
		{"due Friday, on Saturday", "2026-03-27", "2026-03-28", false, 0},
		{"due Friday, on Monday", "2026-03-27", "2026-03-30", true, 1},
		{"due before Lebaran, after it", "2026-03-17", "2026-03-26", true, 2},
		{"due before Lebaran, inside it", "2026-03-17", "2026-03-23", false, 0},
		{"across the year", "2026-12-23", "2027-01-04", true, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			due, today := mustDate(t, tc.due), mustDate(t, tc.today)
			if got := due.Before(cal.OverdueCutoff(today)); got != tc.overdue {
				t.Errorf("overdue %v, want %v", got, tc.overdue)
			}
			if got := cal.WorkingDaysOverdue(due, today); got != tc.days {
				t.Errorf("%d working days overdue, want %d", got, tc.days)
			}
		})
	}
}
