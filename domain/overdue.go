package domain

// A stage is overdue once a working day has ended past its due day without
// the step: due Thursday, it is one working day overdue on Friday; due
// Friday, it is not overdue yet on Saturday or Sunday (no office could have
// acted), and one working day overdue on Monday.

// LastWorkingDay is the latest working day on or before d.
func (c Calendar) LastWorkingDay(d Date) Date {
	for i := 0; i < 366 && !c.IsWorkingDay(d); i++ {
		d = d.AddDays(-1)
	}
	return d
}

// OverdueCutoff is the day before which a due day is overdue on today:
// the latest working day on or before today.
func (c Calendar) OverdueCutoff(today Date) Date { return c.LastWorkingDay(today) }

// WorkingDaysOverdue counts the working days past due on today: 0 when the
// stage is not overdue.
func (c Calendar) WorkingDaysOverdue(due, today Date) int {
	return c.WorkingDaysBetween(due, today)
}
