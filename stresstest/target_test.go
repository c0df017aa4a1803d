package stresstest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"santunan/database"
	"santunan/deathregister"
	"santunan/domain"
	"santunan/internal/testserver"
)

// target is the server under stress and what the run knows of it from the
// start: one logged-in user per role, the clock's today, the year's budget.
type target struct {
	url      string
	tokens   map[domain.Role]string
	now      func() time.Time
	year     int
	ceiling  int64 // the budget the server starts with
	log      *logSink
	dukcapil *testserver.FakeDukcapil
	mu       sync.Mutex
	down     map[string]bool // NIKs the fake Dukcapil fails for
}

func (s *target) today() time.Time {
	t := s.now().In(domain.Jakarta())
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// startTarget serves Santunan as `serve` wires it (internal/testserver:
// the production configuration through internal/wiring) on db, with the
// harness's fake Dukcapil web service and the server's log kept.
func startTarget(t *testing.T, db *database.DB) *target {
	t.Helper()
	sink, dukcapil := &logSink{}, testserver.NewFakeDukcapil()
	s := testserver.Start(t, db, testserver.Log(sink), testserver.Registry(dukcapil))
	return &target{url: s.URL, tokens: s.Tokens, now: s.Clock.Now, year: s.Year(), ceiling: testserver.DefaultBudget,
		log: sink, dukcapil: dukcapil, down: map[string]bool{}}
}

// knows tells the fake Dukcapil about the death of serial n before it is
// filed: most deaths as the claim will state them, some with another name
// (verify_death then needs the clerk's confirmation), some not at all, and
// now and then the service fails for it.
func (s *target) knows(rng *rand.Rand, n int) {
	rec := deathregister.RegistryRecord{NIK: deceasedNIK(n), FullName: deceasedName, Sex: "L", DateOfDeath: dateOfDeath(s.today(), n),
		DeathCertificateNo: certificateNo(n), VillageCode: villageCode, RegisteredOn: s.today().Format(time.DateOnly)}
	switch x := rng.IntN(20); {
	case x < 12:
		s.dukcapil.Knows(rec)
	case x < 16:
		rec.FullName = "Bambang Sutrisno"
		s.dukcapil.Knows(rec)
	case x < 17:
		s.dukcapil.Fails(rec.NIK, errors.New("dukcapil: 503 Service Unavailable"))
		s.mu.Lock()
		s.down[rec.NIK] = true
		s.mu.Unlock()
	}
}

// isDown says whether the fake Dukcapil fails for the NIK.
func (s *target) isDown(nik string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.down[nik]
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
