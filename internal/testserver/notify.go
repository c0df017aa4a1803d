package testserver

import (
	"context"
	"time"

	"santunan/internal/wiring"
	"santunan/notify"
)

// Consenting makes File (and so Bring and every helper built on it) file
// claims whose heir agreed to messages, as the clerk ticks on the paper
// form's word; without it no message is queued.
func Consenting() Option { return func(s *settings) { s.consent = true } }

// Notifications are a claim's message records, oldest first.
func (s *Server) Notifications(claimID int64) []notify.Notification {
	s.T.Helper()
	out, err := s.Services.Notify.OfClaim(context.Background(), claimID)
	if err != nil {
		s.T.Fatal(err)
	}
	return out
}

// NewWorker starts another message worker on the server's database with
// the server's configuration, as a second server (or the same one
// restarted) would run; it stops when the test ends.
func (s *Server) NewWorker() *notify.Service {
	s.T.Helper()
	opts := wiring.NotifyOptions(s.Config, nil)
	opts.Now = s.Clock.Now
	w, err := notify.New(s.DB, opts)
	if err != nil {
		s.T.Fatal(err)
	}
	if err := w.Start(context.Background()); err != nil {
		s.T.Fatal(err)
	}
	s.T.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := w.Stop(ctx); err != nil {
			s.T.Error(err)
		}
	})
	return w
}
