package main

import (
	"context"
	"strings"
	"testing"

	"santunan/database"
)

// `santunan audit verify` checks the security log's chain too: an event
// edited behind the application's back is named, and the exit status is 1.
func TestAuditVerifyChecksTheSecurityLog(t *testing.T) {
	getenv := env(t)
	if code, _, stderr := runCmd(t, getenv, "kata-sandi-yang-panjang\n",
		"user", "add", "--username", "siti", "--role", "auditor", "--full-name", "Siti Rahma"); code != 0 {
		t.Fatalf("user add: exit %d, stderr %q", code, stderr)
	}
	code, stdout, _ := runCmd(t, getenv, "", "audit", "verify")
	if code != 0 || !strings.Contains(stdout, "checked 1 security log events") || !strings.Contains(stdout, "audit trail intact") {
		t.Fatalf("intact log: exit %d, stdout %q", code, stdout)
	}
	db, err := database.Open(context.Background(), database.Options{SQLitePath: getenv("SANTUNAN_SQLITE_PATH")})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Write.Exec(`DROP TRIGGER security_events_no_update; UPDATE security_events SET detail = 'role dukcapil_clerk'`).Error
	_ = db.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCmd(t, getenv, "", "audit", "verify")
	if code != 1 || !strings.Contains(stdout, "BROKEN security log event 1: hash does not match") {
		t.Fatalf("edited log: exit %d, stdout %q", code, stdout)
	}
}
