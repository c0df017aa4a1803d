package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"

	"github.com/gin-gonic/gin"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testserver"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

const password = testserver.Password

// harness is a running API on a real database, wired as `serve` wires it
// (internal/testserver): required documents, the death-register check,
// the year's budget, payments only through batches; one user per role.
// Its methods are testserver's, reporting to h.t (which a subtest may
// replace).
type harness struct {
	s      *testserver.Server
	t      testing.TB
	db     *database.DB
	srv    *httptest.Server
	clock  *testserver.Clock
	tokens map[domain.Role]string
	users  map[domain.Role]domain.User
}

// start runs the production wiring on db; opts change what a test says
// it changes (testserver.Env, NoBudget...).
func start(t testing.TB, db *database.DB, opts ...testserver.Option) *harness {
	t.Helper()
	s := testserver.Start(t, db, opts...)
	return &harness{s: s, t: t, db: db, srv: s.HTTP, clock: s.Clock, tokens: s.Tokens, users: s.Users}
}

// on is the server reporting to the harness's current test.
func (h *harness) on() *testserver.Server {
	if h.s.T == h.t {
		return h.s
	}
	return h.s.With(h.t)
}

// Shapes of the API's answers.
type (
	claimOut     = testserver.Claim
	apiError     = testserver.APIError
	batchOut     = testserver.Batch
	batchItemOut = testserver.BatchItem
	docOut       = testserver.Document
)

var (
	claimBody  = testserver.ClaimBody
	actionPath = testserver.ActionPath
	docsPath   = testserver.DocumentsPath
	resultsCSV = testserver.ResultsCSV
)

func (h *harness) login(username, pw string) string { h.t.Helper(); return h.on().Login(username, pw) }

// do sends a JSON request as the user with the role ("" for none).
func (h *harness) do(method, path string, role domain.Role, body any) *http.Response {
	h.t.Helper()
	return h.on().Do(method, path, role, body)
}

func (h *harness) send(method, path, token string, body any) *http.Response {
	h.t.Helper()
	return h.on().Send(method, path, token, body)
}

// raw sends a body with its own content type as the user with the role.
func (h *harness) raw(method, path string, role domain.Role, contentType string, body io.Reader) *http.Response {
	h.t.Helper()
	return h.on().Raw(method, path, role, contentType, body)
}

// expect checks the status and decodes the body into out (if not nil).
func (h *harness) expect(resp *http.Response, status int, out any) []byte {
	h.t.Helper()
	return h.on().Expect(resp, status, out)
}

func (h *harness) expectError(resp *http.Response, status int, code string) apiError {
	h.t.Helper()
	return h.on().ExpectError(resp, status, code)
}

func (h *harness) file(n int) claimOut { h.t.Helper(); return h.on().File(n) }

func (h *harness) act(c claimOut, role domain.Role, action string, body any) claimOut {
	h.t.Helper()
	return h.on().Act(c, role, action, body)
}

// claim reads a claim through the API as the auditor.
func (h *harness) claim(id int64) claimOut { h.t.Helper(); return h.on().Claim(id) }

// verifiedClaim files fixture claim n, uploads its akta and verifies the death.
func (h *harness) verifiedClaim(n int) claimOut { h.t.Helper(); return h.on().Verified(n) }

// approvedClaim is verifiedClaim with the other documents and approve.
func (h *harness) approvedClaim(n int) claimOut { h.t.Helper(); return h.on().Approved(n) }

// approveDocuments uploads the four documents approve needs.
func (h *harness) approveDocuments(c claimOut) {
	h.t.Helper()
	h.on().AttachAll(c, testserver.ApproveDocuments)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// withAkta uploads the akta verify_death needs and returns the claim as
// it is now (an upload is a step of the claim's trail: a new version).
func (h *harness) withAkta(c claimOut) claimOut {
	h.t.Helper()
	h.attach(c, "akta_kematian", testserver.SamplePDF)
	return h.claim(c.ID)
}
