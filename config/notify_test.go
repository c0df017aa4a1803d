package config

import (
	"strings"
	"testing"
	"time"

	"santunan/notify"
)

func TestNotifyDefaults(t *testing.T) {
	c, err := FromEnv(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	n := c.Notify
	if len(n.Channels) != 1 || n.Channels[0] != "log" || n.MaxAttempts != notify.DefaultMaxAttempts ||
		n.RetryBase != notify.DefaultRetryBase || n.SMSBody != notify.DefaultSMSBody {
		t.Fatalf("defaults %+v", n)
	}
}

func allTemplates() string {
	var pairs []string
	for _, k := range notify.Kinds {
		pairs = append(pairs, string(k)+"=santunan_"+string(k))
	}
	return strings.Join(pairs, ",")
}

func TestNotifyReadsGateways(t *testing.T) {
	c, err := FromEnv(env(map[string]string{
		"SANTUNAN_NOTIFY_CHANNELS": "sms, whatsapp", "SANTUNAN_SMS_URL": "https://sms.example.id/send",
		"SANTUNAN_SMS_AUTHORIZATION": "Bearer abc", "SANTUNAN_SMS_BODY": `{"msisdn":{to},"message":{text}}`,
		"SANTUNAN_WHATSAPP_TOKEN": "tok", "SANTUNAN_WHATSAPP_PHONE_NUMBER_ID": "1234567",
		"SANTUNAN_WHATSAPP_TEMPLATES": allTemplates(), "SANTUNAN_NOTIFY_RETRY_BASE": "1m", "SANTUNAN_NOTIFY_MAX_ATTEMPTS": "5",
	}))
	if err != nil {
		t.Fatal(err)
	}
	n := c.Notify
	if len(n.Channels) != 2 || n.SMSURL != "https://sms.example.id/send" || n.WhatsAppTemplates[notify.KindPaid] != "santunan_paid" ||
		n.RetryBase != time.Minute || n.MaxAttempts != 5 || n.WhatsAppURL != notify.DefaultWhatsAppURL {
		t.Fatalf("read %+v", n)
	}
}

func TestNotifyRefusesBadValues(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"unknown channel", map[string]string{"SANTUNAN_NOTIFY_CHANNELS": "pigeon"}, "SANTUNAN_NOTIFY_CHANNELS"},
		{"sms without URL", map[string]string{"SANTUNAN_NOTIFY_CHANNELS": "sms"}, "SANTUNAN_SMS_URL is required"},
		{"sms over http", map[string]string{"SANTUNAN_NOTIFY_CHANNELS": "sms", "SANTUNAN_SMS_URL": "http://sms.example.id/send"}, "SANTUNAN_SMS_URL must use https://"},
		{"body not JSON", map[string]string{"SANTUNAN_NOTIFY_CHANNELS": "sms", "SANTUNAN_SMS_URL": "https://a.id",
			"SANTUNAN_SMS_BODY": `to={to}&text={text}`}, "SANTUNAN_SMS_BODY"},
		{"body without text", map[string]string{"SANTUNAN_NOTIFY_CHANNELS": "sms", "SANTUNAN_SMS_URL": "https://a.id",
			"SANTUNAN_SMS_BODY": `{"to":{to}}`}, "SANTUNAN_SMS_BODY must contain"},
		{"whatsapp without token", map[string]string{"SANTUNAN_NOTIFY_CHANNELS": "whatsapp", "SANTUNAN_WHATSAPP_PHONE_NUMBER_ID": "1",
			"SANTUNAN_WHATSAPP_TEMPLATES": allTemplates()}, "SANTUNAN_WHATSAPP_TOKEN"},
		{"whatsapp missing a template", map[string]string{"SANTUNAN_NOTIFY_CHANNELS": "whatsapp", "SANTUNAN_WHATSAPP_TOKEN": "t",
			"SANTUNAN_WHATSAPP_PHONE_NUMBER_ID": "1", "SANTUNAN_WHATSAPP_TEMPLATES": "paid=x"}, "every kind"},
		{"whatsapp unknown kind", map[string]string{"SANTUNAN_NOTIFY_CHANNELS": "whatsapp", "SANTUNAN_WHATSAPP_TOKEN": "t",
			"SANTUNAN_WHATSAPP_PHONE_NUMBER_ID": "1", "SANTUNAN_WHATSAPP_TEMPLATES": allTemplates() + ",gossip=x"}, "kind=template"},
		{"poll too fast", map[string]string{"SANTUNAN_NOTIFY_POLL_INTERVAL": "10ms"}, "SANTUNAN_NOTIFY_POLL_INTERVAL"},
		{"retry max below base", map[string]string{"SANTUNAN_NOTIFY_RETRY_BASE": "1h", "SANTUNAN_NOTIFY_RETRY_MAX": "1m"}, "SANTUNAN_NOTIFY_RETRY_MAX"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := FromEnv(env(tc.env))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one naming %q", err, tc.want)
			}
		})
	}
	// A loopback gateway may be plain http (a test's, or a local relay).
	if _, err := FromEnv(env(map[string]string{"SANTUNAN_NOTIFY_CHANNELS": "sms", "SANTUNAN_SMS_URL": "http://127.0.0.1:9000/send"})); err != nil {
		t.Fatal(err)
	}
}
