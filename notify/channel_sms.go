package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// SMSGateway is a generic HTTP SMS gateway: a POST of a configured JSON body
// (Body, with {to}, {text} and {id} placeholders filled as JSON strings) to
// URL, with Authorization and the Idempotency-Key header. Any 2xx is
// accepted; the provider's id is read from the answer's "id" or
// "message_id" field when there is one.
type SMSGateway struct {
	URL           string
	Authorization string
	Body          string
	Client        *http.Client
}

// DefaultSMSBody is the body when none is configured.
const DefaultSMSBody = `{"to":{to},"text":{text},"reference":{id}}`

// NewSMSGateway returns the gateway with a client of the given timeout.
func NewSMSGateway(url, authorization, body string, timeout time.Duration) *SMSGateway {
	if body == "" {
		body = DefaultSMSBody
	}
	return &SMSGateway{URL: url, Authorization: authorization, Body: body, Client: &http.Client{Timeout: timeout}}
}

// Name is "sms".
func (*SMSGateway) Name() string { return "sms" }

// Send posts the message.
func (g *SMSGateway) Send(ctx context.Context, m Message) (string, error) {
	body := strings.NewReplacer("{to}", jsonString(m.To), "{text}", jsonString(m.Text),
		"{id}", jsonString(m.IdempotencyKey())).Replace(g.Body)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.URL, strings.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("sms request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", m.IdempotencyKey())
	if g.Authorization != "" {
		req.Header.Set("Authorization", g.Authorization)
	}
	return postJSON(g.Client, req, func(answer []byte) string {
		var out struct {
			ID        any `json:"id"`
			MessageID any `json:"message_id"`
		}
		_ = json.Unmarshal(answer, &out)
		for _, v := range []any{out.MessageID, out.ID} {
			if v != nil {
				return fmt.Sprint(v)
			}
		}
		return ""
	})
}

// postJSON sends req and reads a 2xx answer's provider id with readID;
// another status is a GatewayError with the answer. A transport error
// never carries the body we sent.
func postJSON(client *http.Client, req *http.Request, readID func([]byte) string) (string, error) {
	resp, err := client.Do(req)
	if err != nil {
		// Without the URL, which may carry a key in its query.
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return "", fmt.Errorf("gateway unreachable: %w", err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return "", fmt.Errorf("gateway answer: %w", err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return "", &GatewayError{Status: resp.StatusCode, Answer: gatewayAnswer(answer)}
	}
	return trimText(readID(answer), 200), nil
}

// jsonString is s as a JSON string literal, quotes included.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
