package web

import (
	"github.com/gin-gonic/gin"

	"santunan/complaints"
	"santunan/httpkit"
)

// claimComplaintsView is the claim page's list of the complaints tied to
// the claim, as complaints.ForClaim gives them to a claim's reader: never
// a complainant's identity, the pungli rule applied; a complaint links to
// its page where the role may see it.
type claimComplaintsView struct {
	Rows []complaintRowView
}

func (s *Server) claimComplaints(c *gin.Context, claimID int64) (*claimComplaintsView, error) {
	user := httpkit.MustUser(c)
	if !complaints.CanReadForClaim(user.Role) {
		return nil, nil
	}
	list, err := s.Complaints.ForClaim(c.Request.Context(), user.Actor(), claimID)
	if err != nil {
		return nil, err
	}
	v := &claimComplaintsView{}
	today := s.Complaints.Today()
	for _, cp := range list {
		r := s.complaintRow(cp, today)
		if !complaints.CanSee(user.Role, cp) {
			r.Href = ""
		}
		v.Rows = append(v.Rows, r)
	}
	return v, nil
}
