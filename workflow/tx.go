package workflow

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// Tx is one transaction of the engine. Actions taken through it, and the
// rows a capability (payments, documents) writes through DB, commit or roll
// back together: nothing exists unless the transaction commits.
type Tx struct {
	e  *Engine
	db *gorm.DB
	// guarded is the action whose guards are running, nil otherwise.
	guarded *guardedAction
	// taken are the actions Apply took or refused, reported to the
	// observer when the transaction ends (observe.go).
	taken []taken
	// staged are the stages event hooks set (SetStage), by claim.
	staged map[int64]stageMark
}

// guardedAction is what guards may read of the action they guard, and the
// changes they add to its event.
type guardedAction struct {
	input ActionInput
	notes map[string]string
}

// Input is the request of the action whose guards are running (the zero
// input outside a guard), for a guard that needs what the actor sent, such
// as a confirmation.
func (t *Tx) Input() ActionInput {
	if t.guarded == nil {
		return ActionInput{}
	}
	return t.guarded.input
}

// Note sets a field outside the claim row in the event of the action whose
// guards are running, so the trail proves what a guard checked or what the
// actor confirmed (e.g. "death_register.match"). The change's old value is
// the field's last value in the trail, so the trail still replays. A claim
// field cannot be noted (only the action changes those), and outside a
// guard Note reports an error and records nothing.
func (t *Tx) Note(field, value string) error {
	if t.guarded == nil {
		return fmt.Errorf("note %q: only a guard may add to an action's event", field)
	}
	if _, claimField := auditedFields(domain.Claim{})[field]; claimField || field == "" {
		return fmt.Errorf("note %q: not a field a guard may note", field)
	}
	t.guarded.notes[field] = value
	return nil
}

// noteChanges turns a guard's notes into changes from the trail's last values.
func (t *Tx) noteChanges(claimID int64, notes map[string]string) (map[string]domain.Change, error) {
	if len(notes) == 0 {
		return nil, nil
	}
	events, err := eventsOf(t.db, []int64{claimID})
	if err != nil {
		return nil, err
	}
	last, _ := replay(events)
	out := make(map[string]domain.Change, len(notes))
	for field, value := range notes {
		out[field] = domain.Change{Old: last[field], New: value}
	}
	return out, nil
}

// DB is the transaction's handle for a capability's own tables. Use it,
// never another handle, inside the transaction.
func (t *Tx) DB() *gorm.DB { return t.db }

// Now is the engine's clock, for rows written beside the claim's.
func (t *Tx) Now() time.Time { return t.e.now() }

// Claim loads a claim inside the transaction and locks its row until the
// transaction ends (see lock.go): whatever the caller then decides from it
// cannot be overtaken by another transaction.
func (t *Tx) Claim(id int64) (domain.Claim, error) { return lockAndLoadClaim(t.db, id) }

// Guard runs inside the transaction of an action, after the action's own
// checks and changes and before anything is written; an error refuses the
// action. Capabilities use guards for rules that need their own tables,
// such as a budget ceiling or required documents.
type Guard func(tx *Tx, actor domain.Actor, action domain.Action, before, after domain.Claim) error

// InTx runs fn in one transaction. On PostgreSQL the whole of fn is run
// again after a serialization failure or deadlock, so fn must not keep
// state from a failed attempt.
func (e *Engine) InTx(ctx context.Context, fn func(tx *Tx) error) error {
	var last *Tx
	err := e.db.InTx(ctx, func(db *gorm.DB) error {
		last = &Tx{e: e, db: db}
		return fn(last)
	})
	if last != nil {
		last.report(err)
	}
	return err
}

// Apply takes an action on a claim: checks the role and state against the
// table, validates the input, and in one transaction swaps the claim's
// version and appends the audit event.
func (e *Engine) Apply(ctx context.Context, actor domain.Actor, id int64, action domain.Action, in ActionInput) (domain.Claim, error) {
	tr, ok := e.table.Lookup(action)
	if !ok || e.table.Creates(action) {
		return domain.Claim{}, fmt.Errorf("action %q: %w", action, domain.ErrNotFound)
	}
	// A role that may never take the action is refused before anything is
	// read, so the answer does not depend on the claim.
	if _, ok := tr.From[actor.Role]; !ok {
		err := fmt.Errorf("role %s may not %s: %w", actor.Role, action, domain.ErrForbidden)
		e.observe(action, err)
		return domain.Claim{}, err
	}
	if e.reserved(action) {
		err := &domain.ReservedActionError{Action: action}
		e.observe(action, err)
		return domain.Claim{}, err
	}
	var out domain.Claim
	err := e.InTx(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.Apply(actor, id, action, in)
		return err
	})
	if err != nil {
		return domain.Claim{}, e.explain(ctx, id, in, err)
	}
	return out, nil
}

// Apply takes an action inside the transaction (see Engine.Apply).
func (t *Tx) Apply(actor domain.Actor, id int64, action domain.Action, in ActionInput) (domain.Claim, error) {
	c, err := t.apply(actor, id, action, in)
	if _, known := t.e.table.Lookup(action); known && !t.e.table.Creates(action) {
		t.taken = append(t.taken, taken{action: action, err: err})
	}
	return c, err
}

func (t *Tx) apply(actor domain.Actor, id int64, action domain.Action, in ActionInput) (domain.Claim, error) {
	e := t.e
	tr, ok := e.table.Lookup(action)
	if !ok || e.table.Creates(action) {
		return domain.Claim{}, fmt.Errorf("action %q: %w", action, domain.ErrNotFound)
	}
	// The row lock comes before every check and guard: a transaction that
	// waited for it reads the winner's claim and is refused below with
	// invalid_transition or version_conflict, before any guard writes.
	before, err := lockAndLoadClaim(t.db, id)
	if err != nil {
		return domain.Claim{}, err
	}
	if in.Version != nil && *in.Version != before.Version {
		return domain.Claim{}, &domain.VersionConflictError{Current: before.Version}
	}
	if err := e.table.Check(actor.Role, action, before.Status); err != nil {
		return domain.Claim{}, err
	}
	after := before
	after.Warnings = append([]string(nil), before.Warnings...)
	if err := tr.apply(&after, in, e.rules(domain.DateOf(before.CreatedAt.In(e.cfg.Location)))); err != nil {
		return domain.Claim{}, err
	}
	// Any action may carry a reason as a note for the trail; it is checked
	// here for the actions whose apply does not ask for one.
	if code := reasonViolation(in.Reason, false); code != "" {
		return domain.Claim{}, domain.FieldError("reason", code)
	}
	if after.Deceased.NIK != before.Deceased.NIK {
		if err := refuseDuplicate(t.db, after.Deceased.NIK, before.ID); err != nil {
			return domain.Claim{}, err
		}
	}
	after.Status = tr.To
	guarded := &guardedAction{input: in, notes: map[string]string{}}
	t.guarded = guarded
	defer func() { t.guarded = nil }()
	for _, g := range e.cfg.Guards[action] {
		if err := g(t, actor, action, before, after); err != nil {
			return domain.Claim{}, err
		}
	}
	t.guarded = nil
	notes, err := t.noteChanges(id, guarded.notes)
	if err != nil {
		return domain.Claim{}, err
	}
	return t.write(actor, action, strings.TrimSpace(in.Reason), before, after, notes)
}

// Record appends an event that changes no status: something happened to the
// claim that the trail must prove (a document was attached, say). kind must
// not be an action of the transition table, which only Apply may take.
// changes may name fields outside the claim row (e.g. "document.akta_kematian.sha256").
func (t *Tx) Record(actor domain.Actor, id int64, kind domain.Action, reason string, changes map[string]domain.Change) (domain.Claim, error) {
	if _, isAction := t.e.table.Lookup(kind); isAction || kind == "" {
		return domain.Claim{}, fmt.Errorf("record %q: only Apply takes workflow actions", kind)
	}
	before, err := lockAndLoadClaim(t.db, id)
	if err != nil {
		return domain.Claim{}, err
	}
	return t.write(actor, kind, strings.TrimSpace(reason), before, before, changes)
}

// TrailChanges turns new values of fields outside the claim row into the
// changes of an event for Record: each old value is the field's last value
// in the claim's trail, so the trail still replays (as Note's do). A claim
// field is refused, as in Note.
func (t *Tx) TrailChanges(id int64, values map[string]string) (map[string]domain.Change, error) {
	claimFields := auditedFields(domain.Claim{})
	for field := range values {
		if _, claimField := claimFields[field]; claimField || field == "" {
			return nil, fmt.Errorf("trail change %q: a claim field or none", field)
		}
	}
	return t.noteChanges(id, values)
}

// write swaps the claim's version and appends its event, which records the
// claim fields that changed plus any extra changes.
func (t *Tx) write(actor domain.Actor, action domain.Action, reason string, before, after domain.Claim, extra map[string]domain.Change) (domain.Claim, error) {
	now := t.e.now()
	after.Version, after.UpdatedAt = before.Version+1, now
	if err := compareAndSwap(t.db, after, before.Version); err != nil {
		return domain.Claim{}, err
	}
	if _, staged := domain.StageOf(after.Status); !staged {
		after.StageStartedAt, after.StageDue = nil, nil // compareAndSwap cleared them
	}
	ev := domain.Event{ClaimID: after.ID, Seq: after.Version, Action: action, FromStatus: before.Status,
		ToStatus: after.Status, Reason: reason, Changes: diff(before, after), At: now}
	claimFields := auditedFields(domain.Claim{})
	for k, v := range extra {
		// Claim fields are recorded from the claim itself; an extra change
		// naming one would make the trail disagree with the row.
		if _, claimField := claimFields[k]; claimField {
			return domain.Claim{}, fmt.Errorf("event %s: extra change %q names a claim field", action, k)
		}
		ev.Changes[k] = v
	}
	setActor(&ev, actor)
	if err := appendEvent(t.db, &ev); err != nil {
		return domain.Claim{}, err
	}
	if err := t.heard(after, ev); err != nil {
		return domain.Claim{}, err
	}
	return t.withStage(after), nil
}

// explain turns a failed transaction's error into what the caller should
// hear: the version that won a lost race, or the claim that took the
// corrected deceased NIK (the only unique column an action can change).
func (e *Engine) explain(ctx context.Context, id int64, in ActionInput, err error) error {
	var conflict *domain.VersionConflictError
	if errors.As(err, &conflict) && conflict.Current < 0 {
		if cur, getErr := e.Get(ctx, id); getErr == nil {
			conflict.Current = cur.Version
		}
	}
	if database.IsUniqueViolation(err) && in.Deceased != nil {
		if dupErr := refuseDuplicate(e.store.read(ctx), strings.TrimSpace(in.Deceased.NIK), id); dupErr != nil {
			return dupErr
		}
	}
	return err
}
