package testserver

import (
	"context"

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
