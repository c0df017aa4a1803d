// Package auth signs users in and out, issues and checks API tokens, slows
// down and locks out repeated failed logins, manages user accounts and
// their one-time passwords, and keeps the append-only, hash-chained
// security log. All of its state lives in the database, so
// any number of servers on one database behave as one.
package auth

import (
	"fmt"
	"time"

	"golang.org/x/crypto/bcrypt"

	"santunan/database"
)

// Options tune the service. Zero fields get the defaults below.
type Options struct {
	TokenTTL   time.Duration // default 12h: one working day, then sign in again
	BcryptCost int           // default bcrypt.DefaultCost; tests use bcrypt.MinCost

	// Failed logins (auth/throttle.go): LockoutThreshold failures of a
	// username from one client within LockoutWindow lock that client out of
	// it for LockoutDuration. Past ThrottleAfter failures of a username from
	// all clients (until LockoutWindow passes without one), each attempt
	// from a client the user has not signed in from within KnownClientFor
	// waits a delay doubling from one second to ThrottleMaxDelay.
	LockoutThreshold int           // default 5 failures
	LockoutWindow    time.Duration // default 15m
	LockoutDuration  time.Duration // default 15m
	ThrottleAfter    int           // default 10 failures
	ThrottleMaxDelay time.Duration // default 10m
	KnownClientFor   time.Duration // default 30 days

	// SessionIdle ends a browser session (LoginWeb) that has not been used
	// for this long; default 30m. API tokens (Login) keep only TokenTTL.
	SessionIdle time.Duration
	Now         func() time.Time
}

// Defaults applied by New to zero (or negative) fields.
const (
	DefaultTokenTTL         = 12 * time.Hour
	DefaultLockoutThreshold = 5
	DefaultLockoutWindow    = 15 * time.Minute
	DefaultLockoutDuration  = 15 * time.Minute
	DefaultThrottleAfter    = 10
	DefaultThrottleMaxDelay = 10 * time.Minute
	DefaultKnownClientFor   = 30 * 24 * time.Hour
	DefaultSessionIdle      = 30 * time.Minute
)

func (o Options) withDefaults() Options {
	if o.TokenTTL <= 0 {
		o.TokenTTL = DefaultTokenTTL
	}
	if o.BcryptCost <= 0 {
		o.BcryptCost = bcrypt.DefaultCost
	}
	if o.LockoutThreshold <= 0 {
		o.LockoutThreshold = DefaultLockoutThreshold
	}
	if o.LockoutWindow <= 0 {
		o.LockoutWindow = DefaultLockoutWindow
	}
	if o.LockoutDuration <= 0 {
		o.LockoutDuration = DefaultLockoutDuration
	}
	if o.ThrottleAfter <= 0 {
		o.ThrottleAfter = DefaultThrottleAfter
	}
	if o.ThrottleMaxDelay <= 0 {
		o.ThrottleMaxDelay = DefaultThrottleMaxDelay
	}
	if o.KnownClientFor <= 0 {
		o.KnownClientFor = DefaultKnownClientFor
	}
	if o.SessionIdle <= 0 {
		o.SessionIdle = DefaultSessionIdle
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Service is safe for concurrent use. It holds no mutable state: lockouts,
// tokens and the failure counts are all read from the database.
type Service struct {
	db   *database.DB
	opts Options
	// dummyHash is compared against when the username is unknown, so that a
	// failed login costs one bcrypt comparison whether or not the user exists.
	dummyHash []byte
}

// New returns a service on db. It panics if opts.BcryptCost is outside
// bcrypt's range: that is a programming error, not a runtime condition.
func New(db *database.DB, opts Options) *Service {
	opts = opts.withDefaults()
	if opts.BcryptCost < bcrypt.MinCost || opts.BcryptCost > bcrypt.MaxCost {
		panic(fmt.Sprintf("auth: bcrypt cost %d outside %d..%d", opts.BcryptCost, bcrypt.MinCost, bcrypt.MaxCost))
	}
	// Hashed at the same cost as real passwords so both comparisons take as long.
	dummy, err := bcrypt.GenerateFromPassword([]byte("santunan-no-such-user"), opts.BcryptCost)
	if err != nil {
		panic(fmt.Sprintf("auth: dummy hash: %v", err))
	}
	return &Service{db: db, opts: opts, dummyHash: dummy}
}

// now is the injected clock in the form the database stores: UTC, truncated
// to microseconds (PostgreSQL's precision), so a value read back compares
// equal to the one written.
func (s *Service) now() time.Time {
	return dbTime(s.opts.Now())
}

func dbTime(t time.Time) time.Time {
	return t.UTC().Truncate(time.Microsecond)
}
