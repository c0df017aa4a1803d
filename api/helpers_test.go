package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"santunan/api"
	"santunan/auth"
	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/workflow"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

// clock is a settable clock shared by the services under test.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

// password is every test user's own password; each account starts with
// oneTimePassword, set by the admin, and replaces it at its first login.
const (
	password        = "rahasia-kendal-2026"
	oneTimePassword = "dari-admin-sekali-pakai"
)

// harness is a running API on a real database with one user per role.
type harness struct {
	t       testing.TB
	db      *database.DB
	srv     *httptest.Server
	clock   *clock
	auth    *auth.Service
	tokens  map[domain.Role]string
	users   map[domain.Role]domain.User
	trusted []string
}

type option func(*api.Options)

// capability wires a capability's service into the harness: it may add to
// the engine's configuration (guards, reserved actions) and returns what
// adds its service to the Deps once the engine exists.
type capability func(t testing.TB, db *database.DB, cfg *workflow.Config) func(*workflow.Engine, *api.Deps)

func start(t testing.TB, db *database.DB, opts ...option) *harness {
	t.Helper()
	return startWith(t, db, nil, opts...)
}

// startWith is start with capabilities wired in.
func startWith(t testing.TB, db *database.DB, caps []capability, opts ...option) *harness {
	t.Helper()
	clk := &clock{now: fixture.Now}
	authSvc := auth.NewService(db, auth.Options{BcryptCost: bcrypt.MinCost, Now: clk.Now})
	o := api.Options{Now: clk.Now}
	for _, f := range opts {
		f(&o)
	}
	cfg := fixture.EngineConfig(t)
	var wire []func(*workflow.Engine, *api.Deps)
	for _, c := range caps {
		wire = append(wire, c(t, db, &cfg))
	}
	engine := workflow.NewEngine(db, cfg)
	deps := api.Deps{Engine: engine, Auth: authSvc, Areas: fixture.Areas(t), DB: db,
		Log: slog.New(slog.NewJSONHandler(io.Discard, nil))}
	for _, w := range wire {
		w(engine, &deps)
	}
	router, err := api.New(deps, o)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, db: db, srv: httptest.NewServer(router), clock: clk, auth: authSvc,
		tokens: map[domain.Role]string{}, users: map[domain.Role]domain.User{}}
	t.Cleanup(h.srv.Close)

	ctx := context.Background()
	if _, _, err := authSvc.EnsureAdmin(ctx, oneTimePassword); err != nil {
		t.Fatal(err)
	}
	h.tokens[domain.RoleAdmin] = h.firstLogin("admin")
	for _, role := range domain.AllRoles {
		if role == domain.RoleAdmin {
			continue
		}
		var u domain.User
		h.expect(h.do(http.MethodPost, "/api/v1/users", domain.RoleAdmin, map[string]any{
			"username": string(role), "full_name": "Petugas " + string(role), "role": role, "password": oneTimePassword,
		}), http.StatusCreated, &u)
		h.tokens[role] = h.firstLogin(string(role))
		u.PasswordChangeRequired = false
		h.users[role] = u
	}
	return h
}

func (h *harness) login(username, pw string) string {
	h.t.Helper()
	var out struct {
		Token string `json:"token"`
	}
	h.expect(h.send(http.MethodPost, "/api/v1/auth/login", "", map[string]string{"username": username, "password": pw}), http.StatusOK, &out)
	return out.Token
}

// firstLogin signs in with the one-time password the admin set and
// replaces it with password, as every new user must; the session stays.
func (h *harness) firstLogin(username string) string {
	h.t.Helper()
	token := h.login(username, oneTimePassword)
	h.expect(h.send(http.MethodPost, "/api/v1/me/password", token,
		map[string]string{"current_password": oneTimePassword, "new_password": password}), http.StatusOK, nil)
	return token
}

// do sends a JSON request as the user with the role ("" for none).
func (h *harness) do(method, path string, role domain.Role, body any) *http.Response {
	h.t.Helper()
	return h.send(method, path, h.tokens[role], body)
}

func (h *harness) send(method, path, token string, body any) *http.Response {
	h.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			h.t.Fatal(err)
		}
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, h.srv.URL+path, r)
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp
}

// expect checks the status and decodes the body into out (if not nil).
func (h *harness) expect(resp *http.Response, status int, out any) []byte {
	h.t.Helper()
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	if resp.StatusCode != status {
		h.t.Fatalf("%s %s: status %d, want %d; body %s", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, status, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			h.t.Fatalf("decode %s: %v", raw, err)
		}
	}
	return raw
}

// apiError is the error shape every failure has.
type apiError struct {
	Error struct {
		Code         string            `json:"code"`
		Message      string            `json:"message"`
		Fields       map[string]string `json:"fields"`
		Status       string            `json:"status"`
		Version      int               `json:"version"`
		ExistingCode string            `json:"existing_code"`
	} `json:"error"`
}

func (h *harness) expectError(resp *http.Response, status int, code string) apiError {
	h.t.Helper()
	var e apiError
	h.expect(resp, status, &e)
	if e.Error.Code != code || e.Error.Message == "" {
		h.t.Fatalf("error %+v, want code %s with a message", e.Error, code)
	}
	return e
}

type claimOut struct {
	ID             int64    `json:"id"`
	Code           string   `json:"code"`
	Status         string   `json:"status"`
	StatusLabel    string   `json:"status_label"`
	Version        int      `json:"version"`
	Amount         int64    `json:"amount"`
	Warnings       []string `json:"warnings"`
	AllowedActions []string `json:"allowed_actions"`
	Deceased       struct {
		NIK         string `json:"nik"`
		Sex         string `json:"sex"`
		BirthDate   string `json:"birth_date"`
		VillageName string `json:"village_name"`
	} `json:"deceased"`
	Heir struct {
		NIK   string `json:"nik"`
		Phone string `json:"phone"`
	} `json:"heir"`
	BankAccount struct {
		BankName string `json:"bank_name"`
	} `json:"bank_account"`
}

// claimBody is the JSON of fixture claim n.
func claimBody(n int) map[string]any {
	in := fixture.ClaimInput(n)
	return map[string]any{
		"deceased": map[string]string{"nik": in.Deceased.NIK, "full_name": in.Deceased.FullName,
			"date_of_death": in.Deceased.DateOfDeath, "place_of_death": in.Deceased.PlaceOfDeath,
			"kk_number": in.Deceased.KKNumber, "address": in.Deceased.Address, "village_code": in.Deceased.VillageCode},
		"heir": map[string]string{"nik": in.Heir.NIK, "full_name": in.Heir.FullName,
			"relationship": in.Heir.Relationship, "phone": in.Heir.Phone},
		"bank_account": map[string]string{"bank_code": in.BankAccount.BankCode,
			"account_number": in.BankAccount.AccountNumber, "account_name": in.BankAccount.AccountName},
	}
}

func (h *harness) file(n int) claimOut {
	h.t.Helper()
	var c claimOut
	h.expect(h.do(http.MethodPost, "/api/v1/claims", domain.RoleDukcapilClerk, claimBody(n)), http.StatusCreated, &c)
	return c
}

func (h *harness) act(c claimOut, role domain.Role, action string, body any) claimOut {
	h.t.Helper()
	var out claimOut
	h.expect(h.do(http.MethodPost, actionPath(c.ID, action), role, body), http.StatusOK, &out)
	return out
}

func actionPath(id int64, action string) string {
	return "/api/v1/claims/" + itoa(id) + "/actions/" + action
}

func itoa(n int64) string {
	raw, _ := json.Marshal(n)
	return string(raw)
}
