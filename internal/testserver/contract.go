package testserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/gin-gonic/gin"

	"santunan/api"
	"santunan/api/openapi"
)

// The contract check: every request a test sends to the JSON API (under
// /api/, and /healthz, /readyz), by whatever client, and every response it
// gets, are checked against the OpenAPI document (api/openapi/openapi.yaml).
// It sits in front of the router, inside the test's HTTP server, so a
// request sent with http.DefaultClient or raced from many goroutines is
// checked like one sent through Do. A mismatch fails the test that started
// the server.
//
// Responses are always checked: status, headers and body must be what the
// document says that operation answers, error codes included.
//
// Requests are checked too, but many tests send bad ones on purpose
// (malformed JSON, NUL bytes, a wrong type, a missing token, fuzzed bodies)
// to see the server refuse them. So a request the document rejects is not a
// failure by itself; it is one when the server does not refuse it with a
// 4xx: the document then calls invalid what the server took, and one of the
// two is wrong. A request the document accepts may still be refused (a rule
// no schema says, a claim in the wrong status): its response is checked like
// any other.
//
// A path the document does not know, or an operation the server does not
// mount (a test that leaves a service out), must be refused in the error
// shape as an unknown path is (checkAbsent).

// contractDoc is the document and its router, parsed once per test binary:
// they are read-only after loading, and loading takes a noticeable moment.
var contractDoc = sync.OnceValues(func() (*contract, error) {
	doc, err := openapi.Load(context.Background())
	if err != nil {
		return nil, err
	}
	// The test server listens on a port of its own: match paths only.
	doc.Servers = nil
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("openapi router: %w", err)
	}
	// A CSV body is text to the document: its lines are the importer's to
	// judge (it reports each bad one), not kin-openapi's CSV reader's, which
	// refuses a file whose lines differ in their number of fields.
	openapi3filter.RegisterBodyDecoder("text/csv", openapi3filter.PlainBodyDecoder)
	return &contract{doc: doc, router: router}, nil
})

type contract struct {
	doc    *openapi3.T
	router routers.Router
}

// contractCheck is the check in front of one server's handler.
type contractCheck struct {
	*contract
	next   http.Handler
	routes gin.RoutesInfo

	mu       sync.Mutex
	failures []string
}

// newContractCheck checks what next answers; routes are the ones next
// serves, so that an operation it does not mount is expected to be absent.
func newContractCheck(next http.Handler, routes gin.RoutesInfo) (*contractCheck, error) {
	c, err := contractDoc()
	if err != nil {
		return nil, fmt.Errorf("the OpenAPI document: %w", err)
	}
	return &contractCheck{contract: c, next: next, routes: routes}, nil
}

// Failures are the exchanges that broke the contract so far. They are
// reported when the test ends (Start): the handler runs in the server's
// goroutines, where a fuzz target's testing.F may not be told (only its
// inputs' t, which the server does not know), and where a request racing
// the end of a test would find it gone.
func (cc *contractCheck) Failures() []string {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	return append([]string(nil), cc.failures...)
}

// inContract reports whether the document describes the path's answers:
// the API's paths but /metrics, which is Prometheus's text format.
func inContract(path string) bool {
	return api.Serves(path) && path != "/metrics"
}

func (cc *contractCheck) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !inContract(r.URL.Path) {
		cc.next.ServeHTTP(w, r)
		return
	}
	// Read whole so that the request can be checked after the server
	// answered; the server reads the same bytes.
	body, err := io.ReadAll(r.Body)
	_ = r.Body.Close()
	if err != nil {
		body = nil // checked as far as it came
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	cc.next.ServeHTTP(rec, r)
	if problem := cc.check(r, body, rec); problem != "" {
		cc.mu.Lock()
		cc.failures = append(cc.failures, fmt.Sprintf("contract: %s %s answered %d: %s",
			r.Method, r.URL.RequestURI(), rec.status, problem))
		cc.mu.Unlock()
	}
}

// check returns what is wrong with the exchange, or "".
func (cc *contractCheck) check(r *http.Request, body []byte, rec *recorder) string {
	ctx := context.Background()
	req := r.Clone(ctx)
	req.Body = io.NopCloser(bytes.NewReader(body))
	route, params, err := cc.router.FindRoute(req)
	if err != nil {
		return cc.checkAbsent(r, err.Error(), rec)
	}
	if !mounted(cc.routes, route.Method, route.Path) {
		return cc.checkAbsent(r, "not mounted on this server", rec)
	}
	// The server reads a JSON body whatever its Content-Type says
	// (api.decodeJSON); a test that leaves the header out is checked as if
	// it had sent application/json.
	if len(body) > 0 && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	opts := &openapi3filter.Options{
		AuthenticationFunc:    bearerPresent,
		IncludeResponseStatus: true,
		SkipSettingDefaults:   true,
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	reqErr := openapi3filter.ValidateRequest(ctx, in)
	if reqErr != nil && (rec.status < 400 || rec.status >= 500) {
		return fmt.Sprintf("the document refuses the request, the server did not: %v", reqErr)
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.status,
		Header: rec.Header(), Options: opts}
	out.SetBodyBytes(rec.body.Bytes())
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		return fmt.Sprintf("the response is not what the document says: %v; body %s", err, clip(rec.body.Bytes()))
	}
	return ""
}

// checkAbsent checks the answer to an operation the server does not have:
// 404, 405 for a path known with other methods, or 422 from the text guard,
// which runs before the router's answer. Where a route pattern of the server
// takes the URL (an unknown action of /claims/:id/actions/:action), that
// route's authentication and role checks answer first: 401 or 403 too.
func (cc *contractCheck) checkAbsent(r *http.Request, why string, rec *recorder) string {
	codes := map[int][]string{
		http.StatusNotFound:            {"not_found"},
		http.StatusMethodNotAllowed:    {"method_not_allowed"},
		http.StatusUnprocessableEntity: {"validation_failed"},
	}
	if mounted(cc.routes, r.Method, r.URL.Path) {
		codes[http.StatusUnauthorized] = []string{"unauthenticated"}
		codes[http.StatusForbidden] = []string{"forbidden", "password_change_required"}
	}
	switch rec.status {
	case http.StatusMovedPermanently, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return "" // gin's redirect of a trailing slash
	}
	want, ok := codes[rec.status]
	if !ok {
		return fmt.Sprintf("no such operation in the document (%s), so it must be 404 not_found", why)
	}
	var v any
	if err := json.Unmarshal(rec.body.Bytes(), &v); err != nil {
		return fmt.Sprintf("not JSON: %v", err)
	}
	if err := cc.doc.Components.Schemas["Error"].Value.VisitJSON(v); err != nil {
		return fmt.Sprintf("not the error shape: %v", err)
	}
	if got, _ := v.(map[string]any)["error"].(map[string]any)["code"].(string); !slices.Contains(want, got) {
		return fmt.Sprintf("code %q, want one of %v (%s)", got, want, why)
	}
	return ""
}

// bearerPresent is the document's security check as far as a request
// shows it: a bearer token is there. Whether it is a live one is the
// server's to say (401).
func bearerPresent(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	token, ok := strings.CutPrefix(in.RequestValidationInput.Request.Header.Get("Authorization"), "Bearer ")
	if !ok || strings.TrimSpace(token) == "" {
		return errors.New("no bearer token")
	}
	return nil
}

// mounted reports whether one of the routes serves the document's
// operation: the same method, and each segment of the path the same or a
// parameter of the route (the document spells out each action of
// /claims/:id/actions/:action).
func mounted(routes gin.RoutesInfo, method, docPath string) bool {
	for _, r := range routes {
		if r.Method == method && pathCovers(r.Path, docPath) {
			return true
		}
	}
	return false
}

// pathCovers reports whether the gin route pattern serves the document's
// path.
func pathCovers(ginPath, docPath string) bool {
	g, d := strings.Split(ginPath, "/"), strings.Split(docPath, "/")
	if len(g) != len(d) {
		return false
	}
	for i := range g {
		switch {
		case strings.HasPrefix(g[i], ":"):
		case g[i] != d[i]:
			return false
		}
	}
	return true
}

// recorder passes a response through and keeps a copy to check.
type recorder struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
	wrote  bool
}

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	r.body.Write(b)
	return r.ResponseWriter.Write(b)
}

// Flush lets a streamed download (the unclaimed CSV) flush as it would.
func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// clip shortens a body for a failure message.
func clip(b []byte) string {
	const max = 600
	if len(b) > max {
		return string(b[:max]) + "..."
	}
	return string(b)
}
