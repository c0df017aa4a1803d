package stresstest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// call is one request of the run.
type call struct {
	method, path string
	// route names the endpoint in the report, with ids left out
	// ("POST /api/v1/claims/:id/actions/approve").
	route string
	token string
	// ctype is the Content-Type; JSON when empty and there is a body.
	ctype string
	body  []byte
	// refuse says the request must not succeed whatever the timing: a role
	// that may never do this, bad input, a claim already final. A 2xx is
	// then a broken rule.
	refuse bool
	why    string // why it must be refused, for the report
	// upstreamDown: the outside service the request needs was made to
	// fail, so a 502 is the designed answer, not a failure.
	upstreamDown bool
}

// reply is what the server answered.
type reply struct {
	status int
	body   []byte
	header http.Header
}

func (r reply) ok() bool { return r.status >= 200 && r.status < 300 }

// decode reads a JSON answer into out; a 2xx that is not the JSON it
// claims to be is a failure of its own, reported by the caller.
func (r reply) decode(out any) error { return json.Unmarshal(r.body, out) }

// errorCode is the stable code of an error answer ("" if none).
func (r reply) errorCode() string {
	var e struct {
		Error struct {
			Code string `json:"code"`
		} `json:"error"`
	}
	_ = json.Unmarshal(r.body, &e)
	return e.Error.Code
}

// client sends every request of a run to the test server, counts the
// answers by route and status and keeps the ones that break a rule.
type client struct {
	base string
	http *http.Client
	left atomic.Int64 // requests the run may still send
	seq  atomic.Int64
	rec  *recorder
	// serverLog returns what the server logged at ERROR for a request id.
	serverLog func(requestID string) []string
}

func newClient(base string, requests int64, workers int, serverLog func(string) []string) *client {
	c := &client{base: base, rec: newRecorder(), serverLog: serverLog, http: &http.Client{
		// A request without an answer within this time is a hang, and a
		// failure of its own.
		Timeout:       60 * time.Second,
		Transport:     &http.Transport{MaxIdleConns: 4 * workers, MaxIdleConnsPerHost: 4 * workers, IdleConnTimeout: time.Minute},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
	c.left.Store(requests)
	return c
}

// do sends k; false when the run's request budget is spent (nothing sent).
func (c *client) do(k call) (reply, bool) {
	if c.left.Add(-1) < 0 {
		return reply{}, false
	}
	return c.send(k), true
}

// send sends k whatever the budget: the checks after the run use it.
func (c *client) send(k call) reply {
	req, err := http.NewRequest(k.method, c.base+k.path, bytes.NewReader(k.body))
	if err != nil {
		panic(fmt.Sprintf("request %s %s: %v", k.method, k.path, err))
	}
	if k.body == nil {
		req.Body, req.ContentLength = http.NoBody, 0
	}
	switch {
	case k.ctype != "":
		req.Header.Set("Content-Type", k.ctype)
	case k.body != nil:
		req.Header.Set("Content-Type", "application/json")
	}
	if k.token != "" {
		req.Header.Set("Authorization", "Bearer "+k.token)
	}
	// Our own request id, so that a 5xx can be matched to the server's
	// log line about it.
	id := "stress-" + strconv.FormatInt(c.seq.Add(1), 10)
	req.Header.Set("X-Request-ID", id)
	resp, err := c.http.Do(req)
	if err != nil {
		c.rec.failed(k, 0, nil, err, c.serverLog(id))
		return reply{}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	r := reply{status: resp.StatusCode, body: body, header: resp.Header}
	if err != nil {
		c.rec.failed(k, resp.StatusCode, body, fmt.Errorf("read body: %w", err), c.serverLog(id))
		return reply{}
	}
	c.rec.count(k.route, r.status, r.errorCode())
	switch {
	case r.status == http.StatusBadGateway && k.upstreamDown:
	case r.status >= 500:
		c.rec.failed(k, r.status, body, nil, c.serverLog(id))
	case r.ok() && k.refuse:
		c.rec.brokenAs(fmt.Sprintf("%s answered %d, but must be refused: %s", k.route, r.status, k.why),
			describe(k)+" → "+clip(body))
	}
	return r
}

// jsonCall is a call with a JSON body.
func jsonCall(method, path, route, token string, body any) call {
	k := call{method: method, path: path, route: route, token: token}
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			panic(err)
		}
		k.body = raw
	}
	return k
}

// refused marks k as a request that must be refused, for the reason why;
// no reason leaves it as it is.
func (k call) refused(why string) call {
	if why != "" {
		k.refuse, k.why = true, why
	}
	return k
}

// recorder keeps what the report needs: counts by route and status, and
// the failures (5xx and transport errors) and broken rules grouped by
// kind, each kind with its count and first example in full.
type recorder struct {
	mu       sync.Mutex
	counts   map[string]map[string]int
	failures kinds
	rules    kinds
}

// kinds groups findings: what a finding is (its key), how often it was
// met, and the first one in full; in the order they were first met.
type kinds struct {
	order []string
	n     map[string]int
	first map[string]string
}

func (k *kinds) add(key, example string) {
	if k.n == nil {
		k.n, k.first = map[string]int{}, map[string]string{}
	}
	if k.n[key] == 0 {
		k.order = append(k.order, key)
		k.first[key] = example
	}
	k.n[key]++
}

// lines are the findings, one kind a line.
func (k *kinds) lines() []string {
	out := make([]string, 0, len(k.order))
	for _, key := range k.order {
		out = append(out, fmt.Sprintf("%d× %s\n\tfirst: %s", k.n[key], key, k.first[key]))
	}
	return out
}

func newRecorder() *recorder { return &recorder{counts: map[string]map[string]int{}} }

// count counts an answer by its status and error code ("422 budget_exhausted").
func (r *recorder) count(route string, status int, code string) {
	key := strconv.Itoa(status)
	if code != "" {
		key += " " + code
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.counts[route] == nil {
		r.counts[route] = map[string]int{}
	}
	r.counts[route][key]++
}

// failed records a 5xx or a request without an answer; serverLog is what
// the server logged for it.
func (r *recorder) failed(k call, status int, body []byte, err error, serverLog []string) {
	if status == 0 {
		r.count(k.route, 0, "no answer")
	}
	what := fmt.Sprintf("%d", status)
	if err != nil {
		what = err.Error()
	}
	// The kind: the route, the status and the server's error with its
	// numbers taken out (ids, row counts differ from one request to the next).
	key := fmt.Sprintf("%s → %s %s", k.route, what, digits.ReplaceAllString(strings.Join(serverLog, "; "), "N"))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failures.add(key, fmt.Sprintf("%s; answer %s; server log %q", describe(k), clip(body), serverLog))
}

var digits = regexp.MustCompile(`[0-9]+`)

// broken records a rule broken, during the run or after it. The format
// names the rule: findings of one format are one kind.
func (r *recorder) broken(format string, args ...any) {
	r.brokenAs(format, fmt.Sprintf(format, args...))
}

// brokenAs records a broken rule of the kind key.
func (r *recorder) brokenAs(key, msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rules.add(key, msg)
}

// table is the counts by route and status, one route a line.
func (r *recorder) table() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	routes := make([]string, 0, len(r.counts))
	for route := range r.counts {
		routes = append(routes, route)
	}
	sort.Strings(routes)
	var b strings.Builder
	for _, route := range routes {
		answers := make([]string, 0, len(r.counts[route]))
		for a := range r.counts[route] {
			answers = append(answers, a)
		}
		sort.Strings(answers)
		fmt.Fprintf(&b, "  %s:", route)
		for _, a := range answers {
			fmt.Fprintf(&b, " %d×%s", r.counts[route][a], a)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// total is the number of answers counted.
func (r *recorder) total() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, by := range r.counts {
		for _, c := range by {
			n += c
		}
	}
	return n
}

func describe(k call) string {
	s := k.method + " " + k.path
	if len(k.body) > 0 {
		s += " " + clip(k.body)
	}
	return s
}

// clip shortens a body for the report.
func clip(b []byte) string {
	const max = 400
	s := string(b)
	if len(s) > max {
		s = s[:max] + "…"
	}
	return strings.ToValidUTF8(s, "�")
}
