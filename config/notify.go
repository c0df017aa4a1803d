package config

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"

	"santunan/notify"
)

// Notify are the messages to heirs: which channels deliver them, each
// channel's gateway, and the worker's retries.
type Notify struct {
	// Channels: "log", "sms", "whatsapp"; each message goes out once per channel.
	Channels     []string
	MaxAttempts  int
	RetryBase    time.Duration
	RetryMax     time.Duration
	Workers      int
	PollInterval time.Duration
	Timeout      time.Duration

	// The generic HTTP SMS gateway.
	SMSURL           string
	SMSAuthorization string
	SMSBody          string

	// The WhatsApp Business Cloud API.
	WhatsAppURL           string
	WhatsAppToken         string
	WhatsAppPhoneNumberID string
	WhatsAppLanguage      string
	WhatsAppTemplates     map[notify.Kind]string
}

var notifyChannels = []string{"log", "sms", "whatsapp"}

func readNotify(r *reader) Notify {
	n := Notify{
		Channels:              r.list("SANTUNAN_NOTIFY_CHANNELS"),
		MaxAttempts:           r.integer("SANTUNAN_NOTIFY_MAX_ATTEMPTS", notify.DefaultMaxAttempts, 1, 100),
		RetryBase:             r.duration("SANTUNAN_NOTIFY_RETRY_BASE", notify.DefaultRetryBase),
		RetryMax:              r.duration("SANTUNAN_NOTIFY_RETRY_MAX", notify.DefaultRetryMax),
		Workers:               r.integer("SANTUNAN_NOTIFY_WORKERS", notify.DefaultWorkers, 1, 100),
		PollInterval:          r.duration("SANTUNAN_NOTIFY_POLL_INTERVAL", notify.DefaultPollInterval),
		Timeout:               r.duration("SANTUNAN_NOTIFY_TIMEOUT", notify.DefaultSendTimeout),
		SMSURL:                r.str("SANTUNAN_SMS_URL", ""),
		SMSAuthorization:      r.str("SANTUNAN_SMS_AUTHORIZATION", ""),
		SMSBody:               r.str("SANTUNAN_SMS_BODY", notify.DefaultSMSBody),
		WhatsAppURL:           r.str("SANTUNAN_WHATSAPP_URL", notify.DefaultWhatsAppURL),
		WhatsAppToken:         r.str("SANTUNAN_WHATSAPP_TOKEN", ""),
		WhatsAppPhoneNumberID: r.str("SANTUNAN_WHATSAPP_PHONE_NUMBER_ID", ""),
		WhatsAppLanguage:      r.str("SANTUNAN_WHATSAPP_LANGUAGE", "id"),
	}
	if len(n.Channels) == 0 {
		n.Channels = []string{"log"}
	}
	for _, ch := range n.Channels {
		if !slices.Contains(notifyChannels, ch) {
			r.fail("SANTUNAN_NOTIFY_CHANNELS", "must list log, sms or whatsapp")
		}
	}
	if n.PollInterval < 100*time.Millisecond {
		r.fail("SANTUNAN_NOTIFY_POLL_INTERVAL", "must be at least 100ms")
	}
	if n.RetryMax < n.RetryBase {
		r.fail("SANTUNAN_NOTIFY_RETRY_MAX", "must not be shorter than SANTUNAN_NOTIFY_RETRY_BASE")
	}
	if slices.Contains(n.Channels, "sms") {
		checkGatewayURL(r, "SANTUNAN_SMS_URL", n.SMSURL)
		if !json.Valid([]byte(strings.NewReplacer("{to}", `""`, "{text}", `""`, "{id}", `""`).Replace(n.SMSBody))) {
			r.fail("SANTUNAN_SMS_BODY", "must be JSON with {to}, {text} (and optionally {id}) in place of string values")
		} else if !strings.Contains(n.SMSBody, "{to}") || !strings.Contains(n.SMSBody, "{text}") {
			r.fail("SANTUNAN_SMS_BODY", "must contain {to} and {text}")
		}
	}
	if slices.Contains(n.Channels, "whatsapp") {
		checkGatewayURL(r, "SANTUNAN_WHATSAPP_URL", n.WhatsAppURL)
		if n.WhatsAppToken == "" {
			r.fail("SANTUNAN_WHATSAPP_TOKEN", "is required when the whatsapp channel is on")
		}
		if n.WhatsAppPhoneNumberID == "" || strings.Trim(n.WhatsAppPhoneNumberID, "0123456789") != "" {
			r.fail("SANTUNAN_WHATSAPP_PHONE_NUMBER_ID", "must be the sender's phone number id (digits) when the whatsapp channel is on")
		}
		n.WhatsAppTemplates = readTemplates(r)
	}
	return n
}

// readTemplates reads SANTUNAN_WHATSAPP_TEMPLATES, kind=template pairs
// ("received=santunan_diterima,paid=santunan_dibayar,..."), one per kind.
func readTemplates(r *reader) map[notify.Kind]string {
	const name = "SANTUNAN_WHATSAPP_TEMPLATES"
	out := map[notify.Kind]string{}
	for _, pair := range r.list(name) {
		kind, tmpl, ok := strings.Cut(pair, "=")
		kind, tmpl = strings.TrimSpace(kind), strings.TrimSpace(tmpl)
		if !ok || tmpl == "" || !slices.Contains(notify.Kinds, notify.Kind(kind)) {
			r.fail(name, "must be kind=template pairs; kinds: "+kindList())
			return out
		}
		out[notify.Kind(kind)] = tmpl
	}
	for _, k := range notify.Kinds {
		if _, ok := out[k]; !ok {
			r.fail(name, "needs an approved template for every kind: "+kindList())
			break
		}
	}
	return out
}

func kindList() string {
	names := make([]string, len(notify.Kinds))
	for i, k := range notify.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// checkGatewayURL: a gateway gets phones and texts, so https only (http
// only to a loopback address).
func checkGatewayURL(r *reader, name, raw string) {
	u, err := url.Parse(raw)
	switch {
	case raw == "":
		r.fail(name, "is required when its channel is on")
	case err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http"):
		r.fail(name, "must be an https:// URL")
	case u.Scheme == "http" && !isLoopback(u.Hostname()):
		r.fail(name, "must use https:// (http:// only to a loopback address)")
	}
}
