package notify_test

import (
	"strings"
	"testing"
	"time"

	"santunan/internal/testserver"
	"santunan/notify"
)

// waitFor bounds how long a test waits for the worker: it only ends a test
// that would otherwise hang (a retry waits for river's scheduler, ~5 s).
const waitFor = 90 * time.Second

// waitRows waits until every message of the claim has left queued and
// there are at least n of them, and returns them.
func waitRows(t *testing.T, srv *testserver.Server, claimID int64, n int) []notify.Notification {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for {
		rows := srv.Notifications(claimID)
		done := len(rows) >= n
		for _, r := range rows {
			if r.Status == notify.StatusQueued {
				done = false
			}
		}
		if done {
			return rows
		}
		if time.Now().After(deadline) {
			t.Fatalf("claim %d: messages still queued or missing after %s: %+v", claimID, waitFor, rows)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// kinds are the rows' kinds in order.
func kinds(rows []notify.Notification) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = string(r.Kind)
	}
	return out
}

// about are the gateway's messages that name the claim's code.
func about(g *testserver.FakeGateway, code string) []testserver.GatewayMessage {
	var out []testserver.GatewayMessage
	for _, m := range g.Messages() {
		if strings.Contains(m.Text, code) {
			out = append(out, m)
		}
	}
	return out
}

// waitUntil polls ok until it holds (or fails the test after waitFor).
func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitFor)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", waitFor, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
