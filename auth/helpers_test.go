package auth_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"santunan/auth"
	"santunan/database"
	"santunan/domain"
)

// clock is a fake clock tests advance by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock {
	// Nanoseconds and a non-UTC zone, to exercise the truncation to
	// microseconds and the conversion to UTC.
	return &clock{t: time.Date(2025, 3, 10, 15, 0, 0, 123456789, time.FixedZone("WIB", 7*3600))}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

const (
	adminPassword = "admin-password-1"
	userPassword  = "correct-horse-1"
	testIP        = "10.1.2.3"
)

func newService(db *database.DB, c *clock) *auth.Service {
	return auth.New(db, auth.Options{BcryptCost: bcrypt.MinCost, Now: c.Now})
}

// env is a migrated database with a bootstrapped admin.
type env struct {
	db    *database.DB
	clock *clock
	svc   *auth.Service
	admin domain.Actor
}

func setup(t *testing.T, db *database.DB) *env {
	t.Helper()
	c := newClock()
	svc := newService(db, c)
	ctx := context.Background()
	if created, _, err := svc.EnsureAdmin(ctx, adminPassword); err != nil || !created {
		t.Fatalf("EnsureAdmin = %t, %v", created, err)
	}
	sess, err := svc.Login(ctx, "admin", adminPassword, testIP)
	if err != nil {
		t.Fatalf("admin login: %v", err)
	}
	return &env{db: db, clock: c, svc: svc, admin: sess.User.Actor()}
}

// createUser adds an active user with userPassword.
func (e *env) createUser(t *testing.T, username string, role domain.Role) domain.User {
	t.Helper()
	u, err := e.svc.CreateUser(context.Background(), e.admin, auth.NewUser{
		Username: username, FullName: "Pengguna " + username, Role: role, Password: userPassword,
	}, testIP)
	if err != nil {
		t.Fatalf("create %s: %v", username, err)
	}
	return u
}

func (e *env) login(t *testing.T, username, password string) auth.Session {
	t.Helper()
	sess, err := e.svc.Login(context.Background(), username, password, testIP)
	if err != nil {
		t.Fatalf("login %s: %v", username, err)
	}
	return sess
}

// tokenCounts reads api_tokens directly, to check what the database holds.
func tokenCounts(t *testing.T, db *database.DB, userID int64) (live, revoked int64) {
	t.Helper()
	var rows []struct {
		RevokedAt *time.Time
	}
	if err := db.Write.Table("api_tokens").Select("revoked_at").Where("user_id = ?", userID).Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.RevokedAt == nil {
			live++
		} else {
			revoked++
		}
	}
	return live, revoked
}

// auditor reads the security log in tests.
var auditor = domain.Actor{Username: "auditor", Role: domain.RoleAuditor}

// eventsOf returns the newest limit events of username ("" for all, limit
// 0 for the default page), newest first.
func eventsOf(ctx context.Context, svc *auth.Service, username string, limit int) ([]auth.SecurityEvent, error) {
	evs, _, err := svc.SecurityEvents(ctx, auditor, auth.EventQuery{Username: username, Limit: limit})
	return evs, err
}
