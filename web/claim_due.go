package web

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/domain"
)

// claimDue is a claim's current stage and its deadline in working days,
// on the claim's page.
type claimDue struct {
	Stage   domain.Stage
	Due     domain.Date
	Text    string
	Overdue int // working days past Due
}

// claimDue reads the calendar for cl's deadline; nil when cl waits on no
// office.
func (s *Server) claimDue(c *gin.Context, cl domain.Claim) (*claimDue, error) {
	stage, ok := domain.StageOf(cl.Status)
	if !ok || cl.StageDue == nil {
		return nil, nil
	}
	cal, err := s.Calendar.Calendar(c.Request.Context())
	if err != nil {
		return nil, err
	}
	start := ""
	if cl.StageStartedAt != nil {
		start = formatDate(domain.DateOf(cl.StageStartedAt.In(domain.Jakarta())))
	}
	days := s.Calendar.Standard().StageDays[stage]
	return &claimDue{Stage: stage, Due: *cl.StageDue, Overdue: cal.WorkingDaysOverdue(*cl.StageDue, s.Calendar.Today()),
		Text: textf("claim.stage_due", "stage", text("stage."+string(stage)), "date", formatDate(*cl.StageDue),
			"days", textf("due.days", "n", strconv.Itoa(days)), "start", start)}, nil
}
