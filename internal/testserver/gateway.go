package testserver

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// FakeGateway is an HTTP SMS gateway (outside our walls) on httptest,
// speaking what notify.SMSGateway sends: a JSON body {"to","text",
// "reference"} with an Idempotency-Key header. Start wires one by default
// (Server.Gateway, channel "sms"), so every test's messages to heirs and
// one-time codes land here:
//
//	srv := testserver.Start(t, db)
//	... an action on a claim whose heir consented ...
//	msgs := srv.Gateway.WaitFor(t, 1)                // the worker sends after the commit
//	code := srv.Gateway.LastTo(t, "+6281234567890")  // e.g. a one-time code's text
//
// A message is accepted once per idempotency key: a retry of an accepted
// key answers the same provider id and records nothing new, as a gateway
// that honours the key does. FailNext makes it refuse; Block holds every
// request after it was accepted, before answering (a crash mid-delivery).
type FakeGateway struct {
	Server *httptest.Server

	mu       sync.Mutex
	messages []GatewayMessage
	byKey    map[string]string
	requests int
	fail     []gatewayFailure
	block    chan struct{}
	blocked  chan struct{}
}

// GatewayMessage is one accepted message.
type GatewayMessage struct {
	To, Text, Key, ProviderID string
}

type gatewayFailure struct {
	status int
	body   string
}

// NewFakeGateway starts a gateway that accepts everything; it closes when
// the test ends.
func NewFakeGateway(t testing.TB) *FakeGateway {
	g := &FakeGateway{byKey: map[string]string{}}
	g.Server = httptest.NewServer(http.HandlerFunc(g.serve))
	t.Cleanup(g.Server.Close)
	return g
}

// URL is where the gateway listens (loopback http, which the
// configuration allows).
func (g *FakeGateway) URL() string { return g.Server.URL }

func (g *FakeGateway) serve(w http.ResponseWriter, r *http.Request) {
	var body struct {
		To   string `json:"to"`
		Text string `json:"text"`
	}
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err := json.Unmarshal(raw, &body); err != nil || body.To == "" {
		http.Error(w, `{"error":"bad request"}`, http.StatusBadRequest)
		return
	}
	key := r.Header.Get("Idempotency-Key")
	g.mu.Lock()
	g.requests++
	if len(g.fail) > 0 {
		f := g.fail[0]
		g.fail = g.fail[1:]
		g.mu.Unlock()
		w.WriteHeader(f.status)
		_, _ = io.WriteString(w, f.body)
		return
	}
	id, seen := g.byKey[key]
	if !seen || key == "" {
		id = fmt.Sprintf("fake-%d", len(g.messages)+1)
		g.byKey[key] = id
		g.messages = append(g.messages, GatewayMessage{To: body.To, Text: body.Text, Key: key, ProviderID: id})
	}
	block, blocked := g.block, g.blocked
	g.mu.Unlock()
	if block != nil {
		// Accepted, but the answer waits: the sender may be killed now.
		select {
		case blocked <- struct{}{}:
		default:
		}
		select {
		case <-block:
		case <-r.Context().Done():
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"message_id": id})
}

// FailNext makes the next n requests answer status with body.
func (g *FakeGateway) FailNext(n, status int, body string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for range n {
		g.fail = append(g.fail, gatewayFailure{status: status, body: body})
	}
}

// Block holds every request after accepting it until the returned release
// is called; arrived receives once per held request.
func (g *FakeGateway) Block() (arrived <-chan struct{}, release func()) {
	g.mu.Lock()
	defer g.mu.Unlock()
	block, blocked := make(chan struct{}), make(chan struct{}, 16)
	g.block, g.blocked = block, blocked
	var once sync.Once
	return blocked, func() {
		once.Do(func() {
			g.mu.Lock()
			g.block, g.blocked = nil, nil
			g.mu.Unlock()
			close(block)
		})
	}
}

// Messages are the accepted messages, in order.
func (g *FakeGateway) Messages() []GatewayMessage {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]GatewayMessage(nil), g.messages...)
}

// Requests counts every request, retries of one key and refusals included.
func (g *FakeGateway) Requests() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.requests
}

// To are the accepted messages to a phone (as stored, +628...).
func (g *FakeGateway) To(phone string) []GatewayMessage {
	var out []GatewayMessage
	for _, m := range g.Messages() {
		if m.To == phone {
			out = append(out, m)
		}
	}
	return out
}

// gatewayWait bounds how long WaitFor waits for the worker: long, because
// it only ends a test that would otherwise hang (a retry waits for river's
// scheduler, about 5 s).
const gatewayWait = 60 * time.Second

// WaitFor waits until at least n messages were accepted and returns them.
func (g *FakeGateway) WaitFor(t testing.TB, n int) []GatewayMessage {
	t.Helper()
	deadline := time.Now().Add(gatewayWait)
	for {
		if msgs := g.Messages(); len(msgs) >= n {
			return msgs
		}
		if time.Now().After(deadline) {
			t.Fatalf("gateway: %d messages accepted, waited for %d", len(g.Messages()), n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// LastTo waits for a message to phone and returns the latest one's text
// (a one-time code's message, say).
func (g *FakeGateway) LastTo(t testing.TB, phone string) string {
	t.Helper()
	deadline := time.Now().Add(gatewayWait)
	for {
		if msgs := g.To(phone); len(msgs) > 0 {
			return msgs[len(msgs)-1].Text
		}
		if time.Now().After(deadline) {
			t.Fatalf("gateway: no message to the phone")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
