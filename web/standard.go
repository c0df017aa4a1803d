package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/i18n"
)

// The public service standard (standar pelayanan, Permenpan RB 15/2014):
// requirements, procedure, time, cost, product and complaint handling,
// generated from the same configuration that computes every claim's due
// day (workdays.Published), so the page and the system cannot disagree.
// GET /api/v1/public/service-standard serves the same.

const standardPath = "/standar-pelayanan"

type standardPage struct {
	Regency      string
	Requirements []standardRequirement
	Procedure    []standardStage
	EndToEnd     string
	Target       string
	Product      string
	Complaints   []standardCategory
	Offices      officesView
}

type standardRequirement struct {
	Label, NeededFor string
}

type standardStage struct {
	Label, Text, Days, Office string
}

type standardCategory struct {
	Label, Verify, FollowUp, AutoClose string
}

func (s *Server) pageStandard(c *gin.Context) {
	c.Header("Cache-Control", "no-cache")
	p := s.Calendar.Published()
	days := func(n int) string { return textf("due.days", "n", strconv.Itoa(n)) }
	data := standardPage{Regency: s.Areas.RegencyName(s.opts.RegencyCode),
		EndToEnd: textf("standard.time_total", "n", strconv.Itoa(p.EndToEndDays)),
		Target:   textf("standard.time_target", "n", strconv.Itoa(p.TargetDays)),
		Product:  textf("standard.product_text", "amount", i18n.FormatRupiah(p.Benefit)),
		Offices:  s.officesFor("")}
	for _, r := range p.Requirements {
		data.Requirements = append(data.Requirements, standardRequirement{Label: kindLabel(r.Document),
			NeededFor: textf("standard.needed_for", "step", text("stage."+string(stageOfAction(r.NeededFor))))})
	}
	for _, st := range p.Procedure {
		data.Procedure = append(data.Procedure, standardStage{Label: text("stage." + string(st.Stage)),
			Text: text("standard.stage_text." + string(st.Stage)), Days: days(st.Days), Office: s.officeName(st.Office)})
	}
	for _, cat := range p.Complaints {
		data.Complaints = append(data.Complaints, standardCategory{Label: text("standard.category." + string(cat.Category)),
			Verify: days(cat.VerifyDays), FollowUp: days(cat.FollowUpDays), AutoClose: days(cat.AutoCloseDays)})
	}
	s.render(c, http.StatusOK, "standard", view{Data: data})
}

// stageOfAction is the stage whose step an action is (for "needed for").
func stageOfAction(a domain.Action) domain.Stage {
	if a == domain.ActionVerifyDeath {
		return domain.StageVerify
	}
	return domain.StageApprove
}

// officeName is the configured name of an office, or its key.
func (s *Server) officeName(k domain.OfficeKey) string {
	if o, ok := s.Offices.Get(k); ok {
		return o.Name
	}
	return string(k)
}
