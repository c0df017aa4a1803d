package domain

// Violations of the working-day calendar (workdays).
const (
	// ViolationDayAlreadyListed: the day is already a non-working day.
	ViolationDayAlreadyListed = "day_already_listed"
	// ViolationYearOutOfRange: a calendar date outside the years kept
	// (workdays.FirstYear..LastYear).
	ViolationYearOutOfRange = "year_out_of_range"
)
