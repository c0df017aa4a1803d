package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/workdays"
)

// The working-day calendar (workdays): every staff role reads it, the
// admin changes it (workdays/policy.go).

type calendarDayJSON struct {
	Date      domain.Date           `json:"date"`
	Kind      domain.NonWorkingKind `json:"kind"`
	KindLabel string                `json:"kind_label"`
	Name      string                `json:"name"`
	CreatedBy string                `json:"created_by"`
	CreatedAt time.Time             `json:"created_at"`
}

type calendarChangeJSON struct {
	ID       int64                 `json:"id"`
	Date     domain.Date           `json:"date"`
	Change   string                `json:"change"`
	Kind     domain.NonWorkingKind `json:"kind"`
	Name     string                `json:"name"`
	Reason   string                `json:"reason"`
	Actor    string                `json:"actor"`
	At       time.Time             `json:"at"`
	Restaged *int                  `json:"restaged_claims,omitempty"`
}

type calendarYearJSON struct {
	Year         int                  `json:"year"`
	Covered      bool                 `json:"covered"`
	MissingYears []int                `json:"missing_years"`
	Days         []calendarDayJSON    `json:"days"`
	Changes      []calendarChangeJSON `json:"changes"`
}

func changeJSON(ch workdays.Change, withRestaged bool) calendarChangeJSON {
	out := calendarChangeJSON{ID: ch.ID, Date: ch.Day, Change: ch.Change, Kind: ch.Kind, Name: ch.Name,
		Reason: ch.Reason, Actor: ch.Actor, At: ch.At}
	if withRestaged {
		n := ch.Restaged
		out.Restaged = &n
	}
	return out
}

func calendarYear(c *gin.Context) (int, bool) {
	year, err := strconv.Atoi(c.Param("year"))
	if err != nil || year < workdays.FirstYear || year > workdays.LastYear {
		abort(c, http.StatusNotFound, httpkit.CodeNotFound, "not found")
		return 0, false
	}
	return year, true
}

func (s *Server) getCalendarYear(c *gin.Context) {
	year, ok := calendarYear(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	days, err := s.Calendar.Year(ctx, year)
	if err != nil {
		writeError(c, err)
		return
	}
	changes, err := s.Calendar.Changes(ctx, year)
	if err != nil {
		writeError(c, err)
		return
	}
	missing, err := s.Calendar.MissingYears(ctx)
	if err != nil {
		writeError(c, err)
		return
	}
	if missing == nil {
		missing = []int{}
	}
	out := calendarYearJSON{Year: year, Covered: len(days) > 0, MissingYears: missing,
		Days: make([]calendarDayJSON, 0, len(days)), Changes: make([]calendarChangeJSON, 0, len(changes))}
	for _, d := range days {
		out.Days = append(out.Days, calendarDayJSON{Date: d.Date, Kind: d.Kind,
			KindLabel: i18n.Text(i18n.Indonesian, "calendar.kind."+string(d.Kind)), Name: d.Name,
			CreatedBy: d.CreatedBy, CreatedAt: d.CreatedAt})
	}
	for _, ch := range changes {
		out.Changes = append(out.Changes, changeJSON(ch, false))
	}
	c.JSON(http.StatusOK, out)
}

func (s *Server) addCalendarDay(c *gin.Context) {
	var req workdays.DayInput
	if !s.decodeJSON(c, &req, false) {
		return
	}
	ch, err := s.Calendar.Add(c.Request.Context(), httpkit.MustUser(c).Actor(), req)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusCreated, changeJSON(ch, true))
}

type removeDayRequest struct {
	Reason string `json:"reason"`
}

func (s *Server) removeCalendarDay(c *gin.Context) {
	var req removeDayRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	ch, err := s.Calendar.Remove(c.Request.Context(), httpkit.MustUser(c).Actor(), c.Param("date"), req.Reason)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, changeJSON(ch, true))
}

// The published service standard (public).

type standardJSON struct {
	Requirements []standardRequirementJSON `json:"requirements"`
	Procedure    []standardStageJSON       `json:"procedure"`
	EndToEndDays int                       `json:"end_to_end_days"`
	TargetDays   int                       `json:"target_days"`
	Cost         standardMoneyJSON         `json:"cost"`
	Product      standardMoneyJSON         `json:"product"`
	Complaints   standardComplaintsJSON    `json:"complaints"`
}

type standardRequirementJSON struct {
	Document  domain.DocumentKind `json:"document"`
	Label     string              `json:"label"`
	NeededFor domain.Action       `json:"needed_for"`
}

type standardStageJSON struct {
	Stage       domain.Stage     `json:"stage"`
	Label       string           `json:"label"`
	Description string           `json:"description"`
	Days        int              `json:"working_days"`
	Office      domain.OfficeKey `json:"office"`
	Role        domain.Role      `json:"role"`
}

type standardMoneyJSON struct {
	Amount      domain.Rupiah `json:"amount"`
	Description string        `json:"description"`
}

type standardComplaintsJSON struct {
	URL        string                 `json:"url"`
	Channels   []string               `json:"channels"`
	Categories []standardCategoryJSON `json:"categories"`
}

type standardCategoryJSON struct {
	Category      domain.ComplaintCategory `json:"category"`
	Label         string                   `json:"label"`
	VerifyDays    int                      `json:"verify_days"`
	FollowUpDays  int                      `json:"follow_up_days"`
	AutoCloseDays int                      `json:"auto_close_days"`
	ReopenDays    int                      `json:"reopen_days"`
}

func (s *Server) serviceStandard(c *gin.Context) {
	p := s.Calendar.Published()
	id := i18n.Indonesian
	out := standardJSON{EndToEndDays: p.EndToEndDays, TargetDays: p.TargetDays,
		Cost:    standardMoneyJSON{Amount: p.Cost, Description: i18n.Text(id, "standard.cost_text")},
		Product: standardMoneyJSON{Amount: p.Benefit, Description: i18n.Textf(id, "standard.product_text", "amount", i18n.FormatRupiah(p.Benefit))},
		Complaints: standardComplaintsJSON{URL: "/aduan", Channels: append([]string{}, s.Offices.Complaints...),
			Categories: []standardCategoryJSON{}},
		Requirements: []standardRequirementJSON{}, Procedure: []standardStageJSON{}}
	for _, r := range p.Requirements {
		out.Requirements = append(out.Requirements, standardRequirementJSON{Document: r.Document,
			Label: i18n.DocumentKindLabel(id, r.Document), NeededFor: r.NeededFor})
	}
	for _, st := range p.Procedure {
		out.Procedure = append(out.Procedure, standardStageJSON{Stage: st.Stage, Label: i18n.Text(id, "stage."+string(st.Stage)),
			Description: i18n.Text(id, "standard.stage_text."+string(st.Stage)), Days: st.Days, Office: st.Office, Role: st.Role})
	}
	for _, cat := range p.Complaints {
		out.Complaints.Categories = append(out.Complaints.Categories, standardCategoryJSON{Category: cat.Category,
			Label: i18n.Text(id, "standard.category."+string(cat.Category)), VerifyDays: cat.VerifyDays,
			FollowUpDays: cat.FollowUpDays, AutoCloseDays: cat.AutoCloseDays, ReopenDays: cat.ReopenDays})
	}
	c.JSON(http.StatusOK, out)
}
