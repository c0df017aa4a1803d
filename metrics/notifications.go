package metrics

import "github.com/prometheus/client_golang/prometheus"

// notificationStatuses are the outcomes counted: a message sent, failed for
// good, or an attempt that failed and will be retried.
var notificationStatuses = []string{"sent", "failed", "retry"}

// notificationChannels are notify's channels (config/notify.go lists the same).
var notificationChannels = []string{"log", "sms", "whatsapp"}

// Notifications counts the messages to heirs by channel and outcome; its
// Count is notify.Options.Count. Labels come from fixed lists, never a phone.
type Notifications struct{ counter *prometheus.CounterVec }

// WatchNotifications registers santunan_notifications_total on the registry.
func (m *Metrics) WatchNotifications() *Notifications {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "notifications_total",
		Help: "Messages to heirs by channel and status: sent, failed (for good), retry (an attempt failed and will be retried).",
	}, []string{"channel", "status"})
	m.reg.MustRegister(c)
	// Every series exists from the start, so a rate() sees the first one.
	for _, ch := range notificationChannels {
		for _, st := range notificationStatuses {
			c.WithLabelValues(ch, st)
		}
	}
	return &Notifications{counter: c}
}

// Count adds one message of channel ending in status.
func (n *Notifications) Count(channel, status string) {
	n.counter.WithLabelValues(channel, status).Inc()
}
