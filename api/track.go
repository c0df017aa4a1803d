package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/i18n"
)

type trackRequest struct {
	Code    string `json:"code" binding:"required,max=32"`
	HeirNIK string `json:"heir_nik" binding:"required,max=32"`
}

type trackStage struct {
	Status domain.Status `json:"status"`
	Label  string        `json:"label"`
	At     time.Time     `json:"at"`
}

type trackResponse struct {
	Code         string        `json:"code"`
	Status       domain.Status `json:"status"`
	StatusLabel  string        `json:"status_label"`
	Amount       domain.Rupiah `json:"amount"`
	DeceasedName string        `json:"deceased_name"`
	Timeline     []trackStage  `json:"timeline"`
	NextStep     string        `json:"next_step"`
}

// track is the heirs' public view: no login, so it shows nothing personal
// beyond a masked name, and the same 404 for an unknown code and a wrong NIK.
func (s *Server) track(c *gin.Context) {
	var req trackRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	t, err := s.Engine.Track(c.Request.Context(), req.Code, req.HeirNIK)
	if err != nil {
		writeError(c, err)
		return
	}
	out := trackResponse{
		Code: t.Code, Status: t.Status, StatusLabel: i18n.StatusLabel(i18n.Indonesian, t.Status), Amount: t.Amount,
		DeceasedName: i18n.MaskName(t.DeceasedName), Timeline: make([]trackStage, 0, len(t.Timeline)),
		NextStep: i18n.NextStep(i18n.Indonesian, t.Status, t.Reason),
	}
	for _, st := range t.Timeline {
		out.Timeline = append(out.Timeline, trackStage{Status: st.Status, Label: i18n.StatusLabel(i18n.Indonesian, st.Status), At: st.At})
	}
	c.JSON(http.StatusOK, out)
}
