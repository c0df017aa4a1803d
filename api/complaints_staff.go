package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/complaints"
	"santunan/domain"
	"santunan/httpkit"
)

// The staff's complaints (complaints/): what each role sees is the
// complaint policy's (complaints/policy.go), applied by the service.

// complaintJSON is a complaint as staff see it, with what the viewer may
// do now, whether its deadline passed, and its evidence (to those who read
// the content).
type complaintJSON struct {
	complaints.Complaint
	Overdue        bool                     `json:"overdue"`
	Escalated      bool                     `json:"escalated"`
	AllowedActions []domain.ComplaintAction `json:"allowed_actions"`
	Evidence       []complaints.Evidence    `json:"evidence,omitempty"`
}

func (s *Server) complaintView(c complaints.Complaint, role domain.Role, evidence []complaints.Evidence) complaintJSON {
	allowed := complaints.Allowed(role, c)
	if allowed == nil {
		allowed = []domain.ComplaintAction{}
	}
	return complaintJSON{Complaint: c, Overdue: c.Overdue(s.Complaints.Today()), Escalated: c.Escalated(),
		AllowedActions: allowed, Evidence: evidence}
}

type complaintPage struct {
	Items      []complaintJSON `json:"items"`
	NextCursor string          `json:"next_cursor"`
}

// listComplaints lists the complaints the viewer may see, overdue first.
func (s *Server) listComplaints(c *gin.Context) {
	limit, ok := queryInt(c, "limit")
	if !ok {
		return
	}
	escalated, ok := queryBool(c, "escalated")
	if !ok {
		return
	}
	overdue, ok := queryBool(c, "overdue")
	if !ok {
		return
	}
	user := httpkit.MustUser(c)
	page, err := s.Complaints.List(c.Request.Context(), user.Actor(), complaints.ListQuery{
		Status: domain.ComplaintStatus(c.Query("status")), Category: domain.ComplaintCategory(c.Query("category")),
		Unit: domain.Unit(c.Query("unit")), Escalated: escalated, Overdue: overdue, Limit: limit, Cursor: c.Query("cursor"),
	})
	if err != nil {
		writeError(c, err)
		return
	}
	out := complaintPage{Items: make([]complaintJSON, 0, len(page.Items)), NextCursor: page.Next}
	for _, it := range page.Items {
		out.Items = append(out.Items, s.complaintView(it, user.Role, nil))
	}
	c.JSON(http.StatusOK, out)
}

// queryBool reads an optional true/false query parameter.
func queryBool(c *gin.Context, name string) (bool, bool) {
	switch c.Query(name) {
	case "", "false":
		return false, true
	case "true":
		return true, true
	}
	writeError(c, domain.FieldError(name, domain.ViolationInvalidValue))
	return false, false
}

func (s *Server) getComplaint(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	user := httpkit.MustUser(c)
	out, evidence, err := s.Complaints.Get(c.Request.Context(), user.Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, s.complaintView(out, user.Role, evidence))
}

func (s *Server) complaintEvents(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	events, err := s.Complaints.Events(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	if events == nil {
		events = []complaints.Event{}
	}
	c.JSON(http.StatusOK, gin.H{"events": events})
}

// complaintEvidence sends one evidence file, to a viewer who reads the
// complaint's content.
func (s *Server) complaintEvidence(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	evID, ok := pathParam(c, "evidence")
	if !ok {
		return
	}
	ev, data, err := s.Complaints.EvidenceContent(c.Request.Context(), httpkit.MustUser(c).Actor(), id, evID)
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendFile(c, ev.ContentType, ev.Filename, data)
}

type complaintActionRequest struct {
	Version          *int   `json:"version"`
	Reason           string `json:"reason" binding:"max=8000"`
	Redirect         string `json:"redirect" binding:"max=8000"`
	Unit             string `json:"unit" binding:"max=16"`
	UnitName         string `json:"unit_name" binding:"max=1000"`
	ConfirmNamedUnit bool   `json:"confirm_named_unit"`
	Answer           string `json:"answer" binding:"max=8000"`
}

// complaintAction takes a staff step: verify, decline, assign, answer.
func (s *Server) complaintAction(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	var req complaintActionRequest
	if !s.decodeJSON(c, &req, true) {
		return
	}
	user := httpkit.MustUser(c)
	out, err := s.Complaints.Act(c.Request.Context(), user.Actor(), id, domain.ComplaintAction(c.Param("action")),
		complaints.ActInput{Version: req.Version, Reason: req.Reason, Redirect: req.Redirect, Unit: domain.Unit(req.Unit),
			UnitName: req.UnitName, ConfirmNamedUnit: req.ConfirmNamedUnit, Answer: req.Answer})
	if err != nil {
		writeError(c, err)
		return
	}
	view, _, err := s.Complaints.Get(c.Request.Context(), user.Actor(), out.ID)
	if err != nil {
		// Reassigned away from the actor's office: it answers what it did.
		view = complaints.View(user.Role, out)
	}
	c.JSON(http.StatusOK, s.complaintView(view, user.Role, nil))
}

// claimComplaints lists the complaints tied to a claim, for its readers.
func (s *Server) claimComplaints(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	if _, err := s.Engine.Get(c.Request.Context(), id); err != nil {
		writeError(c, err)
		return
	}
	user := httpkit.MustUser(c)
	list, err := s.Complaints.ForClaim(c.Request.Context(), user.Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]complaintJSON, 0, len(list))
	for _, it := range list {
		v := s.complaintView(it, user.Role, nil)
		v.AllowedActions = []domain.ComplaintAction{}
		out = append(out, v)
	}
	c.JSON(http.StatusOK, gin.H{"items": out})
}

// exportComplaints streams the SP4N-LAPOR! export (CSV or JSON) of the
// complaints filed from..to (YYYY-MM-DD, both included).
func (s *Server) exportComplaints(c *gin.Context) {
	format := c.DefaultQuery("format", complaints.FormatCSV)
	var from, to domain.Date
	errs := domain.FieldErrors{}
	for _, p := range []struct {
		name string
		dst  *domain.Date
	}{{"from", &from}, {"to", &to}} {
		raw := c.Query(p.name)
		if raw == "" {
			errs.Add(p.name, domain.ViolationRequired)
			continue
		}
		d, err := domain.ParseDate(raw)
		if err != nil {
			errs.Add(p.name, domain.ViolationDateInvalid)
			continue
		}
		*p.dst = d
	}
	if format != complaints.FormatCSV && format != complaints.FormatJSON {
		errs.Add("format", domain.ViolationInvalidValue)
	}
	if len(errs) > 0 {
		writeError(c, errs.Err())
		return
	}
	user := httpkit.MustUser(c)
	// Checked before the first byte, so a refusal is still a JSON error.
	if err := complaints.CheckExport(user.Actor(), from, to, format); err != nil {
		writeError(c, err)
		return
	}
	name := "aduan-lapor-" + from.String() + "-" + to.String()
	if format == complaints.FormatCSV {
		c.Header("Content-Type", "text/csv; charset=utf-8")
		name += ".csv"
	} else {
		c.Header("Content-Type", "application/json")
		name += ".json"
	}
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Header("Cache-Control", "no-store")
	c.Status(http.StatusOK)
	if err := s.Complaints.Export(c.Request.Context(), user.Actor(), from, to, format, c.Writer); err != nil {
		httpkit.Logger(c).Error("complaint export cut short", "error", err.Error())
	}
}

// sendComplaintToLapor sends one complaint to SP4N-LAPOR!'s integration API.
func (s *Server) sendComplaintToLapor(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	laporID, err := s.Complaints.SendToLapor(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"complaint_id": strconv.FormatInt(id, 10), "lapor_id": laporID})
}
