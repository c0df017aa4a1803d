package complaints

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/database"
	"santunan/domain"
	"santunan/paging"
)

func (s *Service) read(ctx context.Context) *gorm.DB { return s.db.Read.WithContext(ctx) }

// Get returns complaint id as viewer may see it (View), with its evidence
// (listed only to those who read the content). A role that reads no
// complaints is forbidden; a complaint the viewer may not see is not found.
func (s *Service) Get(ctx context.Context, viewer domain.Actor, id int64) (Complaint, []Evidence, error) {
	if !CanRead(viewer.Role) {
		return Complaint{}, nil, fmt.Errorf("role %s reads no complaints: %w", viewer.Role, domain.ErrForbidden)
	}
	c, err := loadWhere(s.read(ctx), "id = ?", id)
	if err != nil {
		return Complaint{}, nil, database.Classify(err)
	}
	if !CanSee(viewer.Role, c) {
		return Complaint{}, nil, fmt.Errorf("complaint %d: %w", id, domain.ErrNotFound)
	}
	var evidence []Evidence
	if SeesContent(viewer.Role, c) {
		if evidence, err = s.evidenceOf(ctx, id); err != nil {
			return Complaint{}, nil, err
		}
	}
	return View(viewer.Role, c), evidence, nil
}

func (s *Service) evidenceOf(ctx context.Context, id int64) ([]Evidence, error) {
	var rows []evidenceRow
	if err := s.read(ctx).Where("complaint_id = ?", id).Order("id").Find(&rows).Error; err != nil {
		return nil, database.Classify(fmt.Errorf("complaint evidence: %w", err))
	}
	out := make([]Evidence, len(rows))
	for i, r := range rows {
		out[i] = r.evidence()
	}
	return out, nil
}

// EvidenceContent returns one evidence file's bytes, to a viewer who reads
// the complaint's content.
func (s *Service) EvidenceContent(ctx context.Context, viewer domain.Actor, complaintID, evidenceID int64) (Evidence, []byte, error) {
	c, evidence, err := s.Get(ctx, viewer, complaintID)
	if err != nil {
		return Evidence{}, nil, err
	}
	if !SeesContent(viewer.Role, c) {
		return Evidence{}, nil, fmt.Errorf("complaint %d evidence: %w", complaintID, domain.ErrForbidden)
	}
	for _, e := range evidence {
		if e.ID == evidenceID {
			data, err := s.opts.Blobs.Get(ctx, e.SHA256)
			return e, data, err
		}
	}
	return Evidence{}, nil, fmt.Errorf("evidence %d: %w", evidenceID, domain.ErrNotFound)
}

// Events returns complaint id's trail as viewer may see it (ViewEvents).
func (s *Service) Events(ctx context.Context, viewer domain.Actor, id int64) ([]Event, error) {
	if !CanRead(viewer.Role) {
		return nil, fmt.Errorf("role %s reads no complaints: %w", viewer.Role, domain.ErrForbidden)
	}
	c, err := loadWhere(s.read(ctx), "id = ?", id)
	if err != nil {
		return nil, database.Classify(err)
	}
	if !CanSee(viewer.Role, c) {
		return nil, fmt.Errorf("complaint %d: %w", id, domain.ErrNotFound)
	}
	events, err := eventsOf(s.read(ctx), []int64{id})
	if err != nil {
		return nil, database.Classify(err)
	}
	return ViewEvents(viewer.Role, c, events), nil
}

// Tracking is what the public sees of a complaint by its code: where it
// stands, its dates and deadline, the office's answer or where to go
// instead, and what the complainant may do now. Never the text, the
// identity or the evidence: the code may be read over someone's shoulder.
type Tracking struct {
	Code            string                   `json:"code"`
	Status          domain.ComplaintStatus   `json:"status"`
	Category        domain.ComplaintCategory `json:"category"`
	Identity        domain.ComplaintIdentity `json:"identity"`
	Confidential    bool                     `json:"confidential"`
	Unit            domain.Unit              `json:"unit,omitempty"`
	Answer          string                   `json:"answer,omitempty"`
	DeclineRedirect string                   `json:"decline_redirect,omitempty"`
	CreatedAt       time.Time                `json:"created_at"`
	AnsweredAt      *time.Time               `json:"answered_at,omitempty"`
	ClosedAt        *time.Time               `json:"closed_at,omitempty"`
	DueOn           *domain.Date             `json:"due_on,omitempty"`
	// ReopenUntil is the last day a closed complaint may be reopened.
	ReopenUntil *domain.Date `json:"reopen_until,omitempty"`
	// Actions are what the complainant may do now: confirm, dispute, reopen.
	Actions []domain.ComplaintAction `json:"actions"`
	Events  []TrackEvent             `json:"events"`
}

// TrackEvent is one step as the public sees it.
type TrackEvent struct {
	Action domain.ComplaintAction `json:"action"`
	Status domain.ComplaintStatus `json:"status"`
	At     time.Time              `json:"at"`
}

// Track returns the public view of the complaint with code (any form
// ParseCode reads). An unknown code is not found.
func (s *Service) Track(ctx context.Context, code string) (Tracking, error) {
	if v := domain.TextViolation(code); v != "" {
		return Tracking{}, domain.FieldError("code", v)
	}
	canonical, ok := ParseCode(code)
	if !ok {
		return Tracking{}, fmt.Errorf("complaint code: %w", domain.ErrNotFound)
	}
	c, err := loadWhere(s.read(ctx), "code = ?", canonical)
	if err != nil {
		return Tracking{}, database.Classify(err)
	}
	events, err := eventsOf(s.read(ctx), []int64{c.ID})
	if err != nil {
		return Tracking{}, database.Classify(err)
	}
	t := Tracking{Code: c.Code, Status: c.Status, Category: c.Category, Identity: c.Identity,
		Confidential: c.Confidential, Unit: c.Unit, Answer: c.Answer, DeclineRedirect: c.DeclineRedirect,
		CreatedAt: c.CreatedAt, AnsweredAt: c.AnsweredAt, ClosedAt: c.ClosedAt, DueOn: c.DueOn,
		Actions: []domain.ComplaintAction{}, Events: []TrackEvent{}}
	for _, ev := range events {
		if ev.Action == domain.ComplaintActionEscalate {
			continue
		}
		t.Events = append(t.Events, TrackEvent{Action: ev.Action, Status: ev.ToStatus, At: ev.At})
	}
	switch c.Status {
	case domain.ComplaintAnswered:
		t.Actions = append(t.Actions, domain.ComplaintActionConfirm, domain.ComplaintActionDispute)
	case domain.ComplaintClosed:
		if c.ClosedAt != nil && c.Unit != "" {
			cal, err := s.calendar(ctx)
			if err != nil {
				return Tracking{}, err
			}
			until := cal.AddWorkingDays(domain.DateOf(c.ClosedAt.In(s.opts.Location)), s.Deadlines(c.Category).ReopenDays)
			t.ReopenUntil = &until
			if !s.Today().After(until) {
				t.Actions = append(t.Actions, domain.ComplaintActionReopen)
			}
		}
	}
	return t, nil
}

// ListQuery filters the staff list. Zero values filter nothing.
type ListQuery struct {
	Status    domain.ComplaintStatus
	Category  domain.ComplaintCategory
	Unit      domain.Unit
	Escalated bool
	// Overdue: only complaints whose office deadline passed.
	Overdue bool
	Limit   int
	Cursor  string
}

// Page is one page of the list; Next continues it ("" at the end).
type Page struct {
	Items []Complaint `json:"items"`
	Next  string      `json:"next_cursor"`
}

// ListLimits are the list's page sizes.
var ListLimits = paging.Limits{Default: 50, Max: 200}

// farDue sorts complaints without a deadline after every dated one.
var farDue = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// listCursor is the keyset of the list's order: escalated first (for the
// head of office), then the earliest deadline (overdue first), then id.
type listCursor struct {
	rank int
	due  time.Time
	id   int64
}

func (c listCursor) encode() string {
	raw := fmt.Sprintf("c:%d:%s:%d", c.rank, c.due.Format("2006-01-02"), c.id)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

func decodeListCursor(s string) (listCursor, bool) {
	if s == "" {
		return listCursor{}, true
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return listCursor{}, false
	}
	parts := strings.Split(string(raw), ":")
	if len(parts) != 4 || parts[0] != "c" {
		return listCursor{}, false
	}
	rank, err1 := strconv.Atoi(parts[1])
	due, err2 := time.Parse("2006-01-02", parts[2])
	id, err3 := strconv.ParseInt(parts[3], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || rank < 0 || rank > 1 || id < 1 {
		return listCursor{}, false
	}
	return listCursor{rank: rank, due: due, id: id}, true
}

// List returns a page of the complaints viewer may see: unit staff only
// their office's, the head of office escalated ones first; overdue (the
// earliest deadline) first, keyset paged.
func (s *Service) List(ctx context.Context, viewer domain.Actor, q ListQuery) (Page, error) {
	if !CanRead(viewer.Role) {
		return Page{}, fmt.Errorf("role %s reads no complaints: %w", viewer.Role, domain.ErrForbidden)
	}
	errs := domain.FieldErrors{}
	if q.Status != "" && !q.Status.Valid() {
		errs.Add("status", domain.ViolationInvalidValue)
	}
	if q.Category != "" && !q.Category.Valid() {
		errs.Add("category", domain.ViolationInvalidValue)
	}
	if q.Unit != "" && !q.Unit.Valid() {
		errs.Add("unit", domain.ViolationInvalidValue)
	}
	limit, ok := ListLimits.Size(q.Limit)
	if !ok {
		errs.Add("limit", domain.ViolationInvalidValue)
	}
	cur, ok := decodeListCursor(q.Cursor)
	if !ok {
		errs.Add("cursor", domain.ViolationInvalidValue)
	}
	if len(errs) > 0 {
		return Page{}, errs.Err()
	}
	db := s.read(ctx).Model(&complaintRow{}).Select(complaintColumns)
	if unit, isStaff := domain.UnitOf(viewer.Role); isStaff {
		if q.Unit != "" && q.Unit != unit {
			return Page{Items: []Complaint{}}, nil
		}
		q.Unit = unit
		// The pungli rule: assigned there only when confirmed, so nothing
		// more to hide; kept explicit in case of a reassignment.
		db = db.Where("NOT (category = ? AND named_unit = ? AND pungli_confirmed = ?)",
			string(domain.CategoryExtortion), string(unit), false)
	}
	if q.Status != "" {
		db = db.Where("status = ?", string(q.Status))
	}
	if q.Category != "" {
		db = db.Where("category = ?", string(q.Category))
	}
	if q.Unit != "" {
		db = db.Where("unit = ?", string(q.Unit))
	}
	if q.Escalated {
		db = db.Where("escalated_at IS NOT NULL")
	}
	if q.Overdue {
		db = db.Where("status IN ? AND due_on < ?", officeSteps, dateParam(db, s.Today().Time()))
	}
	// The rank puts escalated complaints first for the head of office;
	// for every other role it is the same for all (and not an ORDER BY
	// column number).
	head := viewer.Role == domain.RoleOfficeHead
	rank := "(CASE WHEN escalated_at IS NULL THEN 1 ELSE 0 END)"
	var rows []complaintRow
	var err error
	if head {
		// The head of office's order (escalated first) is an expression;
		// few read it, and never a million at a time.
		due := "COALESCE(due_on, ?)"
		far, at := dateParam(db, farDue), dateParam(db, cur.due)
		if q.Cursor != "" {
			db = db.Where("(("+rank+" > ?) OR ("+rank+" = ? AND "+due+" > ?) OR ("+rank+" = ? AND "+due+" = ? AND id > ?))",
				cur.rank, cur.rank, far, at, cur.rank, far, at, cur.id)
		}
		order := clause.OrderBy{Expression: clause.Expr{SQL: rank + ", " + due + ", id", Vars: []any{far}, WithoutParentheses: true}}
		err = db.Order(order).Limit(limit + 1).Find(&rows).Error
	} else {
		// due_on then id, undated last: the order of the (status, due_on,
		// id) and (due_on, id) indexes on PostgreSQL.
		switch {
		case q.Cursor != "" && cur.due.Equal(farDue):
			db = db.Where("due_on IS NULL AND id > ?", cur.id)
		case q.Cursor != "":
			at := dateParam(db, cur.due)
			db = db.Where("(due_on > ? OR (due_on = ? AND id > ?) OR due_on IS NULL)", at, at, cur.id)
		}
		err = db.Order("due_on ASC NULLS LAST, id ASC").Limit(limit + 1).Find(&rows).Error
	}
	if err != nil {
		return Page{}, database.Classify(fmt.Errorf("list complaints: %w", err))
	}
	page := Page{Items: []Complaint{}}
	for i, r := range rows {
		if i == limit {
			last := rows[limit-1].complaint()
			c := listCursor{id: last.ID, due: farDue}
			if last.DueOn != nil {
				c.due = last.DueOn.Time()
			}
			if viewer.Role == domain.RoleOfficeHead && last.EscalatedAt == nil {
				c.rank = 1
			}
			page.Next = c.encode()
			break
		}
		page.Items = append(page.Items, View(viewer.Role, r.complaint()))
	}
	return page, nil
}

// officeSteps are the statuses with an office deadline.
var officeSteps = []string{string(domain.ComplaintReceived), string(domain.ComplaintVerified), string(domain.ComplaintAssigned)}

// ForClaim lists the complaints tied to claim id, for the claim's readers:
// never a complainant's identity, and the pungli rule applied.
func (s *Service) ForClaim(ctx context.Context, viewer domain.Actor, claimID int64) ([]Complaint, error) {
	if !CanReadForClaim(viewer.Role) {
		return nil, fmt.Errorf("role %s reads no claim's complaints: %w", viewer.Role, domain.ErrForbidden)
	}
	var rows []complaintRow
	err := s.read(ctx).Select(complaintColumns).Where("claim_id = ?", claimID).Order("id").Limit(200).Find(&rows).Error
	if err != nil {
		return nil, database.Classify(fmt.Errorf("complaints of claim %d: %w", claimID, err))
	}
	out := []Complaint{}
	for _, r := range rows {
		if c, ok := forClaimView(viewer.Role, r.complaint()); ok {
			out = append(out, c)
		}
	}
	return out, nil
}

// dateParam is a day as a query parameter compared with a DATE column:
// PostgreSQL compares a date with a date (a timestamp would be cast in the
// session's time zone); SQLite compares the text gorm stored for the
// column's time.Time.
func dateParam(db *gorm.DB, day time.Time) any {
	if db.Dialector.Name() == "postgres" {
		return day.Format("2006-01-02")
	}
	return time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
}
