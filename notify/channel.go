package notify

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Message is what a channel delivers: the phone, the text (for gateways
// that take free text) and the template's parameters (for WhatsApp's
// approved templates).
type Message struct {
	// ID is the notification's id; channels send it as the idempotency key.
	ID     int64
	To     string
	Kind   Kind
	Text   string
	Params []string
}

// IdempotencyKey is the key every attempt of the message carries.
func (m Message) IdempotencyKey() string { return idempotencyKey(m.ID) }

func idempotencyKey(id int64) string { return "santunan-notification-" + strconv.FormatInt(id, 10) }

// Channel delivers messages: an SMS gateway, WhatsApp, or the log.
// Send returns the provider's message id. It must not log the phone or
// the text.
type Channel interface {
	Name() string
	Send(ctx context.Context, m Message) (providerID string, err error)
}

// GatewayError is a gateway's refusal: its HTTP status and its answer,
// trimmed and with digit runs masked (a gateway may echo the phone).
type GatewayError struct {
	Status int
	Answer string
}

func (e *GatewayError) Error() string {
	if e.Answer == "" {
		return fmt.Sprintf("gateway answered %d", e.Status)
	}
	return fmt.Sprintf("gateway answered %d: %s", e.Status, e.Answer)
}

// Permanent reports an answer a retry cannot change: a 4xx other than
// timeout and rate limiting (a bad number, a rejected template, bad credentials).
func (e *GatewayError) Permanent() bool {
	return e.Status >= 400 && e.Status < 500 && e.Status != 408 && e.Status != 429
}

func permanent(err error) bool {
	var g *GatewayError
	return errors.As(err, &g) && g.Permanent()
}

// maxAnswer bounds the gateway's answer kept in last_error.
const maxAnswer = 300

// gatewayAnswer is a gateway's body as last_error keeps it.
func gatewayAnswer(body []byte) string { return cleanAnswer(string(body)) }

// cleanAnswer is an error or answer as last_error keeps it: on one line
// (so a number broken across lines is still one number), long numbers
// masked, at most maxAnswer runes.
func cleanAnswer(s string) string {
	return trimText(MaskDigits(strings.Join(strings.Fields(s), " ")), maxAnswer)
}
