package web_test

import (
	"strconv"
	"testing"

	"santunan/database"
	"santunan/internal/testserver"
)

const password = testserver.Password

// bad marks where a case puts the bad text.
const bad = testserver.Bad

// harness is Santunan as `serve` wires it (internal/testserver: both front
// doors, one user per role), for the page tests: the JSON API sets up
// what a page then shows, and visitors (helpers_test.go) browse it.
type harness struct{ *testserver.Server }

// start runs the production wiring on db; opts change what a test says
// it changes (testserver.Env, NoBudget...).
func start(t testing.TB, db *database.DB, opts ...testserver.Option) *harness {
	t.Helper()
	return &harness{testserver.Start(t, db, opts...)}
}

// sub is the harness reporting to a subtest.
func (h *harness) sub(t testing.TB) *harness { return &harness{h.With(t)} }

// withAkta uploads the akta verify_death needs and returns the claim as
// it is now (an upload is a step of the claim's trail: a new version).
func (h *harness) withAkta(c testserver.Claim) testserver.Claim {
	h.T.Helper()
	h.Attach(c, "akta_kematian", testserver.SamplePDF)
	return h.Claim(c.ID)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
