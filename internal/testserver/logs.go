package testserver

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// LogBuffer is a log the server's goroutines write while the test reads
// (pass it to Log).
type LogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *LogBuffer) String() string { b.mu.Lock(); defer b.mu.Unlock(); return b.buf.String() }

// NoErrorLines fails on an ERROR line in the log: a refused request is the
// client's mistake, not an error of ours that anyone could flood the log
// with. The log must hold the refusals (422), so the check is not vacuous.
func (b *LogBuffer) NoErrorLines(t testing.TB) {
	t.Helper()
	out := b.String()
	if !strings.Contains(out, `"status":422`) {
		t.Fatalf("the log holds no refusal:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, `"level":"ERROR"`) {
			t.Fatalf("ERROR line for a refused request: %s", line)
		}
	}
}
