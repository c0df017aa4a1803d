package testserver

import (
	"regexp"
	"sync"
	"testing"
	"time"
)

// Codes read the one-time codes that phone checks sent, off the fake SMS
// gateway (the notify worker delivers them after the check's commit).
type Codes struct {
	gw   *FakeGateway
	mu   sync.Mutex
	seen map[string]int // code messages already read, per phone
}

var sixDigits = regexp.MustCompile(`\b[0-9]{6}\b`)

// Next waits for the next code sent to phone (normalised, +62...) that
// Next has not returned yet: one per phone check, in order.
func (c *Codes) Next(t testing.TB, phone string) string {
	t.Helper()
	deadline := time.Now().Add(gatewayWait)
	for {
		var codes []string
		for _, m := range c.gw.To(phone) {
			if code := sixDigits.FindString(m.Text); code != "" && !isClaimMessage(m.Text) {
				codes = append(codes, code)
			}
		}
		c.mu.Lock()
		n := c.seen[phone]
		if len(codes) > n {
			c.seen[phone] = n + 1
			c.mu.Unlock()
			return codes[n]
		}
		c.mu.Unlock()
		if time.Now().After(deadline) {
			t.Fatalf("no new code was sent to the phone (%d read)", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

var claimCode = regexp.MustCompile(`(SKM-[0-9A-Z]{4}-[0-9A-Z]{4})|(ADU-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})`)

// isClaimMessage tells a message about a claim or a complaint (it names its code)
// from a one-time code's.
func isClaimMessage(text string) bool { return claimCode.MatchString(text) }
