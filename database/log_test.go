package database

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// A statement the database refuses is the caller's to judge: a unique
// index meeting a double submit is a 409, a deadlock is retried, and only
// what nobody expected is logged, once, as a 500 with its request id. So
// gorm's logger writes no line for a failed statement (a client could
// otherwise fill the log with ERRORs), but still reports a slow one.
func TestGormLogsSlowStatementsNotRefusals(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	stderr := os.Stderr
	os.Stderr = f
	log := gormConfig().Logger
	os.Stderr = stderr

	ctx := context.Background()
	sql := func(q string) func() (string, int64) { return func() (string, int64) { return q, 0 } }
	log.Trace(ctx, time.Now(), sql("INSERT INTO users refused"), gorm.ErrDuplicatedKey)
	log.Trace(ctx, time.Now().Add(-2*time.Second), sql("SELECT slow"), nil)
	out, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "refused") || strings.Contains(string(out), "duplicated key") {
		t.Errorf("a refused statement was logged: %s", out)
	}
	if !strings.Contains(string(out), "SELECT slow") {
		t.Errorf("a slow statement was not logged: %q", out)
	}
}
