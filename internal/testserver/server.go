// Package testserver runs Santunan for tests as `serve` runs it: the
// configuration read by config.FromEnv from production defaults, the
// services built by internal/wiring (required documents, the death-register
// check, the budget, payments only through batches), both front doors
// mounted by wiring.Site (the JSON API and the pages), on a real database
// from internal/testdb. What lies outside our walls
// (Dukcapil's web service, a bank's account inquiry) is a fake behind the
// interface production uses. Beside that only the clock, the bcrypt cost
// and the rate limits differ, and a test that changes more says why.
//
// Every HTTP, page and browser test starts its server here, and so do the
// concurrency and stress tests: they must run the shape production runs.
package testserver

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"santunan/config"
	"santunan/database"
	"santunan/deathregister"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/wiring"
	"santunan/payments"
)

// Password is every test user's password, the admin's included.
const Password = "rahasia-kendal-2026"

// DefaultBudget is the ceiling of the current year's budget that Start
// sets, as a deployed office would before approving: a thousand claims.
const DefaultBudget = 1_000_000_000

// Server is a running Santunan on a real database with one user per role.
type Server struct {
	T        testing.TB
	DB       *database.DB
	HTTP     *httptest.Server
	URL      string
	Clock    *Clock
	Config   config.Config
	Services wiring.Services
	// Site is both front doors, whose routes a test may list.
	Site *wiring.Site
	// Tokens and Users hold each role's API token and user (the admin's
	// user is not listed; it is created by EnsureAdmin, as on a first start).
	Tokens map[domain.Role]string
	Users  map[domain.Role]domain.User
	// Client sends every request of the helpers: no redirects followed.
	Client *http.Client
	// Gateway is the SMS gateway the server's messages go to (gateway.go).
	Gateway *FakeGateway
	// Codes read the one-time codes of phone checks off the gateway (codes.go).
	Codes *Codes
	// consent: File files claims whose heir agreed to messages (Consenting).
	consent bool
}

// Clock is a settable clock shared by every service of a Server.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock at t.
func NewClock(t time.Time) *Clock { return &Clock{now: t} }

// Now is the clock's time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// Set puts the clock at t.
func (c *Clock) Set(t time.Time) { c.mu.Lock(); c.now = t; c.mu.Unlock() }

// settings are what the Options change.
type settings struct {
	env      map[string]string
	edits    []func(*config.Config)
	registry deathregister.RegistryClient
	inquirer payments.AccountInquirer
	budget   int64
	logOut   io.Writer
	now      time.Time
	consent  bool
}

// Option changes how Start runs the server.
type Option func(*settings)

// Env sets environment variables as an operator would (name, value,
// name, value...); config.FromEnv reads them over the production defaults.
// SANTUNAN_REQUIRED_DOCUMENTS_VERIFY=none, say, is a legitimate production
// configuration.
func Env(kv ...string) Option {
	return func(s *settings) {
		for i := 0; i+1 < len(kv); i += 2 {
			s.env[kv[i]] = kv[i+1]
		}
	}
}

// Configure edits the configuration after it was read.
func Configure(edit func(*config.Config)) Option {
	return func(s *settings) { s.edits = append(s.edits, edit) }
}

// Registry wires a client of Dukcapil's web service (a FakeDukcapil, or
// an HTTPRegistry on an httptest server). Without it the configuration
// decides, and by default no service is configured.
func Registry(r deathregister.RegistryClient) Option {
	return func(s *settings) { s.registry = r }
}

// Inquirer wires a bank's account-name inquiry (a FakeBank). Without it
// the treasurer confirms names by hand, as production does today.
func Inquirer(i payments.AccountInquirer) Option {
	return func(s *settings) { s.inquirer = i }
}

// Budget sets the current year's ceiling instead of DefaultBudget; 0
// sets none, for a test of what happens before the office set one.
func Budget(ceiling int64) Option { return func(s *settings) { s.budget = ceiling } }

// NoBudget starts without any budget, as a newly deployed office does.
func NoBudget() Option { return Budget(0) }

// Log sends the server's JSON log to w (by default it is discarded).
func Log(w io.Writer) Option { return func(s *settings) { s.logOut = w } }

// At starts the clock at t instead of fixture.Now.
func At(t time.Time) Option { return func(s *settings) { s.now = t } }

// generous rate limits: races and the stress test send many requests from
// one address; a test of the limits sets them back (Env).
const generousRate = "100000"

// Start runs a server on db as `serve` wires it, with an admin (created as
// on a first start), one user per other role, their tokens, and the current
// year's budget. It stops when the test ends.
func Start(t testing.TB, db *database.DB, opts ...Option) *Server {
	t.Helper()
	// gin's debug mode prints every route of every server; serve runs in
	// release mode, tests in test mode.
	if gin.Mode() == gin.DebugMode {
		gin.SetMode(gin.TestMode)
	}
	st := settings{env: map[string]string{
		"SANTUNAN_TRACK_RATE_PER_MINUTE":       generousRate,
		"SANTUNAN_LOGIN_RATE_PER_MINUTE":       generousRate,
		"SANTUNAN_PHONE_CHECK_RATE_PER_MINUTE": generousRate,
	}, budget: DefaultBudget, logOut: io.Discard, now: fixture.Now}
	// Messages to heirs go to a fake SMS gateway, configured as an operator
	// would; retries come quickly so a test of them ends soon.
	gw := NewFakeGateway(t)
	for k, v := range map[string]string{
		"SANTUNAN_NOTIFY_CHANNELS": "sms", "SANTUNAN_SMS_URL": gw.URL(),
		"SANTUNAN_NOTIFY_RETRY_BASE": "10ms", "SANTUNAN_NOTIFY_POLL_INTERVAL": "100ms",
	} {
		st.env[k] = v
	}
	for _, o := range opts {
		o(&st)
	}
	cfg, err := config.FromEnv(func(name string) string { return st.env[name] })
	if err != nil {
		t.Fatalf("configuration: %v", err)
	}
	for _, edit := range st.edits {
		edit(&cfg)
	}
	clk := NewClock(st.now)
	dir := fixture.Areas(t)
	log := slog.New(slog.NewJSONHandler(st.logOut, &slog.HandlerOptions{Level: cfg.LogLevel}))
	svc := wiring.Build(db, dir, cfg, wiring.Options{Now: clk.Now, BcryptCost: bcrypt.MinCost,
		Registry: st.registry, Inquirer: st.inquirer, Log: log})
	site, err := wiring.NewSite(svc, db, log, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// The message worker runs as serve runs it, and stops when the test ends.
	if err := svc.Notify.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := svc.Notify.Stop(ctx); err != nil {
			t.Error(err)
		}
	})
	// Every API request and response is checked against the OpenAPI
	// document (contract.go), and what broke it reported when the test ends.
	check, err := newContractCheck(site, site.API.Routes())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for _, f := range check.Failures() {
			t.Error(f)
		}
	})
	srv := httptest.NewServer(check)
	t.Cleanup(srv.Close)
	s := &Server{T: t, DB: db, HTTP: srv, URL: srv.URL, Clock: clk, Config: cfg, Services: svc, Site: site, Codes: &Codes{gw: gw, seen: map[string]int{}},
		Tokens: map[domain.Role]string{}, Users: map[domain.Role]domain.User{},
		Client:  &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
		Gateway: gw, consent: st.consent}

	// The bootstrap admin's password is one-time too: replaced at once.
	if _, _, err := svc.Auth.EnsureAdmin(context.Background(), OneTimePassword); err != nil {
		t.Fatal(err)
	}
	s.Tokens[domain.RoleAdmin] = s.FirstLogin("admin", OneTimePassword, Password)
	for _, role := range domain.AllRoles {
		if role == domain.RoleAdmin {
			continue
		}
		s.Users[role] = s.AddUser(string(role), "Petugas "+string(role), role, Password)
		s.Tokens[role] = s.Login(string(role), Password)
	}
	if st.budget > 0 {
		s.SetBudget(s.Year(), st.budget)
	}
	return s
}

// With is the same server reporting to t (a subtest, say).
func (s *Server) With(t testing.TB) *Server {
	c := *s
	c.T = t
	return &c
}

// Year is the current budget year on the server's clock (Asia/Jakarta).
func (s *Server) Year() int { return s.Clock.Now().In(domain.Jakarta()).Year() }

// SetBudget sets a year's ceiling through the API, as the admin.
func (s *Server) SetBudget(year int, ceiling int64) {
	s.T.Helper()
	resp := s.Do(http.MethodPost, "/api/v1/budgets/"+strconv.Itoa(year), domain.RoleAdmin, map[string]any{"ceiling": ceiling})
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		s.Expect(resp, http.StatusOK, nil)
	}
	_ = resp.Body.Close()
}
