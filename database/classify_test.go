package database

import (
	"errors"
	"fmt"
	"net"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

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
	for code, want := range map[string]bool{"40001": true, "40P01": true, "23505": false, "57P01": false} {
		if got := retryable(fmt.Errorf("tx: %w", &pgconn.PgError{Code: code})); got != want {
			t.Errorf("retryable(%s) = %v, want %v", code, got, want)
		}
	}
}
