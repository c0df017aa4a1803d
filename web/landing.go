package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/i18n"
)

type landingPage struct {
	Regency    string
	Amount     string
	WindowDays string
	Offices    officesView
	// Steps carry the service standard's times, as the due dates count.
	Steps []i18n.Step
}

// pageLanding is the program's public home page: what the santunan is, who
// may claim, what to bring and how long each step takes.
func (s *Server) pageLanding(c *gin.Context) {
	c.Header("Cache-Control", "no-cache")
	s.render(c, http.StatusOK, "landing", view{Data: landingPage{
		Regency: s.Areas.RegencyName(s.opts.RegencyCode), Amount: i18n.FormatRupiah(s.opts.BenefitAmount),
		WindowDays: strconv.Itoa(s.opts.ClaimWindowDays), Offices: s.officesFor(""),
		Steps: i18n.Steps(i18n.Indonesian, s.Calendar.Standard()),
	}})
}
