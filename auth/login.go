package auth

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"santunan/database"
	"santunan/domain"
)

// Session is what a successful login returns. Token is shown once; only its
// hash is stored.
type Session struct {
	Token     string      `json:"token"`
	ExpiresAt time.Time   `json:"expires_at"`
	User      domain.User `json:"user"`
}

// attempt is one login attempt after the password was compared.
type attempt struct {
	name   string // normalized username
	ip     string
	now    time.Time
	userID int64  // 0 for an unknown username
	hash   string // the hash compared against, to notice a concurrent reset
	ok     bool   // known, active and the password matched
	reason string // why not ok, for the log
	kind   tokenKind
}

// Login checks a username and password and opens a session. A wrong
// password, an unknown username and an inactive user all give the same
// domain.ErrUnauthenticated after the same work. While the username is
// locked it returns *LockedError without looking at the password; the
// failure that reaches the threshold returns *LockedError too, so the person
// learns at once when to try again.
func (s *Service) Login(ctx context.Context, username, password, ip string) (Session, error) {
	return s.login(ctx, kindAPI, username, password, ip)
}

// LoginWeb is Login for a browser: the session's token goes into a cookie,
// is accepted only by AuthenticateWeb, and also ends after SessionIdle
// without use.
func (s *Service) LoginWeb(ctx context.Context, username, password, ip string) (Session, error) {
	return s.login(ctx, kindWeb, username, password, ip)
}

func (s *Service) login(ctx context.Context, kind tokenKind, username, password, ip string) (Session, error) {
	name := normalizeUsername(username)
	now := s.now()
	if !validUsername(name) {
		return Session{}, s.malformedLogin(ctx, username, password, ip, now)
	}
	read := s.db.Read.WithContext(ctx)
	end, err := lockEnd(read, name)
	if err != nil {
		return Session{}, database.Classify(fmt.Errorf("login: %w", err))
	}
	if end.After(now) {
		return Session{}, s.refuseLocked(ctx, name, end, ip, now)
	}
	cred, found, err := findUser(read, credentialColumns, "username = ?", name)
	if err != nil {
		return Session{}, database.Classify(fmt.Errorf("login: %w", err))
	}
	// One bcrypt comparison in every case (against the dummy hash when the
	// user is unknown; inactive users too), so timing does not tell them apart.
	matched := s.passwordMatches(cred.PasswordHash, password)
	a := attempt{name: name, ip: ip, now: now, userID: cred.ID, hash: cred.PasswordHash, kind: kind}
	switch {
	case !found:
		a.reason = "unknown username"
	case !cred.Active:
		a.reason = "inactive user"
	case !matched:
		a.reason = "wrong password"
	default:
		a.ok = true
	}
	return s.finishLogin(ctx, a)
}

// finishLogin records the outcome of an attempt in one transaction: a new
// token and a login_success, or a login_failure that may lock the username.
// The lock and the user are checked again inside it because a concurrent
// attempt may have locked the username, or an admin disabled the user or
// reset the password, while bcrypt ran.
func (s *Service) finishLogin(ctx context.Context, a attempt) (Session, error) {
	var (
		sess   Session
		locked *LockedError
	)
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		sess, locked = Session{}, nil // InTx may run this more than once
		if err := s.serializeLogins(tx, a.name); err != nil {
			return err
		}
		end, err := lockEnd(tx, a.name)
		if err != nil {
			return err
		}
		if end.After(a.now) {
			locked = &LockedError{Until: end}
			return record(tx, lockedEvent(a.name, end, a.ip, a.now))
		}
		reason := a.reason
		if a.ok {
			row, found, err := findUser(tx, credentialColumns, "id = ?", a.userID)
			if err != nil {
				return fmt.Errorf("reload user: %w", err)
			}
			if found && row.Active && row.PasswordHash == a.hash {
				sess, err = s.startSession(tx, row, a)
				return err
			}
			reason = "account changed during login"
		}
		until, err := s.recordFailure(tx, a, reason, end)
		if !until.IsZero() {
			locked = &LockedError{Until: until}
		}
		return err
	})
	switch {
	case err != nil:
		return Session{}, fmt.Errorf("login: %w", err)
	case locked != nil:
		return Session{}, locked
	case sess.Token == "":
		return Session{}, fmt.Errorf("login: %w", domain.ErrUnauthenticated)
	}
	return sess, nil
}

func (s *Service) startSession(tx *gorm.DB, row userRow, a attempt) (Session, error) {
	token, expires, err := s.issueToken(tx, row.ID, a.now, a.kind)
	if err != nil {
		return Session{}, err
	}
	err = record(tx, SecurityEvent{
		At: a.now, Kind: EventLoginSuccess, Username: row.Username,
		UserID: row.ID, ActorID: row.ID, IP: a.ip, Detail: string(a.kind) + " session",
	})
	if err != nil {
		return Session{}, err
	}
	return Session{Token: token, ExpiresAt: expires, User: row.toDomain()}, nil
}

// recordFailure logs a failed attempt and, if it reaches the threshold,
// locks the username; it returns the end of the new lock, or zero. prevEnd
// is when the previous lock ended (zero if none): failures before it were
// already paid for.
func (s *Service) recordFailure(tx *gorm.DB, a attempt, reason string, prevEnd time.Time) (time.Time, error) {
	n, err := s.recentFailures(tx, a.name, a.now, prevEnd)
	if err != nil {
		return time.Time{}, err
	}
	var until time.Time
	detail := reason
	if n+1 >= int64(s.opts.LockoutThreshold) {
		until = dbTime(a.now.Add(s.opts.LockoutDuration))
		if err := lock(tx, a.name, until); err != nil {
			return time.Time{}, err
		}
		detail += "; locked until " + until.Format(time.RFC3339)
	}
	err = record(tx, SecurityEvent{
		At: a.now, Kind: EventLoginFailure, Username: a.name,
		UserID: a.userID, IP: a.ip, Detail: detail,
	})
	return until, err
}

// refuseLocked logs an attempt on a locked username and refuses it.
func (s *Service) refuseLocked(ctx context.Context, name string, end time.Time, ip string, now time.Time) error {
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		return record(tx, lockedEvent(name, end, ip, now))
	})
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	return &LockedError{Until: end}
}

// lockedEvent carries no user id: a refused attempt is judged on the
// username alone, whether or not an account has it.
func lockedEvent(name string, end time.Time, ip string, now time.Time) SecurityEvent {
	return SecurityEvent{
		At: now, Kind: EventLoginLocked, Username: name, IP: ip,
		Detail: "locked until " + end.UTC().Format(time.RFC3339),
	}
}

// malformedLogin handles a username no account can have. Format rules are
// public, so this reveals nothing; the bcrypt comparison is still spent to
// keep every failure equally slow. The raw input goes only into the detail,
// quoted and clipped, so it cannot count toward (or lock) a real username.
func (s *Service) malformedLogin(ctx context.Context, raw, password, ip string, now time.Time) error {
	s.passwordMatches("", password)
	clipped := []rune(raw)
	if len(clipped) > 2*maxUsernameLen {
		clipped = clipped[:2*maxUsernameLen]
	}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		return record(tx, SecurityEvent{
			At: now, Kind: EventLoginFailure, IP: ip,
			Detail: "malformed username " + strconv.QuoteToASCII(string(clipped)),
		})
	})
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	return fmt.Errorf("login: %w", domain.ErrUnauthenticated)
}
