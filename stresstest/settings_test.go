package stresstest

import (
	"crypto/rand"
	"encoding/binary"
	"os"
	"strconv"
	"testing"
	"time"
)

// The variables that change a run. Each is read once, at the start.
const (
	envDuration = "SANTUNAN_STRESS_DURATION" // how long each database is stressed (Go duration: 10s, 5m)
	envSeed     = "SANTUNAN_STRESS_SEED"     // replays a run's choices
	envWorkers  = "SANTUNAN_STRESS_WORKERS"  // goroutines sending requests
	envRequests = "SANTUNAN_STRESS_REQUESTS" // ceiling on the requests of a run
)

// settings are one run's parameters.
type settings struct {
	duration time.Duration
	seed     uint64
	workers  int
	requests int64
}

// Default durations. Under CI the PostgreSQL run is long enough to meet
// the races that matter; a developer's `go test ./...` stays short.
const (
	ciPostgres    = 60 * time.Second
	ciSQLite      = 10 * time.Second
	localPostgres = 6 * time.Second
	localSQLite   = 3 * time.Second
	shortRun      = 2 * time.Second
)

// requestsPerSecond bounds a run's requests by its duration: far above what
// two cores answer, so the clock ends a run, and the bound only keeps a
// very fast machine from sending without end.
const requestsPerSecond = 10000

func readSettings(t *testing.T, postgres bool) settings {
	t.Helper()
	s := settings{workers: 16}
	switch {
	case os.Getenv(envDuration) != "":
		d, err := time.ParseDuration(os.Getenv(envDuration))
		if err != nil || d <= 0 {
			t.Fatalf("%s=%q: want a positive Go duration such as 10s or 5m", envDuration, os.Getenv(envDuration))
		}
		s.duration = d
	case testing.Short():
		s.duration = shortRun
	case os.Getenv("CI") == "true" && postgres:
		s.duration = ciPostgres
	case os.Getenv("CI") == "true":
		s.duration = ciSQLite
	case postgres:
		s.duration = localPostgres
	default:
		s.duration = localSQLite
	}
	if raw := os.Getenv(envSeed); raw != "" {
		seed, err := strconv.ParseUint(raw, 10, 64)
		if err != nil {
			t.Fatalf("%s=%q: want an unsigned integer", envSeed, raw)
		}
		s.seed = seed
	} else {
		var b [8]byte
		_, _ = rand.Read(b[:])
		s.seed = binary.LittleEndian.Uint64(b[:]) >> 1
	}
	s.workers = positiveInt(t, envWorkers, s.workers)
	s.requests = int64(positiveInt(t, envRequests, int(s.duration.Seconds()*requestsPerSecond)+1000))
	return s
}

func positiveInt(t *testing.T, name string, def int) int {
	t.Helper()
	raw := os.Getenv(name)
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q: want a positive integer", name, raw)
	}
	return n
}

// The run's length: about a minute on PostgreSQL under CI, seconds in a
// developer's `go test ./...`, and whatever SANTUNAN_STRESS_DURATION says.
func TestStressSettings(t *testing.T) {
	if testing.Short() {
		t.Skip("-short shortens every run")
	}
	for _, tc := range []struct {
		ci, duration string
		postgres     bool
		want         time.Duration
	}{
		{ci: "true", postgres: true, want: ciPostgres},
		{ci: "true", want: ciSQLite},
		{postgres: true, want: localPostgres},
		{want: localSQLite},
		{ci: "true", postgres: true, duration: "5m", want: 5 * time.Minute},
		{duration: "1500ms", want: 1500 * time.Millisecond},
	} {
		t.Setenv("CI", tc.ci)
		t.Setenv(envDuration, tc.duration)
		t.Setenv(envSeed, "42")
		t.Setenv(envRequests, "")
		st := readSettings(t, tc.postgres)
		if st.duration != tc.want || st.seed != 42 || st.workers != 16 || st.requests < int64(tc.want.Seconds()*requestsPerSecond) {
			t.Errorf("CI=%q %s=%q postgres=%v: %+v, want %s", tc.ci, envDuration, tc.duration, tc.postgres, st, tc.want)
		}
	}
}
