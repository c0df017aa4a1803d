package main

import (
	"context"
	"strings"
	"testing"

	"santunan/complaints"
	"santunan/database"
	"santunan/domain"
	"santunan/workflow"
)

// `santunan audit verify` checks every complaint's chain: a complaint event
// edited behind the application's back is named, and the exit status is 1.
func TestAuditVerifyChecksComplaints(t *testing.T) {
	getenv := env(t)
	if code, _, stderr := runCmd(t, getenv, "kata-sandi-yang-panjang\n",
		"user", "add", "--username", "siti", "--role", "auditor", "--full-name", "Siti Rahma"); code != 0 {
		t.Fatalf("user add: exit %d, stderr %q", code, stderr)
	}
	ctx := context.Background()
	db, err := database.Open(ctx, database.Options{SQLitePath: getenv("SANTUNAN_SQLITE_PATH")})
	if err != nil {
		t.Fatal(err)
	}
	svc := complaints.New(db, workflow.New(db, workflow.Options{}), complaints.Options{})
	c, err := svc.File(ctx, complaints.Filing{Category: domain.CategoryOther, Text: "Tolong periksa pelayanan ini.",
		Identity: domain.IdentityAnonymous})
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runCmd(t, getenv, "", "audit", "verify")
	if code != 0 || !strings.Contains(stdout, "checked 1 complaints, 1 events") || !strings.Contains(stdout, "audit trail intact") {
		t.Fatalf("intact: exit %d, stdout %q", code, stdout)
	}
	err = db.Write.Exec(`DROP TRIGGER complaint_events_no_update; UPDATE complaint_events SET reason = 'diubah'`).Error
	_ = db.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCmd(t, getenv, "", "audit", "verify")
	if code != 1 || !strings.Contains(stdout, "BROKEN complaint "+c.Code+" (id 1) seq 1: hash does not match") {
		t.Fatalf("edited: exit %d, stdout %q", code, stdout)
	}
}
