package stresstest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"santunan/domain"
)

// resultLine is one line of a bank's result file.
type resultLine struct {
	Reference     string `json:"reference"`
	Status        string `json:"status"`
	BankReference string `json:"bank_reference,omitempty"`
	FailureReason string `json:"failure_reason,omitempty"`
	Time          string `json:"time,omitempty"`
	Amount        int64  `json:"amount"`
}

// resultFile is a file as sent, kept when it was accepted so that it can
// be sent again (already applied) or contradicted.
type resultFile struct {
	lines []resultLine
	json  bool
}

func (f resultFile) encode() (body []byte, ctype string) {
	if f.json {
		raw, _ := json.Marshal(map[string]any{"lines": f.lines})
		return raw, "application/json"
	}
	var b strings.Builder
	b.WriteString("reference,status,bank_reference,failure_reason,time,amount\r\n")
	for _, l := range f.lines {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%d\r\n", l.Reference, l.Status, l.BankReference, l.FailureReason, l.Time, l.Amount)
	}
	return []byte(b.String()), "text/csv"
}

// states is what the file says of each line: paid or failed.
func (f resultFile) states() map[string]string {
	out := map[string]string{}
	for _, l := range f.lines {
		out[l.Reference] = map[string]string{"SUCCESS": "paid", "FAILED": "failed"}[l.Status]
	}
	return out
}

// results sends a bank result file for a batch: mostly results for lines
// that were in a transfer file the treasurer took, sometimes for lines the
// bank never got (the server must refuse those once it knows), a file
// already applied, one that contradicts a recorded result, or a file that
// is wrong in itself.
func (w *worker) results() {
	b, ok := w.m.batch(w.rng)
	if !ok || !w.refresh(b) {
		return
	}
	w.m.mu.Lock()
	accepted := append([]resultFile(nil), b.files...)
	sent := make(map[string]bool, len(b.sent))
	for code := range b.sent {
		sent[code] = true
	}
	w.m.mu.Unlock()
	var f resultFile
	why, again := "", false
	switch x := w.rng.IntN(20); {
	case x < 3 && len(accepted) > 0:
		f, again = oneOf(w.rng, accepted...), true
	case x < 5 && len(accepted) > 0:
		f = oneOf(w.rng, accepted...)
		f.lines = append([]resultLine(nil), f.lines...)
		i := w.rng.IntN(len(f.lines))
		if f.lines[i].Status == "SUCCESS" {
			f.lines[i] = failedLine(f.lines[i].Reference, f.lines[i].Amount)
		} else {
			f.lines[i] = successLine(w.rng, f.lines[i].Reference, f.lines[i].Amount, w.srv.today())
		}
		why = "it contradicts a result already recorded"
	default:
		for _, it := range w.pending(b, 4) {
			if len(sent) > 0 && !sent[it.ClaimCode] && !w.chance(5) {
				continue
			}
			if w.chance(4) {
				f.lines = append(f.lines, failedLine(it.ClaimCode, it.Amount))
			} else {
				f.lines = append(f.lines, successLine(w.rng, it.ClaimCode, it.Amount, w.srv.today()))
			}
		}
		if len(f.lines) == 0 {
			return
		}
		f.json = w.chance(3)
		why = w.spoil(&f)
	}
	body, ctype := f.encode()
	if w.chance(30) {
		body, ctype, why = []byte("ini bukan berkas hasil bank"), "text/csv", "no result file"
		again = false
	}
	k := call{method: http.MethodPost, path: batchPath(b.id) + "/results", route: "POST " + batchesPath + "/:id/results",
		token: w.token(domain.RoleTreasurer), ctype: ctype, body: body}
	if w.chance(20) {
		role := oneOf(w.rng, domain.RoleDukcapilClerk, domain.RoleDinsosOfficer, domain.RoleAuditor, domain.RoleAdmin)
		k.token, why = w.token(role), string(role)+" may not record bank results"
		again = false
	}
	k = k.refused(why)
	if w.chance(10) {
		// Two uploads of one file at once: it is applied once.
		x, y := w.twice(k)
		w.resultAnswer(b, f, again, x)
		w.resultAnswer(b, f, again, y)
		return
	}
	if r, ok := w.c.do(k); ok {
		w.resultAnswer(b, f, again, r)
	}
}

// resultAnswer keeps a file answered 200; a file already applied must be
// answered 200 again.
func (w *worker) resultAnswer(b *batchRec, f resultFile, again bool, r reply) {
	switch {
	case again && r.status > 0 && r.status < 500 && !r.ok():
		w.c.rec.broken("a result file already applied to batch %d was refused when sent again: %d %s", b.id, r.status, clip(r.body))
	case r.status == http.StatusOK:
		w.m.mu.Lock()
		if !again {
			b.files = append(b.files, f)
		}
		w.m.results = append(w.m.results, resultAck{batchID: b.id, states: f.states()})
		w.m.mu.Unlock()
	}
}

// spoil makes a fresh file wrong one time in four, and says how.
func (w *worker) spoil(f *resultFile) string {
	l := &f.lines[w.rng.IntN(len(f.lines))]
	switch w.rng.IntN(24) {
	case 0:
		l.Amount++
		return "an amount that differs from the line's"
	case 1:
		l.Reference = "SKM-XXXX-XXXX"
		return "a reference not in the batch"
	case 2:
		f.lines = append(f.lines, *l)
		return "a reference twice"
	case 3:
		l.Status = "OK"
		return "an unknown status"
	case 4:
		if l.Status == "SUCCESS" {
			l.BankReference = ""
			return "a success without the bank's reference"
		}
	case 5:
		l.Time = "kemarin sore"
		return "a time that is no time"
	}
	return ""
}

func successLine(rng *rand.Rand, code string, amount int64, today time.Time) resultLine {
	return resultLine{Reference: code, Status: "SUCCESS", BankReference: "JTG" + strconv.FormatUint(rng.Uint64()>>16, 36),
		Time: today.Add(8 * time.Hour).Format(time.DateTime), Amount: amount}
}

func failedLine(code string, amount int64) resultLine {
	return resultLine{Reference: code, Status: "FAILED", FailureReason: "REKENING TIDAK DITEMUKAN", Amount: amount}
}
