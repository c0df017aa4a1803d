package notify

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

type seen struct {
	header http.Header
	body   map[string]any
	path   string
}

func gateway(t *testing.T, status int, answer string) (*httptest.Server, *seen) {
	t.Helper()
	s := &seen{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		s.header, s.path = r.Header, r.URL.Path
		if err := json.Unmarshal(raw, &s.body); err != nil {
			t.Errorf("body is not JSON: %s", raw)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, answer)
	}))
	t.Cleanup(srv.Close)
	return srv, s
}

var msg = Message{ID: 42, To: "+6281234567890", Kind: KindPaid, Text: `Klaim "SKM-7K2M-Q9PX" dibayar`,
	Params: []string{"SKM-7K2M-Q9PX", "https://x.id/lacak?kode=SKM-7K2M-Q9PX"}}

func TestSMSGatewaySendsTheConfiguredBody(t *testing.T) {
	srv, s := gateway(t, http.StatusAccepted, `{"message_id":"abc-1"}`)
	g := NewSMSGateway(srv.URL, "Basic dXNlcjpwYXNz", `{"msisdn":{to},"sms":{"text":{text}},"ref":{id}}`, time.Second)
	id, err := g.Send(context.Background(), msg)
	if err != nil || id != "abc-1" {
		t.Fatalf("Send = %q, %v", id, err)
	}
	if s.body["msisdn"] != msg.To || s.body["sms"].(map[string]any)["text"] != msg.Text || s.body["ref"] != "santunan-notification-42" {
		t.Fatalf("body %v", s.body)
	}
	if s.header.Get("Idempotency-Key") != "santunan-notification-42" || s.header.Get("Authorization") != "Basic dXNlcjpwYXNz" {
		t.Fatalf("headers %v", s.header)
	}
}

func TestWhatsAppSendsTheApprovedTemplate(t *testing.T) {
	srv, s := gateway(t, http.StatusOK, `{"messages":[{"id":"wamid.X"}]}`)
	w := NewWhatsApp(srv.URL+"/v21.0", "tok", "1098", "id", map[Kind]string{KindPaid: "santunan_dibayar"}, time.Second)
	id, err := w.Send(context.Background(), msg)
	if err != nil || id != "wamid.X" {
		t.Fatalf("Send = %q, %v", id, err)
	}
	tmpl := s.body["template"].(map[string]any)
	params := tmpl["components"].([]any)[0].(map[string]any)["parameters"].([]any)
	if s.path != "/v21.0/1098/messages" || s.body["to"] != "6281234567890" || tmpl["name"] != "santunan_dibayar" ||
		len(params) != 2 || params[0].(map[string]any)["text"] != "SKM-7K2M-Q9PX" || s.header.Get("Authorization") != "Bearer tok" {
		t.Fatalf("request %s %v %v", s.path, s.body, s.header)
	}
	if _, err := w.Send(context.Background(), Message{ID: 1, Kind: KindReturned}); !permanent(err) {
		t.Fatalf("a kind without a template: %v", err)
	}
}

func TestGatewayRefusals(t *testing.T) {
	cases := []struct {
		status    int
		permanent bool
	}{{400, true}, {401, true}, {408, false}, {429, false}, {500, false}, {503, false}}
	for _, tc := range cases {
		srv, _ := gateway(t, tc.status, "refused 081234567890")
		_, err := NewSMSGateway(srv.URL, "", "", time.Second).Send(context.Background(), msg)
		var g *GatewayError
		if !errors.As(err, &g) || g.Status != tc.status || g.Permanent() != tc.permanent || g.Answer != "refused ***" {
			t.Errorf("status %d: %v", tc.status, err)
		}
	}
}
