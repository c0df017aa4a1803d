package wiring

import (
	"fmt"
	"log/slog"

	"gorm.io/gorm"

	"santunan/config"
	"santunan/database"
	"santunan/metrics"
	"santunan/notify"
)

// buildNotify makes the messages to heirs: the configured channels, the
// worker's retries, the metrics' counter. Its worker runs from Start
// (serve, testserver); its Hook joins the engine's event hooks.
func buildNotify(db *database.DB, cfg config.Config, o Options, m *metrics.Metrics,
	surveyLink func(tx *gorm.DB, claimID int64) (string, error)) *notify.Service {
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	counter := m.WatchNotifications()
	opts := NotifyOptions(cfg, log)
	opts.Now = o.Now
	opts.SurveyLink = surveyLink
	opts.Count = func(channel string, status notify.Status) { counter.Count(channel, string(status)) }
	svc, err := notify.New(db, opts)
	if err != nil {
		// Only a configuration that config.FromEnv refuses gets here
		// (a channel twice, a poll interval river refuses): a wiring bug.
		panic(fmt.Sprintf("wiring: %v", err))
	}
	return svc
}

// NotifyOptions are the message service's options from the configuration:
// its channels and the worker's retries. Tests use them to start another
// worker on the same database, as a second server would.
func NotifyOptions(cfg config.Config, log *slog.Logger) notify.Options {
	n := cfg.Notify
	var channels []notify.Channel
	for _, name := range n.Channels {
		switch name {
		case "log":
			channels = append(channels, notify.LogChannel{Log: log})
		case "sms":
			channels = append(channels, notify.NewSMSGateway(n.SMSURL, n.SMSAuthorization, n.SMSBody, n.Timeout))
		case "whatsapp":
			channels = append(channels, notify.NewWhatsApp(n.WhatsAppURL, n.WhatsAppToken, n.WhatsAppPhoneNumberID,
				n.WhatsAppLanguage, n.WhatsAppTemplates, n.Timeout))
		}
	}
	return notify.Options{
		Channels: channels, PublicURL: cfg.PublicURL, MaxAttempts: n.MaxAttempts,
		RetryBase: n.RetryBase, RetryMax: n.RetryMax, Workers: n.Workers, PollInterval: n.PollInterval,
		SendTimeout: n.Timeout, Log: log,
	}
}
