package auth

import (
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"santunan/database"
	"santunan/domain"
)

// How failed logins are answered (README, "Sign-in and the security log"):
//
//   - per username and client (domain.ClientKey): LockoutThreshold failures within
//     LockoutWindow lock that client out of that username for
//     LockoutDuration. A stranger guessing from one place locks only
//     themselves out; the owner signs in from their own client.
//   - per username, from all clients together: past ThrottleAfter failures
//     (counted until LockoutWindow passes without one), each attempt waits a
//     delay that doubles with every further failure up to ThrottleMaxDelay.
//     That bounds a guessing attack from many addresses to a few attempts an
//     hour. A client the user signed in from within KnownClientFor is
//     spared, so such an attack cannot lock the owner out of their office.
//
// Unknown usernames are counted exactly like real ones, so no answer tells
// whether an account exists. All of it lives in login_throttle, so several
// servers on one database count as one.

// LockedError refuses a login because this client failed too often for the
// username; errors.Is(err, domain.ErrLocked) holds. Until lets the API say
// when to try again.
type LockedError struct {
	Until time.Time
	wait  time.Duration
}

func (e *LockedError) Error() string {
	return "account temporarily locked until " + e.Until.UTC().Format(time.RFC3339)
}

func (e *LockedError) Is(target error) bool { return target == domain.ErrLocked }

// RetryAfter is how long the caller should wait, by the service's clock.
func (e *LockedError) RetryAfter() time.Duration { return e.wait }

// ThrottledError refuses a login for a short while because the username
// failed too often from many clients; errors.Is(err, domain.ErrThrottled).
type ThrottledError struct {
	Until time.Time
	wait  time.Duration
}

func (e *ThrottledError) Error() string {
	return "login attempts for this username are slowed down until " + e.Until.UTC().Format(time.RFC3339)
}

func (e *ThrottledError) Is(target error) bool { return target == domain.ErrThrottled }

// RetryAfter is how long the caller should wait, by the service's clock.
func (e *ThrottledError) RetryAfter() time.Duration { return e.wait }

// allClients is the client column of a username's row counting failures
// from every client; domain.ClientKey never returns it.
const allClients = "*"

// throttleRow is keyed by username, not user id, so unknown usernames are
// counted exactly like real ones.
type throttleRow struct {
	Username      string     `gorm:"column:username;primaryKey"`
	Client        string     `gorm:"column:client;primaryKey"`
	Failures      int        `gorm:"column:failures"`
	WindowStart   *time.Time `gorm:"column:window_start"`
	LastFailureAt *time.Time `gorm:"column:last_failure_at"`
	BlockedUntil  *time.Time `gorm:"column:blocked_until"`
	LastSuccessAt *time.Time `gorm:"column:last_success_at"`
}

func (throttleRow) TableName() string { return "login_throttle" }

// throttle is what the database knows about a username and one client.
type throttle struct {
	client, total throttleRow
}

// readThrottle loads the username's rows for client and for all clients;
// missing rows come back zero. q is the read pool or a transaction.
func readThrottle(q *gorm.DB, name, client string) (throttle, error) {
	var rows []throttleRow
	err := q.Model(&throttleRow{}).Where("username = ? AND client IN ?", name, []string{client, allClients}).Find(&rows).Error
	if err != nil {
		return throttle{}, fmt.Errorf("read login throttle of %q: %w", name, err)
	}
	th := throttle{client: throttleRow{Username: name, Client: client}, total: throttleRow{Username: name, Client: allClients}}
	for _, r := range rows {
		if r.Client == allClients {
			th.total = r
		} else {
			th.client = r
		}
	}
	return th, nil
}

// refusal is the error an attempt now gets before its password is looked
// at, or nil when it may go ahead.
func (th throttle) refusal(now time.Time, o Options) error {
	if until := th.client.BlockedUntil; until != nil && until.After(now) {
		return &LockedError{Until: until.UTC(), wait: until.Sub(now)}
	}
	if until := th.total.BlockedUntil; until != nil && until.After(now) && !th.known(now, o) {
		return &ThrottledError{Until: until.UTC(), wait: until.Sub(now)}
	}
	return nil
}

// known says the user signed in from this client recently.
func (th throttle) known(now time.Time, o Options) bool {
	last := th.client.LastSuccessAt
	return last != nil && now.Sub(*last) < o.KnownClientFor
}

// fail counts a failed attempt on both rows and returns the lock it starts
// for this client (nil if none), with a note for the log.
func (s *Service) fail(tx *gorm.DB, th throttle, now time.Time) (*LockedError, string, error) {
	o := s.opts
	c := th.client
	if c.WindowStart == nil || now.Sub(*c.WindowStart) >= o.LockoutWindow {
		c.Failures, c.WindowStart = 0, &now
	}
	c.Failures++
	c.LastFailureAt = &now
	var (
		locked *LockedError
		note   string
	)
	if c.Failures >= o.LockoutThreshold {
		// The failures are paid for by the lock: after it the count starts
		// again, so the first failure after a lock does not lock at once.
		until := dbTime(now.Add(o.LockoutDuration))
		c.Failures, c.WindowStart, c.BlockedUntil = 0, nil, &until
		locked = &LockedError{Until: until, wait: until.Sub(now)}
		note = "; locked for this client until " + until.Format(time.RFC3339)
	}
	t := th.total
	if t.LastFailureAt == nil || now.Sub(*t.LastFailureAt) >= o.LockoutWindow {
		t.Failures = 0
	}
	t.Failures++
	t.LastFailureAt = &now
	if over := t.Failures - o.ThrottleAfter; over >= 0 {
		until := dbTime(now.Add(throttleDelay(over, o.ThrottleMaxDelay)))
		t.BlockedUntil = &until
		note += "; username slowed down until " + until.Format(time.RFC3339)
	}
	if err := saveThrottle(tx, c, t); err != nil {
		return nil, "", err
	}
	return locked, note, nil
}

// throttleDelay is one second after the ceiling is reached, doubling with
// each further failure, at most max.
func throttleDelay(over int, max time.Duration) time.Duration {
	if over >= 30 {
		return max
	}
	return min(time.Second<<over, max)
}

// succeed notes a successful sign-in from the client: its failures are
// forgiven and it becomes a known client of the user. The count across
// clients stays: the owner signing in does not end someone else's attack.
func succeed(tx *gorm.DB, th throttle, now time.Time) error {
	c := th.client
	c.Failures, c.WindowStart, c.LastSuccessAt = 0, nil, &now
	return saveThrottle(tx, c)
}

func saveThrottle(tx *gorm.DB, rows ...throttleRow) error {
	err := tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "username"}, {Name: "client"}},
		UpdateAll: true,
	}).Create(&rows).Error
	if err != nil {
		return fmt.Errorf("save login throttle: %w", err)
	}
	return nil
}

// serializeLogins makes concurrent attempts on one username take turns
// (database.XactLock), so that two failures at once cannot both count four
// and neither lock.
func (s *Service) serializeLogins(tx *gorm.DB, name string) error {
	if err := database.XactLock(tx, "santunan/auth/login\x00"+name); err != nil {
		return fmt.Errorf("serialize logins of %q: %w", name, err)
	}
	return nil
}
