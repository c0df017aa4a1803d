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
// hash is stored. When User.PasswordChangeRequired is set, the session may
// only change the password (the API and the pages enforce it).
type Session struct {
	Token     string      `json:"token"`
	ExpiresAt time.Time   `json:"expires_at"`
	User      domain.User `json:"user"`
}

// Reasons recorded with a login_failure (SecurityEvent.Reason).
const (
	ReasonUnknownUsername    = "unknown_username"
	ReasonInactiveUser       = "inactive_user"
	ReasonWrongPassword      = "wrong_password"
	ReasonChangedDuringLogin = "changed_during_login"
	ReasonMalformedUsername  = "malformed_username"
)

// failureNotes are the log's words for each reason.
var failureNotes = map[string]string{
	ReasonUnknownUsername:    "unknown username",
	ReasonInactiveUser:       "inactive user",
	ReasonWrongPassword:      "wrong password",
	ReasonChangedDuringLogin: "account changed during login",
}

// attempt is one check of a password: a login, or the current password of
// a password change.
type attempt struct {
	name   string // normalized username
	ip     string
	client string // domain.ClientKey(ip)
	now    time.Time
	userID int64  // 0 for an unknown username
	hash   string // the hash compared against, to notice a concurrent reset
	ok     bool   // known, active and the password matched
	reason string // why not ok (Reason*)
	kind   tokenKind
}

func newAttempt(name, ip string, now time.Time) attempt {
	return attempt{name: name, ip: ip, client: domain.ClientKey(ip), now: now}
}

// Login checks a username and password and opens a session. A wrong
// password, an unknown username and an inactive user all give the same
// domain.ErrUnauthenticated after the same work. While this client is
// locked out of the username it returns *LockedError, and while the
// username is slowed down (and this client is not one the user signed in
// from) *ThrottledError, both without looking at the password; the failure
// that locks returns *LockedError too, so the person learns at once when to
// try again.
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
	a := newAttempt(name, ip, now)
	a.kind = kind
	read := s.db.Read.WithContext(ctx)
	if err := s.gate(ctx, read, a); err != nil {
		return Session{}, fmt.Errorf("login: %w", err)
	}
	cred, found, err := findUser(read, credentialColumns, "username = ?", name)
	if err != nil {
		return Session{}, database.Classify(fmt.Errorf("login: %w", err))
	}
	// One bcrypt comparison in every case (against the dummy hash when the
	// user is unknown; inactive users too), so timing does not tell them apart.
	matched := s.passwordMatches(cred.PasswordHash, password)
	a.userID, a.hash = cred.ID, cred.PasswordHash
	switch {
	case !found:
		a.reason = ReasonUnknownUsername
	case !cred.Active:
		a.reason = ReasonInactiveUser
	case !matched:
		a.reason = ReasonWrongPassword
	default:
		a.ok = true
	}
	return s.finishLogin(ctx, a)
}

// gate refuses an attempt that the throttle holds back, before any bcrypt
// is spent on it, and logs the refusal. q is the read pool.
func (s *Service) gate(ctx context.Context, q *gorm.DB, a attempt) error {
	th, err := readThrottle(q, a.name, a.client)
	if err != nil {
		return database.Classify(err)
	}
	refused := th.refusal(a.now, s.opts)
	if refused == nil {
		return nil
	}
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		return s.record(tx, refusedEvent(a, refused))
	})
	if err != nil {
		return err
	}
	return refused
}

// finishLogin records the outcome of an attempt in one transaction: a new
// token and a login_success, or a login_failure that may lock the client.
// The throttle and the user are checked again inside it, the user row
// locked, because a concurrent attempt may have locked the client, or an
// admin disabled the user or reset the password, while bcrypt ran.
func (s *Service) finishLogin(ctx context.Context, a attempt) (Session, error) {
	var (
		sess    Session
		refused error
	)
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		sess, refused = Session{}, nil // InTx may run this more than once
		th, err := s.lockThrottle(tx, a)
		if err != nil {
			return err
		}
		if refused = th.refusal(a.now, s.opts); refused != nil {
			return s.record(tx, refusedEvent(a, refused))
		}
		reason := a.reason
		if a.ok {
			row, found, err := lockUser(tx, credentialColumns, a.userID)
			if err != nil {
				return fmt.Errorf("reload user: %w", err)
			}
			if found && row.Active && row.PasswordHash == a.hash {
				if err := succeed(tx, th, a.now); err != nil {
					return err
				}
				sess, err = s.startSession(tx, row, a)
				return err
			}
			reason = ReasonChangedDuringLogin
		}
		locked, note, err := s.fail(tx, th, a.now)
		if err != nil {
			return err
		}
		if locked != nil {
			refused = locked
		}
		return s.record(tx, SecurityEvent{
			At: a.now, Kind: EventLoginFailure, Username: a.name,
			UserID: a.userID, IP: a.ip, Reason: reason, Detail: failureNotes[reason] + note,
		})
	})
	switch {
	case err != nil:
		return Session{}, fmt.Errorf("login: %w", err)
	case refused != nil:
		return Session{}, refused
	case sess.Token == "":
		return Session{}, fmt.Errorf("login: %w", domain.ErrUnauthenticated)
	}
	return sess, nil
}

// lockThrottle takes the username's turn (serializeLogins) and reads its
// throttle inside tx.
func (s *Service) lockThrottle(tx *gorm.DB, a attempt) (throttle, error) {
	if err := s.serializeLogins(tx, a.name); err != nil {
		return throttle{}, err
	}
	return readThrottle(tx, a.name, a.client)
}

func (s *Service) startSession(tx *gorm.DB, row userRow, a attempt) (Session, error) {
	token, expires, err := s.issueToken(tx, row.ID, a.now, a.kind)
	if err != nil {
		return Session{}, err
	}
	detail := string(a.kind) + " session"
	if row.MustChange {
		detail += "; password change required"
	}
	err = s.record(tx, SecurityEvent{
		At: a.now, Kind: EventLoginSuccess, Username: row.Username,
		UserID: row.ID, ActorID: row.ID, IP: a.ip, Reason: string(a.kind), Detail: detail,
	})
	if err != nil {
		return Session{}, err
	}
	return Session{Token: token, ExpiresAt: expires, User: row.toDomain()}, nil
}

// refusedEvent logs an attempt the throttle held back. It carries no user
// id: a refused attempt is judged on the username alone, whether or not an
// account has it.
func refusedEvent(a attempt, refused error) SecurityEvent {
	ev := SecurityEvent{At: a.now, Kind: EventLoginLocked, Username: a.name, IP: a.ip}
	switch r := refused.(type) {
	case *LockedError:
		ev.Detail = "locked for this client until " + r.Until.Format(time.RFC3339)
	case *ThrottledError:
		ev.Kind, ev.Detail = EventLoginThrottled, "slowed down until "+r.Until.Format(time.RFC3339)
	}
	return ev
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
		return s.record(tx, SecurityEvent{
			At: now, Kind: EventLoginFailure, IP: ip, Reason: ReasonMalformedUsername,
			Detail: "malformed username " + strconv.QuoteToASCII(string(clipped)),
		})
	})
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	return fmt.Errorf("login: %w", domain.ErrUnauthenticated)
}
