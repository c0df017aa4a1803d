package web

import (
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/notify"
)

// The claim page's messages section: each message to the heir, its status,
// attempts and the gateway's last answer, for the roles that read claims.

type claimNotificationsView struct {
	Consent bool
	Rows    []notificationRow
}

type notificationRow struct {
	Kind, Channel, Status, Answer string
	Failed                        bool
	Attempts                      int
	At                            time.Time
}

// claimNotifications builds the section; nil for a role that may not see it.
func (s *Server) claimNotifications(c *gin.Context, cl domain.Claim) (*claimNotificationsView, error) {
	if s.Notify == nil || !notify.CanRead(httpkit.MustUser(c).Role) {
		return nil, nil
	}
	list, err := s.Notify.OfClaim(c.Request.Context(), cl.ID)
	if err != nil {
		return nil, err
	}
	v := &claimNotificationsView{Consent: cl.Heir.NotifyConsent}
	for _, n := range list {
		at := n.CreatedAt
		if n.SentAt != nil {
			at = *n.SentAt
		}
		v.Rows = append(v.Rows, notificationRow{Kind: text("notifications.kind." + string(n.Kind)), Channel: n.Channel,
			Status: text("notifications.status." + string(n.Status)), Failed: n.Status == notify.StatusFailed,
			Answer: n.LastError, Attempts: n.Attempts, At: at})
	}
	return v, nil
}
