package testserver

import (
	"regexp"
	"sync"
	"testing"

	"gorm.io/gorm"
)

// FakeCodes records the one-time codes' messages as the outbox would
// (applications.CodeSender), for tests to read the code a phone got.
type FakeCodes struct {
	mu   sync.Mutex
	sent []CodeMessage
}

// CodeMessage is one recorded code message.
type CodeMessage struct{ Phone, Text, Ref string }

// EnqueueCode implements applications.CodeSender.
func (f *FakeCodes) EnqueueCode(_ *gorm.DB, phone, text, ref string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sent = append(f.sent, CodeMessage{Phone: phone, Text: text, Ref: ref})
	return nil
}

// Sent lists the messages so far.
func (f *FakeCodes) Sent() []CodeMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]CodeMessage(nil), f.sent...)
}

var sixDigits = regexp.MustCompile(`\b[0-9]{6}\b`)

// Last is the code of the last message to phone (normalised, +62...).
func (f *FakeCodes) Last(t testing.TB, phone string) string {
	t.Helper()
	sent := f.Sent()
	for i := len(sent) - 1; i >= 0; i-- {
		if sent[i].Phone == phone {
			if m := sixDigits.FindString(sent[i].Text); m != "" {
				return m
			}
		}
	}
	t.Fatalf("no code was sent to %s", phone)
	return ""
}
