package workdays

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// Limits of the calendar's fields.
const (
	MaxNameRunes   = 120
	MaxReasonRunes = 300
	// FirstYear and LastYear bound the days an admin may enter.
	FirstYear = 2021
	LastYear  = 2100
)

// Violations of a calendar change (domain.AllViolations lists them).
const (
	ViolationDayAlreadyListed = domain.ViolationDayAlreadyListed
	ViolationYearOutOfRange   = domain.ViolationYearOutOfRange
)

// DayInput is an admin's new non-working day, as typed.
type DayInput struct {
	Date   string `json:"date"`
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// Entry is a non-working day as kept: who entered it and when.
type Entry struct {
	domain.NonWorkingDay
	CreatedBy string
	CreatedAt time.Time
}

// Change is one line of the calendar's audit: a day added or removed.
type Change struct {
	ID       int64
	Day      domain.Date
	Change   string // "add" or "remove"
	Kind     domain.NonWorkingKind
	Name     string
	Reason   string
	Actor    string
	ActorID  *int64
	At       time.Time
	Restaged int `gorm:"-"` // claims whose due day moved (on the change just made)
}

// ParseDay reads a calendar date as a form or the API sends it
// (YYYY-MM-DD), within the years an admin may keep.
func ParseDay(s string) (domain.Date, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return domain.Date{}, domain.ViolationRequired
	}
	if v := domain.LineViolation(s); v != "" {
		return domain.Date{}, v
	}
	d, err := domain.ParseDate(s)
	if err != nil {
		return domain.Date{}, domain.ViolationDateInvalid
	}
	if d.Year < FirstYear || d.Year > LastYear {
		return domain.Date{}, ViolationYearOutOfRange
	}
	return d, ""
}

// validate checks an admin's day.
func (in DayInput) validate() (domain.NonWorkingDay, string, error) {
	errs := domain.FieldErrors{}
	d, code := ParseDay(in.Date)
	if code != "" {
		errs.Add("date", code)
	}
	kind := domain.NonWorkingKind(strings.TrimSpace(in.Kind))
	switch {
	case kind == "":
		errs.Add("kind", domain.ViolationRequired)
	case domain.LineViolation(string(kind)) != "":
		errs.Add("kind", domain.ViolationInvalidCharacters)
	case !kind.Valid():
		errs.Add("kind", domain.ViolationInvalidValue)
	}
	name := strings.Join(strings.Fields(in.Name), " ")
	switch {
	case domain.LineViolation(in.Name) != "":
		errs.Add("name", domain.ViolationInvalidCharacters)
	case name == "":
		errs.Add("name", domain.ViolationRequired)
	case utf8.RuneCountInString(name) > MaxNameRunes:
		errs.Add("name", domain.ViolationTooLong)
	}
	reason, code := reasonOf(in.Reason, false)
	if code != "" {
		errs.Add("reason", code)
	}
	if err := errs.Err(); err != nil {
		return domain.NonWorkingDay{}, "", err
	}
	return domain.NonWorkingDay{Date: d, Kind: kind, Name: name}, reason, nil
}

func reasonOf(s string, required bool) (string, string) {
	if domain.TextViolation(s) != "" {
		return "", domain.ViolationInvalidCharacters
	}
	r := strings.TrimSpace(s)
	switch {
	case r == "" && required:
		return "", domain.ViolationRequired
	case utf8.RuneCountInString(r) > MaxReasonRunes:
		return "", domain.ViolationTooLong
	}
	return r, ""
}

// changeRow is the non_working_day_changes table.
type changeRow struct {
	ID            int64 `gorm:"primaryKey"`
	Day           time.Time
	Change        string
	Kind          string
	Name          string
	Reason        string
	ActorID       *int64
	ActorUsername string
	At            time.Time
}

func (changeRow) TableName() string { return "non_working_day_changes" }

func (r changeRow) change() Change {
	return Change{ID: r.ID, Day: domain.DateOf(r.Day.UTC()), Change: r.Change, Kind: domain.NonWorkingKind(r.Kind),
		Name: r.Name, Reason: r.Reason, Actor: r.ActorUsername, ActorID: r.ActorID, At: r.At.UTC()}
}

// Add enters a non-working day, audits it and moves the due day of every
// live claim whose stage it now lengthens, in one transaction.
func (s *Service) Add(ctx context.Context, actor domain.Actor, in DayInput) (Change, error) {
	if !CanChange(actor.Role) {
		return Change{}, domain.ErrForbidden
	}
	day, reason, err := in.validate()
	if err != nil {
		return Change{}, err
	}
	var out Change
	err = s.change(ctx, day.Date, func(tx *gorm.DB, now time.Time) error {
		var n int64
		if err := tx.Model(&dayRow{}).Where("day = ?", day.Date.Time()).Count(&n).Error; err != nil {
			return fmt.Errorf("find day: %w", err)
		}
		if n > 0 {
			errs := domain.FieldErrors{}
			errs.Add("date", ViolationDayAlreadyListed)
			return errs.Err()
		}
		row := dayRow{Day: day.Date.Time(), Kind: string(day.Kind), Name: day.Name,
			CreatedBy: userID(actor), CreatedByUsername: actor.Username, CreatedAt: now}
		if err := tx.Create(&row).Error; err != nil {
			if database.IsUniqueViolation(err) {
				errs := domain.FieldErrors{}
				errs.Add("date", ViolationDayAlreadyListed)
				return errs.Err()
			}
			return fmt.Errorf("add day: %w", err)
		}
		c, err := audit(tx, actor, "add", day, reason, now)
		out = c
		return err
	}, &out.Restaged)
	return out, err
}

// Remove deletes a non-working day (it becomes a working day again, if a
// weekday), audits it with the admin's reason and moves the due days it
// shortens, in one transaction.
func (s *Service) Remove(ctx context.Context, actor domain.Actor, date, reason string) (Change, error) {
	if !CanChange(actor.Role) {
		return Change{}, domain.ErrForbidden
	}
	errs := domain.FieldErrors{}
	d, code := ParseDay(date)
	if code != "" {
		errs.Add("date", code)
	}
	why, code := reasonOf(reason, true)
	if code != "" {
		errs.Add("reason", code)
	}
	if err := errs.Err(); err != nil {
		return Change{}, err
	}
	var out Change
	err := s.change(ctx, d, func(tx *gorm.DB, now time.Time) error {
		var row dayRow
		err := tx.Where("day = ?", d.Time()).Take(&row).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return fmt.Errorf("non-working day %s: %w", d, domain.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("find day: %w", err)
		}
		if err := tx.Where("day = ?", d.Time()).Delete(&dayRow{}).Error; err != nil {
			return fmt.Errorf("remove day: %w", err)
		}
		c, err := audit(tx, actor, "remove", row.day(), why, now)
		out = c
		return err
	}, &out.Restaged)
	return out, err
}

// change runs one calendar change: it locks the claims the change may
// move (by id, as every writer locks claims), then the calendar's version
// row (bumping it, which also tells every server's cache), writes the day
// through fn, and recomputes the due days from the new calendar. The order
// (claims, then the version row) is the one a transition takes (its claim,
// then the version under a share lock in the hook), so they never wait on
// each other in a cycle.
func (s *Service) change(ctx context.Context, day domain.Date, fn func(tx *gorm.DB, now time.Time) error, restaged *int) error {
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := workflow.LockStaged(tx, day); err != nil {
			return err
		}
		if err := tx.Exec("UPDATE calendar_state SET version = version + 1 WHERE id = 1").Error; err != nil {
			return fmt.Errorf("calendar version: %w", err)
		}
		if err := fn(tx, s.opts.Now().UTC()); err != nil {
			return err
		}
		days, err := loadDays(tx, 0)
		if err != nil {
			return err
		}
		cal := domain.NewCalendar(days)
		n, err := workflow.Restage(tx, day, func(st domain.Status, started time.Time) (domain.Date, bool) {
			stage, ok := domain.StageOf(st)
			if !ok {
				return domain.Date{}, false
			}
			return s.dueOn(cal, stage, started), true
		})
		*restaged = n
		return err
	})
}

func audit(tx *gorm.DB, actor domain.Actor, change string, d domain.NonWorkingDay, reason string, now time.Time) (Change, error) {
	r := changeRow{Day: d.Date.Time(), Change: change, Kind: string(d.Kind), Name: d.Name, Reason: reason,
		ActorID: userID(actor), ActorUsername: actor.Username, At: now}
	if err := tx.Create(&r).Error; err != nil {
		return Change{}, fmt.Errorf("audit calendar change: %w", err)
	}
	return r.change(), nil
}

func userID(a domain.Actor) *int64 {
	if a.UserID == 0 {
		return nil
	}
	id := a.UserID
	return &id
}

// Year lists the non-working days of year, in date order, with who
// entered them.
func (s *Service) Year(ctx context.Context, year int) ([]Entry, error) {
	if year < FirstYear || year > LastYear {
		errs := domain.FieldErrors{}
		errs.Add("year", ViolationYearOutOfRange)
		return nil, errs.Err()
	}
	from := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	var rows []dayRow
	err := s.db.Read.WithContext(ctx).Where("day >= ? AND day < ?", from, from.AddDate(1, 0, 0)).
		Order("day").Find(&rows).Error
	if err != nil {
		return nil, database.Classify(fmt.Errorf("non-working days of %d: %w", year, err))
	}
	out := make([]Entry, 0, len(rows))
	for _, r := range rows {
		out = append(out, Entry{NonWorkingDay: r.day(), CreatedBy: r.CreatedByUsername, CreatedAt: r.CreatedAt.UTC()})
	}
	return out, nil
}

// Changes lists the audit of the days of year, newest first.
func (s *Service) Changes(ctx context.Context, year int) ([]Change, error) {
	if year < FirstYear || year > LastYear {
		errs := domain.FieldErrors{}
		errs.Add("year", ViolationYearOutOfRange)
		return nil, errs.Err()
	}
	from := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	var rows []changeRow
	err := s.db.Read.WithContext(ctx).Where("day >= ? AND day < ?", from, from.AddDate(1, 0, 0)).
		Order("id DESC").Limit(500).Find(&rows).Error
	if err != nil {
		return nil, database.Classify(fmt.Errorf("calendar changes of %d: %w", year, err))
	}
	out := make([]Change, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.change())
	}
	return out, nil
}

// MissingYears are the years the calendar should cover by now but has no
// non-working day for: the current year, and from 1 October the next, so
// that the admin enters next year's SKB before it starts.
func (s *Service) MissingYears(ctx context.Context) ([]int, error) {
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	return Missing(cal, s.Today()), nil
}

// Missing are the years cal should cover on today and does not.
func Missing(cal domain.Calendar, today domain.Date) []int {
	years := []int{today.Year}
	if today.Month >= time.October {
		years = append(years, today.Year+1)
	}
	var out []int
	for _, y := range years {
		if !cal.Covers(y) {
			out = append(out, y)
		}
	}
	return out
}

// Backfill gives the claims in a stage that have no due day (filed before
// the calendar existed) their due day, taking their last change as the
// stage's start. serve runs it at start; it does nothing once done.
func (s *Service) Backfill(ctx context.Context) (int, error) {
	n := 0
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		cal, err := s.calendarOn(tx, true)
		if err != nil {
			return err
		}
		n, err = workflow.BackfillStages(tx, func(st domain.Status, started time.Time) (domain.Date, bool) {
			stage, ok := domain.StageOf(st)
			if !ok {
				return domain.Date{}, false
			}
			return s.dueOn(cal, stage, started), true
		})
		return err
	})
	return n, err
}
