package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"santunan/database"
)

// env returns a getenv over a fresh SQLite file, plus the settings given.
func env(t *testing.T, kv ...string) func(string) string {
	t.Helper()
	m := map[string]string{"SANTUNAN_SQLITE_PATH": filepath.Join(t.TempDir(), "santunan.db"), "SANTUNAN_LOG_LEVEL": "warn"}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func runCmd(t *testing.T, getenv func(string) string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, getenv, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUnknownCommand(t *testing.T) {
	code, _, stderr := runCmd(t, env(t), "", "launch")
	if code != 2 || !strings.Contains(stderr, "unknown command") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestBadConfigurationStopsStartup(t *testing.T) {
	code, _, stderr := runCmd(t, env(t, "SANTUNAN_CLAIM_WINDOW_DAYS", "many"), "", "migrate")
	if code != 1 || !strings.Contains(stderr, "SANTUNAN_CLAIM_WINDOW_DAYS") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestUserAddReadsThePasswordFromStdin(t *testing.T) {
	getenv := env(t)
	code, stdout, stderr := runCmd(t, getenv, "kata-sandi-yang-panjang\n",
		"user", "add", "--username", "siti", "--role", "dukcapil_clerk", "--full-name", "Siti Rahma")
	if code != 0 || !strings.Contains(stdout, "created user siti") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = runCmd(t, getenv, "pendek\n", "user", "add", "--username", "budi", "--role", "auditor", "--full-name", "Budi")
	if code != 1 || !strings.Contains(stderr, "password") {
		t.Fatalf("short password: exit %d, stderr %q", code, stderr)
	}
}

func TestAuditVerifyExitsOneWhenBroken(t *testing.T) {
	getenv := env(t)
	code, stdout, _ := runCmd(t, getenv, "", "audit", "verify")
	if code != 0 || !strings.Contains(stdout, "audit trail intact") {
		t.Fatalf("empty database: exit %d, stdout %q", code, stdout)
	}
	// Break the trail behind the application's back: a claim with no events.
	db, err := database.Open(context.Background(), database.Options{SQLitePath: getenv("SANTUNAN_SQLITE_PATH")})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Write.Exec(`INSERT INTO users (username, full_name, role, password_hash, active, created_at, updated_at)
		VALUES ('x', 'X', 'dukcapil_clerk', 'x', TRUE, '2026-11-28 00:00:00', '2026-11-28 00:00:00');
		INSERT INTO claims (code, status, version, amount, deceased_nik, deceased_name, date_of_death, place_of_death,
		kk_number, address, village_code, heir_nik, heir_name, heir_relationship, heir_phone, bank_code,
		bank_account_number, bank_account_name, created_by, created_at, updated_at)
		VALUES ('SKM-AAAA-BBBB', 'paid', 1, 1000000, '3324150101500001', 'A', '2026-11-20', 'P', '3324151203100007',
		'J', '3324151001', '3324155505800001', 'S', 'spouse', '+6281234567890', '113', '123456', 'S', 1,
		'2026-11-28 00:00:00', '2026-11-28 00:00:00')`).Error
	_ = db.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCmd(t, getenv, "", "audit", "verify")
	if code != 1 || !strings.Contains(stdout, "BROKEN claim SKM-AAAA-BBBB") {
		t.Fatalf("broken trail: exit %d, stdout %q", code, stdout)
	}
}

// serve answers until its context ends, then lets a request in flight finish.
func TestServeShutsDownGracefully(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var logs bytes.Buffer
	go func() {
		done <- run(ctx, []string{"serve"}, env(t, "SANTUNAN_ADDR", addr), strings.NewReader(""), &bytes.Buffer{}, &logs)
	}()
	url := "http://" + addr + "/healthz"
	// Start-up migrates a fresh database (river's schema too), which under
	// -race on PostgreSQL takes seconds: wait for the server or its exit,
	// never a fixed short time.
	var resp *http.Response
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if resp, err = http.Get(url); err == nil {
			break
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d before answering; logs:\n%s", code, logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not come up: %v", err)
		}
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %d", resp.StatusCode)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exited %d; logs: %s", code, logs.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
	if _, err := http.Get(url); err == nil {
		t.Fatal("server still answers after shutdown")
	}
	if !strings.Contains(logs.String(), "created user admin with a random password") {
		t.Fatalf("first start did not print the admin password; logs: %s", logs.String())
	}
}
