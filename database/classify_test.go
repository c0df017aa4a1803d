package database

import (
	"errors"
	"fmt"
	"net"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"santunan/domain"
)

func TestClassify(t *testing.T) {
	cases := []struct {
		name        string
		err         error
		unavailable bool
	}{
		{"connection refused", fmt.Errorf("query: %w", syscall.ECONNREFUSED), true},
		{"network error", &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("no route to host")}, true},
		{"admin shutdown", &pgconn.PgError{Code: "57P01"}, true},
		{"connection failure", &pgconn.PgError{Code: "08006"}, true},
		{"unique violation", &pgconn.PgError{Code: "23505"}, false},
		{"not found", domain.ErrNotFound, false},
		{"plain error", errors.New("boom"), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Classify(tc.err)
			if errors.Is(got, domain.ErrUnavailable) != tc.unavailable {
				t.Fatalf("Classify(%v) = %v, unavailable want %v", tc.err, got, tc.unavailable)
			}
			if !errors.Is(got, tc.err) {
				t.Fatalf("Classify lost the original error")
			}
		})
	}
	if Classify(nil) != nil {
		t.Fatal("Classify(nil) != nil")
	}
}

func TestRetryableCodes(t *testing.T) {
	for code, want := range map[string]string{"40001": "40001", "40P01": "40P01", "23505": "", "57P01": ""} {
		if got := retryCode(fmt.Errorf("tx: %w", &pgconn.PgError{Code: code})); got != want {
			t.Errorf("retryCode(%s) = %q, want %q", code, got, want)
		}
	}
	if got := retryCode(nil); got != "" {
		t.Errorf("retryCode(nil) = %q", got)
	}
}

// A write the database refused (a constraint or an append-only trigger) is a
// conflict, answered 409; a NOT NULL failure is our bug and stays a 500.
func TestClassifyConstraintViolations(t *testing.T) {
	cases := []struct {
		name     string
		err      error
		conflict bool
	}{
		{"postgres unique", &pgconn.PgError{Code: "23505"}, true},
		{"postgres check", &pgconn.PgError{Code: "23514"}, true},
		{"postgres trigger raise", &pgconn.PgError{Code: "23000"}, true},
		{"postgres foreign key", &pgconn.PgError{Code: "23503"}, true},
		{"postgres not null", &pgconn.PgError{Code: "23502"}, false},
		{"postgres syntax", &pgconn.PgError{Code: "42601"}, false},
		{"gorm duplicated key", fmt.Errorf("insert: %w", gorm.ErrDuplicatedKey), true},
		{"sqlite trigger raise", sqliteError(1811), true},
		{"sqlite check", sqliteError(275), true},
		{"sqlite not null", sqliteError(1299), false},
		{"sqlite busy", sqliteError(5), false},
		{"plain error", errors.New("boom"), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Classify(fmt.Errorf("write: %w", tc.err))
			if errors.Is(got, domain.ErrConflict) != tc.conflict {
				t.Fatalf("Classify(%v) = %v, conflict want %v", tc.err, got, tc.conflict)
			}
			if !errors.Is(got, tc.err) {
				t.Fatal("Classify lost the original error")
			}
		})
	}
}

type sqliteError int

func (e sqliteError) Error() string { return fmt.Sprintf("sqlite error %d", int(e)) }
func (e sqliteError) Code() int     { return int(e) }
