package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/notify"
)

// notificationJSON is one message as staff see it: no phone, no text of a
// code; the gateway's last answer when an attempt failed.
type notificationJSON struct {
	ID                int64         `json:"id"`
	EventID           *int64        `json:"event_id"`
	Channel           string        `json:"channel"`
	Kind              notify.Kind   `json:"kind"`
	Status            notify.Status `json:"status"`
	Attempts          int           `json:"attempts"`
	LastError         string        `json:"last_error"`
	ProviderMessageID string        `json:"provider_message_id"`
	CreatedAt         time.Time     `json:"created_at"`
	SentAt            *time.Time    `json:"sent_at"`
	NextAttemptAt     *time.Time    `json:"next_attempt_at"`
}

// claimNotifications lists a claim's messages to the heir, oldest first.
func (s *Server) claimNotifications(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	if _, err := s.Engine.Get(ctx, id); err != nil {
		writeError(c, err)
		return
	}
	list, err := s.Notify.OfClaim(ctx, id)
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]notificationJSON, 0, len(list))
	for _, n := range list {
		out = append(out, notificationJSON{ID: n.ID, EventID: n.EventID, Channel: n.Channel, Kind: n.Kind,
			Status: n.Status, Attempts: n.Attempts, LastError: n.LastError, ProviderMessageID: n.ProviderMessageID,
			CreatedAt: n.CreatedAt, SentAt: n.SentAt, NextAttemptAt: n.NextAttemptAt})
	}
	c.JSON(http.StatusOK, gin.H{"notifications": out})
}
