package httpkit_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"santunan/config"
	"santunan/database"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
	"santunan/internal/wiring"
)

// publicServer is one server as `serve` wires it (its rate counter
// included: the database's on PostgreSQL), behind a trusted proxy on
// 127.0.0.1, with tracking limited to perMinute. Tracking needs no user.
func publicServer(t *testing.T, db *database.DB, clk *testserver.Clock, perMinute int) *httptest.Server {
	t.Helper()
	env := map[string]string{"SANTUNAN_TRUSTED_PROXIES": "127.0.0.1", "SANTUNAN_TRACK_RATE_PER_MINUTE": fmt.Sprint(perMinute)}
	cfg, err := config.FromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	dir := fixture.Areas(t)
	svc := wiring.Build(db, dir, cfg, wiring.Options{Now: clk.Now, BcryptCost: bcrypt.MinCost})
	site, err := wiring.NewSite(svc, db, slog.New(slog.NewJSONHandler(io.Discard, nil)), cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	return srv
}

// trackSerial numbers the unknown codes trackFrom asks for.
var trackSerial atomic.Int64

// trackFrom asks srv to track an unknown claim as the client at ip (sent
// by the trusted proxy) and returns the status. Each call asks for another
// code, so that no code's own lock (five wrong NIKs) answers first.
func trackFrom(t *testing.T, srv *httptest.Server, ip string) int {
	t.Helper()
	n := trackSerial.Add(1)
	body := fmt.Sprintf(`{"code":"SKM-%04d-%04d","heir_nik":"3324155505800001"}`, n/10000%10000, n%10000)
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/public/track", strings.NewReader(body))
	req.Header.Set("X-Forwarded-For", ip)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("track from %s: %d", ip, resp.StatusCode)
	}
	return resp.StatusCode
}

// An IPv6 client is counted by its /64, which it can fill with addresses at
// will; an IPv4 client by its address. 60 addresses of one /64 share one
// limit of 10.
func TestIPv6ClientsAreCountedByTheirSlash64(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		clk := testserver.NewClock(fixture.Now)
		srv := publicServer(t, db, clk, 10)
		passed := 0
		for i := 1; i <= 60; i++ {
			ip := fmt.Sprintf("2001:db8:7:7:%x:%x:%x:%x", i, i*7, i*13, i*31)
			if i%3 == 0 {
				ip = strings.ToUpper(ip)
			}
			if trackFrom(t, srv, ip) == http.StatusNotFound {
				passed++
			}
		}
		if passed != 10 {
			t.Fatalf("%d of 60 addresses in one /64 passed, want 10", passed)
		}
		for _, ip := range []string{"2001:db8:7:8::1", "203.0.113.1", "203.0.113.2"} {
			if trackFrom(t, srv, ip) != http.StatusNotFound {
				t.Errorf("%s, another client, was refused", ip)
			}
		}
		// An IPv4 address written as IPv6 is the same client.
		for range 9 {
			trackFrom(t, srv, "203.0.113.1")
		}
		if trackFrom(t, srv, "::ffff:203.0.113.1") != http.StatusTooManyRequests {
			t.Error("::ffff:203.0.113.1 counted apart from 203.0.113.1")
		}
		clk.Advance(61e9)
		if trackFrom(t, srv, "2001:db8:7:7::1") != http.StatusNotFound {
			t.Error("the /64 is still refused a minute later")
		}
	})
}

// Servers on one PostgreSQL database count a client together: ten
// requests spread over two servers are what the limit of ten allows, not
// ten at each. (On SQLite there is one server, which counts in memory.)
func TestServersOnOneDatabaseShareTheCount(t *testing.T) {
	db := testdb.Postgres(t)
	clk := testserver.NewClock(fixture.Now)
	a, b := publicServer(t, db, clk, 10), publicServer(t, db, clk, 10)
	passed := 0
	for i := range 20 {
		srv := a
		if i%2 == 1 {
			srv = b
		}
		if trackFrom(t, srv, "198.51.100.7") == http.StatusNotFound {
			passed++
		}
	}
	if passed != 10 {
		t.Fatalf("%d of 20 requests over two servers passed, want 10", passed)
	}
	clk.Advance(61e9)
	if trackFrom(t, b, "198.51.100.7") != http.StatusNotFound || trackFrom(t, a, "198.51.100.7") != http.StatusNotFound {
		t.Fatal("still refused a minute later")
	}
}
