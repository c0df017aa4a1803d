package stresstest

import (
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// TestStress runs many workers that take random actions, allowed and
// refused, across every capability, through HTTP against the production
// wiring, for a bounded time; then it checks the invariants (invariants_test.go).
// On PostgreSQL this is where races between transactions show.
//
//	SANTUNAN_STRESS_DURATION=5m SANTUNAN_STRESS_SEED=42 go test ./stresstest -run 'TestStress/postgres' -v
//
// The seed fixes each worker's sequence of choices; which request wins a
// race still depends on the scheduler, so a replay meets the same kinds of
// races, not the same interleaving.
func TestStress(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		st := readSettings(t, db.IsPostgres())
		t.Logf("seed %d (%s=%d replays it), %s, %d workers, at most %d requests",
			st.seed, envSeed, st.seed, st.duration, st.workers, st.requests)
		r := newRun(t, startTarget(t, db), st)
		r.stress(st)
		r.check()
		r.report()
	})
}

// run is one stress run against one server.
type run struct {
	t     *testing.T
	srv   *target
	c     *client
	m     *model
	table workflow.Table
	end   time.Time
}

func newRun(t *testing.T, srv *target, st settings) *run {
	r := &run{t: t, srv: srv, c: newClient(srv.url, st.requests, st.workers, srv.log.errors), m: newModel(), table: workflow.DefaultTable()}
	r.m.ceilings[srv.year] = []int64{srv.ceiling}
	return r
}

// worker is one goroutine of a run, with its own random source.
type worker struct {
	*run
	id  int
	rng *rand.Rand
}

// stress runs the workers until the time or the request budget is spent.
// Requests in flight at the end are answered; nothing is cut off.
func (r *run) stress(st settings) {
	start := time.Now()
	r.end = start.Add(st.duration)
	var wg sync.WaitGroup
	for i := range st.workers {
		w := &worker{run: r, id: i, rng: rand.New(rand.NewPCG(st.seed, uint64(i)))}
		wg.Go(func() {
			for time.Now().Before(r.end) && r.c.left.Load() > 0 {
				w.step()
			}
		})
	}
	wg.Wait()
	r.t.Logf("%d requests in %s", r.c.rec.total(), time.Since(start).Round(time.Millisecond))
}

// step takes one random action.
func (w *worker) step() {
	total := 0
	for _, a := range actions {
		total += a.weight
	}
	n := w.rng.IntN(total)
	for _, a := range actions {
		if n < a.weight {
			a.do(w)
			return
		}
		n -= a.weight
	}
}

// actions are what a worker may do, with how often. The weights keep
// claims moving from filing to payment while every refusal is tried too.
var actions = []struct {
	name   string
	weight int
	do     func(*worker)
}{
	{"file a claim", 5, (*worker).fileClaim},
	{"upload a document", 24, (*worker).upload},
	{"take a claim action", 26, (*worker).act},
	{"import register lines", 2, (*worker).importDeaths},
	{"check the register online", 1, (*worker).checkOnline},
	{"set a budget", 3, (*worker).setBudget},
	{"approve by decree", 5, (*worker).decree},
	{"build a batch", 4, (*worker).buildBatch},
	{"check account names", 3, (*worker).checkAccounts},
	{"take the transfer file", 4, (*worker).transferFile},
	{"withdraw or fail an unsent line", 1, (*worker).resolveLine},
	{"send a result file", 5, (*worker).results},
	{"manage users", 2, (*worker).manageUser},
	{"log in", 3, (*worker).login},
	{"use a user's token", 2, (*worker).useToken},
	{"change one's password", 1, (*worker).changePassword},
	{"wrong role", 3, (*worker).wrongRole},
	{"read", 12, (*worker).read},
}

// token is the token of the run's user with the role ("" for none).
func (w *worker) token(role domain.Role) string { return w.srv.tokens[role] }

// expect sends k, which must be refused when why says why; true when it
// was answered status.
func (w *worker) expect(k call, why string, status int) (reply, bool) {
	k = k.refused(why)
	r, ok := w.c.do(k)
	return r, ok && r.status == status
}

// idPath is the path of one resource of a collection.
func idPath(collection string, id int64) string { return collection + "/" + strconv.FormatInt(id, 10) }

// chance is true one time in n.
func (w *worker) chance(n int) bool { return w.rng.IntN(n) == 0 }

// oneOf picks an element at random.
func oneOf[T any](rng *rand.Rand, xs ...T) T { return xs[rng.IntN(len(xs))] }

// twice sends k from two goroutines at once: a race on one resource.
func (w *worker) twice(k call) (reply, reply) {
	var a, b reply
	var wg sync.WaitGroup
	wg.Go(func() { a, _ = w.c.do(k) })
	wg.Go(func() { b, _ = w.c.do(k) })
	wg.Wait()
	return a, b
}

// report logs the answers by route and status, and fails the test with
// each kind of 5xx or failed request (with the error the server logged)
// and each kind of broken rule, the first of each in full.
func (r *run) report() {
	rec := r.c.rec
	r.t.Logf("answers by route and status:\n%s", rec.table())
	rec.mu.Lock()
	defer rec.mu.Unlock()
	for _, line := range rec.failures.lines() {
		r.t.Errorf("5xx or no answer: %s", line)
	}
	for _, line := range rec.rules.lines() {
		r.t.Errorf("broken rule: %s", line)
	}
}
