package stresstest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"santunan/api"
	"santunan/config"
	"santunan/database"
	"santunan/deathregister"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/wiring"
)

// target is the server under stress and what the run knows of it from the
// start: one logged-in user per role, the clock's today, the year's budget.
type target struct {
	url     string
	tokens  map[domain.Role]string
	users   map[domain.Role]int64
	now     func() time.Time
	year    int
	ceiling int64 // the budget the server starts with
	log     *logSink
}

func (s *target) today() time.Time {
	t := s.now().In(domain.Jakarta())
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

const (
	password      = "rahasia-kendal-2026"
	startCeiling  = 1_000_000_000
	generousRates = "100000"
)

// startTarget serves Santunan as `serve` wires it (internal/wiring from the
// production configuration) on db, with a fake Dukcapil web service. Only
// the clock, the bcrypt cost and the per-IP rate limits differ: every
// request of a run comes from 127.0.0.1.
func startTarget(t *testing.T, db *database.DB) *target {
	t.Helper()
	env := map[string]string{"SANTUNAN_TRACK_RATE_PER_MINUTE": generousRates, "SANTUNAN_LOGIN_RATE_PER_MINUTE": generousRates}
	cfg, err := config.FromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	dir := fixture.Areas(t)
	now := fixture.Clock()
	sink := &logSink{}
	svc := wiring.Build(db, dir, cfg, wiring.Options{Now: now, BcryptCost: bcrypt.MinCost, Registry: fakeDukcapil{}})
	opts := wiring.APIOptions(cfg)
	opts.Now = now
	gin.SetMode(gin.ReleaseMode)
	router, err := api.New(svc.Deps(db, dir, slog.New(slog.NewJSONHandler(sink, nil))), opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(router)
	t.Cleanup(srv.Close)
	if _, _, err := svc.Auth.EnsureAdmin(context.Background(), password); err != nil {
		t.Fatal(err)
	}
	s := &target{url: srv.URL, tokens: map[domain.Role]string{}, users: map[domain.Role]int64{}, now: now, log: sink}
	s.year = now().In(domain.Jakarta()).Year()
	s.tokens[domain.RoleAdmin] = s.login(t, "admin")
	for _, role := range domain.AllRoles {
		if role == domain.RoleAdmin {
			continue
		}
		var u domain.User
		s.must(t, http.MethodPost, "/api/v1/users", domain.RoleAdmin, map[string]any{
			"username": string(role), "full_name": "Petugas " + string(role), "role": role, "password": password}, &u)
		s.users[role] = u.ID
		s.tokens[role] = s.login(t, string(role))
	}
	s.ceiling = startCeiling
	s.must(t, http.MethodPost, "/api/v1/budgets/"+strconv.Itoa(s.year), domain.RoleAdmin, map[string]any{"ceiling": s.ceiling}, nil)
	return s
}

func (s *target) login(t *testing.T, username string) string {
	t.Helper()
	var out struct {
		Token string `json:"token"`
	}
	s.must(t, http.MethodPost, "/api/v1/auth/login", "", map[string]string{"username": username, "password": password}, &out)
	return out.Token
}

// must sends a setup request that has to succeed.
func (s *target) must(t *testing.T, method, path string, role domain.Role, body, out any) {
	t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, s.url+path, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	if tok := s.tokens[role]; tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	if resp.StatusCode >= 300 {
		t.Fatalf("setup %s %s: %d %s", method, path, resp.StatusCode, buf.String())
	}
	if out != nil {
		if err := json.Unmarshal(buf.Bytes(), out); err != nil {
			t.Fatal(err)
		}
	}
}

// fakeDukcapil answers the online death check: a record that matches a
// run's claim for serials ending in 0-5, one that differs for 6-7, and no
// record for the rest. It knows a claim only by its NIK, as Dukcapil does.
type fakeDukcapil struct{}

func (fakeDukcapil) LookupDeath(_ context.Context, nik string) (deathregister.RegistryRecord, bool, error) {
	if len(nik) != 16 {
		return deathregister.RegistryRecord{}, false, nil
	}
	last, _ := strconv.Atoi(nik[12:])
	day, _ := strconv.Atoi(nik[6:8])
	month, _ := strconv.Atoi(nik[8:10])
	// Invert deceasedNIK: the last four digits and the day and month give
	// back the serial.
	n := (last - 1) + 9999*((day-1)+28*(month-1))
	name := deceasedName
	switch last % 10 {
	case 8, 9:
		return deathregister.RegistryRecord{}, false, nil
	case 6, 7:
		name = "Bambang Sutrisno"
	}
	return deathregister.RegistryRecord{NIK: nik, FullName: name, Sex: "L", DateOfDeath: dateOfDeath(fixtureToday(), n),
		DeathCertificateNo: certificateNo(n), VillageCode: villageCode, RegisteredOn: fixtureToday().Format(time.DateOnly)}, true, nil
}

func fixtureToday() time.Time {
	t := fixture.Now.In(domain.Jakarta())
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// logSink keeps the server's ERROR lines by request id, so that a 5xx in
// the report comes with the error the server logged for it.
type logSink struct {
	mu    sync.Mutex
	lines map[string][]string
}

func (l *logSink) Write(p []byte) (int, error) {
	if !bytes.Contains(p, []byte(`"level":"ERROR"`)) {
		return len(p), nil
	}
	var line struct {
		RequestID string `json:"request_id"`
		Msg       string `json:"msg"`
		Error     string `json:"error"`
		Panic     string `json:"panic"`
	}
	_ = json.Unmarshal(p, &line)
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lines == nil {
		l.lines = map[string][]string{}
	}
	l.lines[line.RequestID] = append(l.lines[line.RequestID], strings.TrimSpace(fmt.Sprint(line.Msg, ": ", line.Error, line.Panic)))
	return len(p), nil
}

func (l *logSink) errors(requestID string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lines[requestID]
}
