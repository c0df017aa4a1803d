package reports

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/areas"
	"santunan/database"
	"santunan/domain"
)

// Calendar is the working-day calendar (workdays.Service has it).
type Calendar interface {
	Calendar(ctx context.Context) (domain.Calendar, error)
}

// SurveyIndex answers the SKM index of a period [from, to) (the survey
// capability has it; wiring adapts it).
type SurveyIndex interface {
	Index(ctx context.Context, from, to time.Time) (Survey, error)
}

// SurveyFunc is a function as a SurveyIndex.
type SurveyFunc func(ctx context.Context, from, to time.Time) (Survey, error)

// Index calls f.
func (f SurveyFunc) Index(ctx context.Context, from, to time.Time) (Survey, error) {
	return f(ctx, from, to)
}

// Options configure the reports.
type Options struct {
	Calendar    Calendar
	Standard    domain.ServiceStandard
	Areas       *areas.Directory
	RegencyCode string
	// Survey is the SKM index; nil leaves the section out.
	Survey SurveyIndex
	// Complaints counts the complaints table; false leaves the section out
	// (and so does a role that does not see every complaint, SeesComplaints).
	Complaints bool
	// Overdue counts claims past their stage_due_on; false counts none.
	Overdue bool
	Now     func() time.Time
}

// Service computes the reports.
type Service struct {
	db   *database.DB
	opts Options
	kecs []Kecamatan
}

// New returns the reports service.
func New(db *database.DB, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Service{db: db, opts: opts, kecs: kecamatansOf(opts.Areas, opts.RegencyCode)}
}

// kecamatansOf lists the regency's kecamatan in the directory's order (by
// name).
func kecamatansOf(dir *areas.Directory, regency string) []Kecamatan {
	if dir == nil {
		return nil
	}
	var out []Kecamatan
	seen := map[string]bool{}
	for _, v := range dir.Villages(regency) {
		if !seen[v.KecamatanCode] {
			seen[v.KecamatanCode] = true
			out = append(out, Kecamatan{Code: v.KecamatanCode, Name: v.KecamatanName})
		}
	}
	return out
}

// Kecamatans lists the regency's kecamatan, for a picker.
func (s *Service) Kecamatans() []Kecamatan { return append([]Kecamatan(nil), s.kecs...) }

// Standard is the service standard the reports measure against.
func (s *Service) Standard() domain.ServiceStandard { return s.opts.Standard }

// Today is the current day in Asia/Jakarta.
func (s *Service) Today() domain.Date { return domain.DateOf(s.opts.Now().In(domain.Jakarta())) }

// Monthly is the report of one month.
func (s *Service) Monthly(ctx context.Context, actor domain.Actor, q Query) (Report, error) {
	if q.Month == 0 {
		return Report{}, domain.FieldError(FieldMonth, domain.ViolationRequired)
	}
	return s.report(ctx, actor, q)
}

// Yearly is the report of one year, with its months.
func (s *Service) Yearly(ctx context.Context, actor domain.Actor, q Query) (Report, error) {
	q.Month = 0
	return s.report(ctx, actor, q)
}

func (s *Service) report(ctx context.Context, actor domain.Actor, q Query) (Report, error) {
	if !CanRead(actor.Role) {
		return Report{}, fmt.Errorf("role %s may not read the reports: %w", actor.Role, domain.ErrForbidden)
	}
	if err := s.check(q); err != nil {
		return Report{}, err
	}
	cal, err := s.opts.Calendar.Calendar(ctx)
	if err != nil {
		return Report{}, fmt.Errorf("reports: calendar: %w", err)
	}
	loc := domain.Jakarta()
	from := time.Date(q.Year, time.Month(max(q.Month, 1)), 1, 0, 0, 0, 0, loc)
	to := from.AddDate(1, 0, 0)
	if q.Month > 0 {
		to = from.AddDate(0, 1, 0)
	}
	std := s.opts.Standard
	r := Report{Year: q.Year, Month: q.Month, From: domain.DateOf(from), To: domain.DateOf(to.AddDate(0, 0, -1)),
		Today: s.Today(), Standard: Standard{StageDays: std.StageDays, EndToEndDays: std.EndToEndDays, TargetDays: std.TargetDays}}
	if q.Kecamatan != "" {
		r.Kecamatan = &Kecamatan{Code: q.Kecamatan, Name: s.opts.Areas.KecamatanName(q.Kecamatan)}
	}
	p := period{from: from.UTC(), to: to.UTC(), monthly: q.Month > 0}
	acc := newAccumulator(cal, std, p)
	var now []nowRow
	var comp []complaintRow
	escalated := 0
	withComplaints := s.opts.Complaints && SeesComplaints(actor.Role)
	err = s.db.ReadTx(ctx, func(tx *gorm.DB) error {
		events, err := monthEvents(tx, p, q.Kecamatan)
		if err != nil {
			return err
		}
		acc.addAll(events, q.Kecamatan)
		if now, err = claimsNow(tx, r.Today, q.Kecamatan, s.opts.Overdue); err != nil {
			return err
		}
		if withComplaints {
			if comp, err = periodComplaints(tx, p, q.Kecamatan); err != nil {
				return err
			}
			if escalated, err = openEscalated(tx, q.Kecamatan); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Report{}, database.Classify(err)
	}
	acc.fill(&r, s.scope(q.Kecamatan), now)
	if withComplaints {
		c := complaintFigures(comp, cal, std, p)
		c.OpenEscalated = escalated
		r.Complaints = &c
	}
	if s.opts.Survey != nil {
		sv, err := s.opts.Survey.Index(ctx, p.from, p.to)
		if err != nil {
			return Report{}, fmt.Errorf("reports: survey: %w", err)
		}
		if sv.Elements == nil {
			sv.Elements = []SurveyElement{}
		}
		r.Survey = &sv
	}
	return r, nil
}

// scope is the kecamatan a report splits into: all of the regency's, or
// the one chosen.
func (s *Service) scope(kecamatan string) []Kecamatan {
	if kecamatan == "" {
		return s.kecs
	}
	for _, k := range s.kecs {
		if k.Code == kecamatan {
			return []Kecamatan{k}
		}
	}
	return nil
}

// period is a report's span [from, to) in UTC; monthly when it is one month
// (else a year of months).
type period struct {
	from, to time.Time
	monthly  bool
}

func (p period) has(t time.Time) bool { return !t.Before(p.from) && t.Before(p.to) }
