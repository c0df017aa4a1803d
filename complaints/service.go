package complaints

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/database"
	"santunan/documents"
	"santunan/domain"
	"santunan/notify"
	"santunan/workflow"
)

// Calendar is the working-day calendar (workdays.Service provides it).
type Calendar interface {
	Calendar(ctx context.Context) (domain.Calendar, error)
}

// PhoneSessions are the one-time-code checks of the heirs' forms
// (applications.Service): a complaint's phone is one verified for the
// purpose "complaint", and filing ends the session.
type PhoneSessions interface {
	ConsumeComplaintSession(tx *gorm.DB, token string, at time.Time) (string, error)
}

// Messenger queues a message in the caller's transaction (notify.Service).
type Messenger interface {
	EnqueueDirect(tx *gorm.DB, m notify.Direct) error
}

// Options are the service's rules and collaborators.
type Options struct {
	// Now is the clock (the sweep's and every step's); nil means time.Now.
	Now func() time.Time
	// Location decides "today" for working days; nil means Asia/Jakarta.
	Location *time.Location
	// Deadlines per category (config.Config.Standard.Complaints); a
	// category missing takes domain.DefaultComplaintDeadlines.
	Deadlines map[domain.ComplaintCategory]domain.ComplaintDeadlines
	Calendar  Calendar
	Phones    PhoneSessions
	Messages  Messenger
	// Blobs keeps evidence bytes (documents' store, by SHA-256).
	Blobs documents.BlobStore
	// MaxEvidenceBytes bounds one evidence file; MaxEvidenceFiles their number.
	MaxEvidenceBytes int64
	MaxEvidenceFiles int
	// Areas and RegencyCode check a named desa.
	Areas       domain.Areas
	RegencyCode string
	// PublicURL is the site's origin, for the tracking link in messages.
	PublicURL string
	// NewCode makes tracking codes; tests may replace it.
	NewCode func() (string, error)
	// Lapor is SP4N-LAPOR!'s integration API; nil is off (the default).
	Lapor LaporClient
}

// Service files, tracks and moves complaints. Every step is one
// transaction: the row locked, checked against the table and the policy,
// swapped on its version, its event appended to the chain and the
// complainant's message queued.
type Service struct {
	db     *database.DB
	engine *workflow.Engine
	opts   Options
}

// New returns the service on db; engine gives the transactions (and the
// tie to claims: Identify).
func New(db *database.DB, engine *workflow.Engine, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Location == nil {
		opts.Location = domain.Jakarta()
	}
	if opts.NewCode == nil {
		opts.NewCode = NewCode
	}
	if opts.MaxEvidenceBytes <= 0 {
		opts.MaxEvidenceBytes = 10 << 20
	}
	if opts.MaxEvidenceFiles <= 0 {
		opts.MaxEvidenceFiles = 3
	}
	return &Service{db: db, engine: engine, opts: opts}
}

func (s *Service) now() time.Time { return s.opts.Now().UTC().Truncate(time.Microsecond) }

// Today is the service's date in the office's time zone.
func (s *Service) Today() domain.Date { return domain.DateOf(s.opts.Now().In(s.opts.Location)) }

// MaxEvidenceBytes is the size limit of one evidence file.
func (s *Service) MaxEvidenceBytes() int64 { return s.opts.MaxEvidenceBytes }

// Deadlines are the deadlines of category.
func (s *Service) Deadlines(c domain.ComplaintCategory) domain.ComplaintDeadlines {
	if d, ok := s.opts.Deadlines[c]; ok {
		return d
	}
	return domain.DefaultComplaintDeadlines
}

func (s *Service) calendar(ctx context.Context) (domain.Calendar, error) {
	if s.opts.Calendar == nil {
		return domain.NewCalendar(nil), nil
	}
	cal, err := s.opts.Calendar.Calendar(ctx)
	if err != nil {
		return domain.Calendar{}, fmt.Errorf("complaints: calendar: %w", err)
	}
	return cal, nil
}

// dueOn is the deadline of the step a complaint in status waits in, from
// the day it entered it: the office's deadline while received, verified or
// assigned, the automatic closing day while answered, none otherwise.
func (s *Service) dueOn(cal domain.Calendar, c Complaint, day domain.Date) *domain.Date {
	d := s.Deadlines(c.Category)
	var n int
	switch c.Status {
	case domain.ComplaintReceived:
		n = d.VerifyDays
	case domain.ComplaintVerified, domain.ComplaintAssigned:
		n = d.FollowUpDays
	case domain.ComplaintAnswered:
		n = d.AutoCloseDays
	default:
		return nil
	}
	due := cal.AddWorkingDays(day, n)
	return &due
}

func forUpdate(db *gorm.DB) *gorm.DB {
	if db.Dialector.Name() == "postgres" {
		return db.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	return db
}

// lockByID reads a complaint in a write transaction, holding its row lock.
func lockByID(tx *gorm.DB, id int64) (Complaint, error) {
	return loadWhere(forUpdate(tx), "id = ?", id)
}

func loadWhere(db *gorm.DB, cond string, arg any) (Complaint, error) {
	var r complaintRow
	err := db.Select(complaintColumns).Where(cond, arg).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Complaint{}, fmt.Errorf("complaint: %w", domain.ErrNotFound)
	}
	if err != nil {
		return Complaint{}, fmt.Errorf("load complaint: %w", err)
	}
	return r.complaint(), nil
}

// compareAndSwap writes c if its version is still old; no row is a conflict.
func compareAndSwap(tx *gorm.DB, c Complaint, old int) error {
	r := rowOf(c)
	res := tx.Model(&r).Where("version = ?", old).Select("*").Omit("id", "code", "created_at").Updates(&r)
	if res.Error != nil {
		return fmt.Errorf("update complaint %d: %w", c.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return &domain.VersionConflictError{Current: -1}
	}
	return nil
}

// change is what a step does to a complaint beyond its status: set
// fields, refuse by a rule that needs the row. It runs with the row locked.
type change func(tx *workflow.Tx, before Complaint, after *Complaint) error

// step takes action on the complaint found by find (locked), as actor.
func (s *Service) step(ctx context.Context, actor domain.Actor, action domain.ComplaintAction, version *int,
	reason string, find func(tx *gorm.DB) (Complaint, error), ch change) (Complaint, error) {
	cal, err := s.calendar(ctx)
	if err != nil {
		return Complaint{}, err
	}
	var out Complaint
	err = s.engine.InTx(ctx, func(tx *workflow.Tx) error {
		before, err := find(tx.DB())
		if err != nil {
			return err
		}
		// Who may act comes first: a role that may not act learns nothing
		// of the complaint's version.
		t, err := check(actor.Role, action, before)
		if err != nil {
			return err
		}
		if version != nil && *version != before.Version {
			return &domain.VersionConflictError{Current: before.Version}
		}
		after := before
		now := s.now()
		after.Status = t.target(before.Status)
		if ch != nil {
			if err := ch(tx, before, &after); err != nil {
				return err
			}
		}
		// A reassignment keeps the follow-up deadline of the assignment it
		// corrects: passing a complaint on must not reset its clock and so
		// keep it from the head of office.
		reassigned := action == domain.ComplaintActionAssign && before.Status == domain.ComplaintAssigned
		if t.To != "" && !reassigned {
			after.DueOn = s.dueOn(cal, after, domain.DateOf(now.In(s.opts.Location)))
		}
		out, err = s.write(tx.DB(), actor, action, reason, before, after, now)
		return err
	})
	if err != nil {
		var conflict *domain.VersionConflictError
		if errors.As(err, &conflict) && conflict.Current < 0 {
			conflict.Current = s.currentVersion(ctx, find)
		}
		return Complaint{}, err
	}
	return out, nil
}

func (s *Service) currentVersion(ctx context.Context, find func(tx *gorm.DB) (Complaint, error)) int {
	c, err := find(s.db.Read.WithContext(ctx))
	if err != nil {
		return 0
	}
	return c.Version
}

// write swaps the row's version, appends the event and queues the
// complainant's message, in the caller's transaction.
func (s *Service) write(tx *gorm.DB, actor domain.Actor, action domain.ComplaintAction, reason string,
	before, after Complaint, now time.Time) (Complaint, error) {
	after.Version, after.UpdatedAt = before.Version+1, now
	if err := compareAndSwap(tx, after, before.Version); err != nil {
		return Complaint{}, err
	}
	ev := Event{ComplaintID: after.ID, Seq: after.Version, Action: action, FromStatus: before.Status,
		ToStatus: after.Status, Reason: reason, Changes: diff(before, after), At: now}
	setActor(&ev, actor)
	if err := appendEvent(tx, &ev); err != nil {
		return Complaint{}, err
	}
	if err := s.message(tx, after, ev); err != nil {
		return Complaint{}, err
	}
	return after, nil
}

func setActor(ev *Event, a domain.Actor) {
	ev.ActorID, ev.ActorUsername, ev.ActorRole = a.UserID, a.Username, a.Role
	if ev.ActorUsername == "" {
		ev.ActorUsername = string(a.Role)
	}
}

// complainant is the public actor of the complainant's steps.
var complainant = domain.Actor{Role: RoleComplainant, Username: string(RoleComplainant)}

// system is the sweep's actor.
var system = domain.Actor{Role: RoleSystem, Username: string(RoleSystem)}
