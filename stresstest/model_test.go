package stresstest

import (
	"math/rand/v2"
	"slices"
	"sync"
)

// model is what the workers know of the server, shared by all of them:
// the claims, batches, decrees and users that 2xx answers told of (to pick
// targets that are likely, or certainly not, in the right state), and every
// acknowledged change, which the checks read back after the run.
type model struct {
	mu sync.Mutex

	claims []*claimRec
	byID   map[int64]*claimRec
	serial int // the last claim serial handed out (NIKs, certificates)

	batches  []*batchRec
	batchIDs map[int64]*batchRec
	decrees  []string // numbers of the decrees acknowledged
	decreeNo int

	users  []*userRec
	tokens []*tokenRec
	userNo int

	states     []stateAck
	docs       []docAck
	registered []int64 // claims whose death an import answered 200 took into the register
	ackDecr    []decreeAck
	results    []resultAck
	checks     []checkAck
	ceilings   map[int][]int64 // year -> every ceiling a 2xx acknowledged
}

// claimRec is a claim as last seen in a 2xx.
type claimRec struct {
	id          int64
	code        string
	serial      int
	deceasedNIK string
	heirNIK     string
	status      string
	version     int
	docs        map[string]bool // kinds uploaded with a 2xx
}

// batchRec is a batch and its lines as last read.
type batchRec struct {
	id     int64
	listed []int64 // the claims asked for; nil for all_approved
	items  []batchItem
	// sent holds the claim codes that a transfer file the treasurer took
	// listed: the only lines the bank can ever have paid.
	sent      map[string]bool
	transfers map[int][]byte // transfer files taken (201), by their number
	sentAck   bool           // a transfer file was taken
	files     []resultFile   // result files answered 200
}

type batchItem struct {
	ClaimID     int64  `json:"claim_id"`
	ClaimCode   string `json:"claim_code"`
	Amount      int64  `json:"amount"`
	AccountName string `json:"account_name"`
	State       string `json:"state"`
	Check       *struct {
		Result string `json:"result"`
	} `json:"account_check"`
	TransferFile *int `json:"transfer_file"` // the file that carried the line to the bank
}

// userRec is a user the run created. Its changes are made one at a time
// (mu), so the order of its passwords is known.
type userRec struct {
	mu       sync.Mutex
	id       int64
	username string
	role     string
	password string
	gen      int  // password changes acknowledged (the admin's resets and the user's own)
	oneTime  bool // the password is one the admin set: it serves only its replacement
	disabled bool // a disable was acknowledged (users are never enabled again)
}

// tokenRec is a login the server answered 200.
type tokenRec struct {
	user      *userRec
	token     string
	gen       int  // the user's gen when the password was read for the login
	oneTime   bool // the login said the password must be changed first
	loggedOut bool // a logout of this token was answered 204
}

// stateAck is a claim action (or filing) answered 2xx: the trail must hold
// its event at that version.
type stateAck struct {
	claimID int64
	version int
	action  string
	status  string
}

type docAck struct{ claimID, docID int64 }

type decreeAck struct {
	id     int64
	number string
	claims []int64
}

// resultAck is a result file answered 200: each of its lines ends as it
// said (results are final).
type resultAck struct {
	batchID int64
	states  map[string]string // claim code -> paid or failed
}

// checkAck is an account check answered 200: the line carries a check.
type checkAck struct {
	batchID int64
	claims  []int64
}

func newModel() *model {
	return &model{byID: map[int64]*claimRec{}, batchIDs: map[int64]*batchRec{}, ceilings: map[int][]int64{}}
}

// nextSerial hands out a new claim serial: a new death.
func (m *model) nextSerial() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.serial++
	return m.serial
}

// claimView is the part of a claim answer the model keeps.
type claimView struct {
	ID       int64  `json:"id"`
	Code     string `json:"code"`
	Status   string `json:"status"`
	Version  int    `json:"version"`
	Amount   int64  `json:"amount"`
	Deceased struct {
		NIK string `json:"nik"`
	} `json:"deceased"`
	Heir struct {
		NIK string `json:"nik"`
	} `json:"heir"`
}

// saw records a claim from a 2xx answer; an older version than the one
// known changes nothing.
func (m *model) saw(c claimView, serial int) *claimRec {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.byID[c.ID]
	if r == nil {
		r = &claimRec{id: c.ID, code: c.Code, serial: serial, deceasedNIK: c.Deceased.NIK, heirNIK: c.Heir.NIK,
			docs: map[string]bool{}}
		m.byID[c.ID] = r
		m.claims = append(m.claims, r)
	}
	if c.Version >= r.version {
		r.status, r.version = c.Status, c.Version
	}
	return r
}

// ack records an acknowledged claim action.
func (m *model) ack(a stateAck) {
	m.mu.Lock()
	m.states = append(m.states, a)
	m.mu.Unlock()
}

// docsOf is a copy of the document kinds a claim was answered 201 for.
func (m *model) docsOf(id int64) map[string]bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]bool{}
	if r, ok := m.byID[id]; ok {
		for k, v := range r.docs {
			out[k] = v
		}
	}
	return out
}

// uploaded records a document answered 201.
func (m *model) uploaded(claimID int64, kind string, docID int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r, ok := m.byID[claimID]; ok {
		r.docs[kind] = true
	}
	m.docs = append(m.docs, docAck{claimID: claimID, docID: docID})
}

// pick returns a random known claim, most often one last seen in one of
// the statuses (to move claims along), sometimes any (to meet refusals and
// races on claims that moved on). ok is false while no claim is known.
func (m *model) pick(rng *rand.Rand, statuses ...string) (claimRec, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.claims) == 0 {
		return claimRec{}, false
	}
	if len(statuses) > 0 && rng.IntN(10) < 8 {
		// Newer claims first: they are the ones still moving.
		var fit []*claimRec
		for i := len(m.claims) - 1; i >= 0 && len(fit) < 64; i-- {
			if slices.Contains(statuses, m.claims[i].status) {
				fit = append(fit, m.claims[i])
			}
		}
		if len(fit) > 0 {
			return m.copyLocked(fit[rng.IntN(len(fit))]), true
		}
	}
	return m.copyLocked(m.claims[rng.IntN(len(m.claims))]), true
}

// pickMany returns up to n distinct claims last seen in the status, those
// with every document first (a decree or a batch of them can succeed).
func (m *model) pickMany(rng *rand.Rand, n int, status string) []claimRec {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ready, other []*claimRec
	for i := len(m.claims) - 1; i >= 0 && len(ready) < 32; i-- {
		switch c := m.claims[i]; {
		case c.status != status:
		case complete(c.docs):
			ready = append(ready, c)
		default:
			other = append(other, c)
		}
	}
	rng.Shuffle(len(ready), func(i, j int) { ready[i], ready[j] = ready[j], ready[i] })
	rng.Shuffle(len(other), func(i, j int) { other[i], other[j] = other[j], other[i] })
	out := []claimRec{}
	for _, c := range append(ready, other...)[:min(n, len(ready)+len(other))] {
		out = append(out, m.copyLocked(c))
	}
	return out
}

// complete says whether every needed document was uploaded.
func complete(docs map[string]bool) bool {
	for _, k := range neededKinds {
		if !docs[k] {
			return false
		}
	}
	return true
}

func (m *model) copyLocked(r *claimRec) claimRec {
	c := *r
	c.docs = nil
	return c
}

// batch returns a random known batch, newest most often.
func (m *model) batch(rng *rand.Rand) (*batchRec, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.batches) == 0 {
		return nil, false
	}
	n := len(m.batches)
	if rng.IntN(3) > 0 {
		return m.batches[n-1-rng.IntN(min(n, 4))], true
	}
	return m.batches[rng.IntN(n)], true
}

// items is a copy of a batch's lines as last read.
func (m *model) items(b *batchRec) []batchItem {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(b.items)
}

// user returns a random user the run created.
func (m *model) user(rng *rand.Rand) (*userRec, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.users) == 0 {
		return nil, false
	}
	return m.users[rng.IntN(len(m.users))], true
}

// token returns a random token of a created user, most often one that
// nothing revoked yet.
func (m *model) token(rng *rand.Rand) (*tokenRec, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.tokens) == 0 {
		return nil, false
	}
	if rng.IntN(4) > 0 {
		var live []*tokenRec
		for _, tk := range m.tokens {
			if !tk.revokedLocked() {
				live = append(live, tk)
			}
		}
		if len(live) > 0 {
			return live[rng.IntN(len(live))], true
		}
	}
	return m.tokens[rng.IntN(len(m.tokens))], true
}

// limited says whether a token serves only the replacement of its user's
// one-time password (and /me and logout).
func (m *model) limited(tk *tokenRec) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return tk.oneTime
}

// revoked says whether a token is certainly no longer valid: its user was
// disabled, its password reset, or it was logged out, all acknowledged.
func (m *model) revoked(tk *tokenRec) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return tk.revokedLocked()
}

func (tk *tokenRec) revokedLocked() bool {
	return tk.loggedOut || tk.user.disabled || tk.user.gen != tk.gen
}

// get returns a copy of a known claim.
func (m *model) get(id int64) (claimRec, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.byID[id]
	if !ok {
		return claimRec{}, false
	}
	return m.copyLocked(r), true
}

// hint sets a claim's last known status from an answer that carries no
// version (a decree, a batch, a result file).
func (m *model) hint(id int64, status string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r, ok := m.byID[id]; ok {
		r.status = status
	}
}

// forget records that a user's password is no longer known (a change the
// server made although it refused it, or answered 2xx when it must not):
// its tokens count as revoked from now on, so one broken rule is reported
// once, not again for every token.
func (m *model) forget(u *userRec, disabled bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	u.password, u.gen = "", u.gen+1
	u.disabled = u.disabled || disabled
}

// wasSent says whether a transfer file the treasurer took listed the line.
func (m *model) wasSent(b *batchRec, code string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return b.sent[code]
}
