package workflow

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// Options hold the program's rules that the engine applies.
type Options struct {
	Areas       domain.Areas
	RegencyCode string        // e.g. "3324" for Kabupaten Kendal
	WindowDays  int           // how many days after a death a claim may be filed
	Amount      domain.Rupiah // benefit per claim
	Now         func() time.Time
	Location    *time.Location // where "today" is decided; Asia/Jakarta
	// NewCode makes a public tracking code; tests may replace it.
	NewCode func() (string, error)
	// Guards add rules to actions from capabilities that keep their own
	// tables (budget, documents); see Guard.
	Guards map[domain.Action][]Guard
	// Reserved actions are taken only by a capability inside InTx, never on
	// one claim through Engine.Apply: payments moves claims to disbursing,
	// paid and payment_failed together with its batch rows, so that a claim
	// is disbursing exactly while it has an open batch line. AllowedActions
	// leaves them out, so no page offers them as buttons.
	Reserved []domain.Action
	// Observe hears the outcome of every action taken on a claim (submit
	// included): err is nil when it committed, the refusal otherwise
	// (observe.go). The metrics count them; nil hears nothing.
	Observe func(action domain.Action, err error)
	// OnEvent hears every event of a claim inside the transaction that
	// appends it, after it is written (events.go): a capability records
	// there what the event causes outside the database, such as the heir's
	// message, so that it exists exactly when the event commits.
	OnEvent []EventHook
	// TrackingGuard locks a claim code after too many wrong heir NIKs
	// (track_guard.go); the zero value takes its defaults.
	TrackingGuard TrackingGuard
}

// Engine applies the transition table to claims, each action in one
// transaction that also appends a hash-chained audit event.
type Engine struct {
	db    *database.DB
	store store
	table Table
	cfg   Options
	// guesses counts wrong heir NIKs per code for Identify.
	guesses *guesses
}

// New returns an engine with the default transition table.
func New(db *database.DB, cfg Options) *Engine {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = domain.Jakarta()
	}
	if cfg.NewCode == nil {
		cfg.NewCode = NewClaimCode
	}
	if cfg.Amount <= 0 {
		cfg.Amount = domain.DefaultBenefit
	}
	cfg.TrackingGuard = cfg.TrackingGuard.withDefaults()
	return &Engine{db: db, store: store{db: db}, table: DefaultTable(), cfg: cfg,
		guesses: &guesses{db: db, guard: cfg.TrackingGuard}}
}

// Table returns the transition table the engine applies.
func (e *Engine) Table() Table { return e.table }

// AllowedActions lists what role may do now with a claim in status.
func (e *Engine) AllowedActions(role domain.Role, status domain.Status) []domain.Action {
	allowed := e.table.Allowed(role, status)
	if len(e.cfg.Reserved) == 0 {
		return allowed
	}
	out := allowed[:0]
	for _, a := range allowed {
		if !e.reserved(a) {
			out = append(out, a)
		}
	}
	return out
}

func (e *Engine) reserved(a domain.Action) bool {
	for _, r := range e.cfg.Reserved {
		if r == a {
			return true
		}
	}
	return false
}

func (e *Engine) now() time.Time { return e.cfg.Now().UTC().Truncate(time.Microsecond) }

// Now is the engine's clock (UTC, microseconds), for capabilities that
// decide dates outside a transaction.
func (e *Engine) Now() time.Time { return e.now() }

func (e *Engine) today() domain.Date { return domain.DateOf(e.cfg.Now().In(e.cfg.Location)) }

// rules are the claim rules for a claim first filed on submittedOn.
func (e *Engine) rules(submittedOn domain.Date) domain.ClaimRules {
	return domain.ClaimRules{
		Areas: e.cfg.Areas, RegencyCode: e.cfg.RegencyCode, WindowDays: e.cfg.WindowDays,
		Today: e.today(), SubmittedOn: submittedOn, Amount: e.cfg.Amount,
	}
}

// codeAttempts bounds retries after a tracking-code collision, which with
// 40 random bits is rare enough that a third one means something is wrong.
const codeAttempts = 3

// Submit files a new claim at the office (a clerk's submit).
func (e *Engine) Submit(ctx context.Context, actor domain.Actor, in domain.ClaimInput) (domain.Claim, error) {
	return e.File(ctx, actor, domain.ActionSubmit, in)
}

// File creates a claim by one of the table's creating actions: submit (a
// clerk, into submitted) or apply (an heir online, into applied).
func (e *Engine) File(ctx context.Context, actor domain.Actor, action domain.Action, in domain.ClaimInput) (domain.Claim, error) {
	return e.FileWith(ctx, actor, action, in, nil)
}

// FileWith is File with more work in the claim's own transaction: then
// runs after the claim and its first event are written, and its error
// undoes the filing (an online application's documents, for one).
func (e *Engine) FileWith(ctx context.Context, actor domain.Actor, action domain.Action, in domain.ClaimInput,
	then func(tx *Tx, c domain.Claim) error) (domain.Claim, error) {
	c, err := e.file(ctx, actor, action, in, then)
	e.observe(action, err)
	return c, err
}

func (e *Engine) file(ctx context.Context, actor domain.Actor, action domain.Action, in domain.ClaimInput,
	then func(tx *Tx, c domain.Claim) error) (domain.Claim, error) {
	tr, ok := e.table.Lookup(action)
	if !ok || !e.table.Creates(action) {
		return domain.Claim{}, fmt.Errorf("action %q does not file a claim: %w", action, domain.ErrNotFound)
	}
	if err := e.table.Check(actor.Role, action, none); err != nil {
		return domain.Claim{}, err
	}
	data, err := e.rules(e.today()).ValidateClaim(in)
	if err != nil {
		return domain.Claim{}, err
	}
	for attempt := 0; attempt < codeAttempts; attempt++ {
		code, err := e.cfg.NewCode()
		if err != nil {
			return domain.Claim{}, fmt.Errorf("claim code: %w", err)
		}
		now := e.now()
		c := domain.Claim{
			Code: code, Status: tr.To, Version: 1, Amount: e.cfg.Amount,
			Deceased: data.Deceased, Heir: data.Heir, BankAccount: data.BankAccount, Warnings: data.Warnings,
			CreatedAt: now, UpdatedAt: now,
		}
		err = e.db.InTx(ctx, func(tx *gorm.DB) error {
			if err := refuseDuplicate(tx, c.Deceased.NIK, 0); err != nil {
				return err
			}
			if err := insertClaim(tx, &c, actor.UserID); err != nil {
				return err
			}
			ev := domain.Event{ClaimID: c.ID, Seq: 1, Action: action, ToStatus: c.Status,
				Changes: diff(domain.Claim{}, c), At: now}
			setActor(&ev, actor)
			if err := appendEvent(tx, &ev); err != nil {
				return err
			}
			t := &Tx{e: e, db: tx}
			if err := t.heard(c, ev); err != nil {
				return err
			}
			c = t.withStage(c)
			if then == nil {
				return nil
			}
			return then(t, c)
		})
		if err == nil {
			return c, nil
		}
		if !database.IsUniqueViolation(err) {
			return domain.Claim{}, err
		}
		// A concurrent claim for the same death won the race, or the code
		// collided: tell which, and try a new code only for the latter.
		if dupErr := refuseDuplicate(e.store.read(ctx), c.Deceased.NIK, 0); dupErr != nil {
			return domain.Claim{}, dupErr
		}
	}
	return domain.Claim{}, fmt.Errorf("no free claim code after %d attempts", codeAttempts)
}

func refuseDuplicate(db *gorm.DB, deceasedNIK string, exceptID int64) error {
	code, err := liveClaimCode(db, deceasedNIK, exceptID)
	if err != nil {
		return database.Classify(err)
	}
	if code != "" {
		return &domain.DuplicateClaimError{ExistingCode: code}
	}
	return nil
}

func setActor(ev *domain.Event, a domain.Actor) {
	ev.ActorID, ev.ActorUsername, ev.ActorRole = a.UserID, a.Username, a.Role
}

// Get returns one claim.
func (e *Engine) Get(ctx context.Context, id int64) (domain.Claim, error) {
	c, err := loadClaim(e.store.read(ctx), id)
	return c, database.Classify(err)
}

// Events returns a claim's audit trail in order.
func (e *Engine) Events(ctx context.Context, id int64) ([]domain.Event, error) {
	if _, err := e.Get(ctx, id); err != nil {
		return nil, err
	}
	events, err := eventsOf(e.store.read(ctx), []int64{id})
	return events, database.Classify(err)
}
