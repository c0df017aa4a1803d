package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// WhatsApp is the WhatsApp Business Cloud API: a template message (only
// approved templates may open a conversation) per kind, its body parameters
// the message's Params, sent to {BaseURL}/{PhoneNumberID}/messages with the
// access token.
type WhatsApp struct {
	BaseURL       string
	Token         string
	PhoneNumberID string
	// Templates are the approved template names per kind.
	Templates map[Kind]string
	Language  string
	Client    *http.Client
}

// DefaultWhatsAppURL is the Graph API's base.
const DefaultWhatsAppURL = "https://graph.facebook.com/v21.0"

// NewWhatsApp returns the channel with a client of the given timeout.
func NewWhatsApp(baseURL, token, phoneNumberID, language string, templates map[Kind]string, timeout time.Duration) *WhatsApp {
	return &WhatsApp{BaseURL: strings.TrimRight(baseURL, "/"), Token: token, PhoneNumberID: phoneNumberID,
		Templates: templates, Language: language, Client: &http.Client{Timeout: timeout}}
}

// Name is "whatsapp".
func (*WhatsApp) Name() string { return "whatsapp" }

type waParam struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// Send posts the template message.
func (w *WhatsApp) Send(ctx context.Context, m Message) (string, error) {
	name, ok := w.Templates[m.Kind]
	if !ok {
		return "", &GatewayError{Status: 400, Answer: fmt.Sprintf("no WhatsApp template for %s", m.Kind)}
	}
	params := make([]waParam, len(m.Params))
	for i, p := range m.Params {
		params[i] = waParam{Type: "text", Text: p}
	}
	payload := map[string]any{
		"messaging_product":        "whatsapp",
		"to":                       strings.TrimPrefix(m.To, "+"),
		"type":                     "template",
		"biz_opaque_callback_data": m.IdempotencyKey(),
		"template": map[string]any{
			"name":       name,
			"language":   map[string]string{"code": w.Language},
			"components": []any{map[string]any{"type": "body", "parameters": params}},
		},
	}
	body, err := json.Marshal(payload)
	if err != nil {
		return "", fmt.Errorf("whatsapp body: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.BaseURL+"/"+w.PhoneNumberID+"/messages", bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("whatsapp request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+w.Token)
	req.Header.Set("Idempotency-Key", m.IdempotencyKey())
	return postJSON(w.Client, req, func(answer []byte) string {
		var out struct {
			Messages []struct {
				ID string `json:"id"`
			} `json:"messages"`
		}
		if json.Unmarshal(answer, &out) == nil && len(out.Messages) > 0 {
			return out.Messages[0].ID
		}
		return ""
	})
}
