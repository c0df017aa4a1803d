package notify

import (
	"context"
	"log/slog"
	"strconv"
)

// LogChannel is the default channel: it writes only the notification's id
// and channel to the log (never the phone or the text), so a server with
// no gateway configured runs and its messages end sent.
type LogChannel struct{ Log *slog.Logger }

// Name is "log".
func (LogChannel) Name() string { return "log" }

// Send logs that the message would have been sent.
func (c LogChannel) Send(_ context.Context, m Message) (string, error) {
	if c.Log != nil {
		c.Log.Info("message to the heir (log channel)", "notification_id", m.ID, "channel", "log")
	}
	return "log-" + strconv.FormatInt(m.ID, 10), nil
}
