package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/workflow"
)

// The request shapes of a claim. Lengths are capped here so that nothing
// oversized reaches the rules; the rules in domain decide the rest.
type deceasedRequest struct {
	NIK          string `json:"nik" binding:"max=32"`
	FullName     string `json:"full_name" binding:"max=200"`
	DateOfDeath  string `json:"date_of_death" binding:"max=32"`
	PlaceOfDeath string `json:"place_of_death" binding:"max=400"`
	KKNumber     string `json:"kk_number" binding:"max=32"`
	Address      string `json:"address" binding:"max=400"`
	VillageCode  string `json:"village_code" binding:"max=16"`
}

type heirRequest struct {
	NIK          string `json:"nik" binding:"max=32"`
	FullName     string `json:"full_name" binding:"max=200"`
	Relationship string `json:"relationship" binding:"max=32"`
	Phone        string `json:"phone" binding:"max=32"`
	// NotifyConsent: the heir agreed to messages (the paper form's box).
	NotifyConsent bool `json:"notify_consent"`
}

type bankAccountRequest struct {
	BankCode      string `json:"bank_code" binding:"max=8"`
	AccountNumber string `json:"account_number" binding:"max=40"`
	AccountName   string `json:"account_name" binding:"max=200"`
}

type createClaimRequest struct {
	Deceased    deceasedRequest    `json:"deceased"`
	Heir        heirRequest        `json:"heir"`
	BankAccount bankAccountRequest `json:"bank_account"`
}

func (r deceasedRequest) input() domain.DeceasedInput {
	return domain.DeceasedInput{NIK: r.NIK, FullName: r.FullName, DateOfDeath: r.DateOfDeath, PlaceOfDeath: r.PlaceOfDeath,
		KKNumber: r.KKNumber, Address: r.Address, VillageCode: r.VillageCode}
}

func (r heirRequest) input() domain.HeirInput {
	return domain.HeirInput{NIK: r.NIK, FullName: r.FullName, Relationship: r.Relationship, Phone: r.Phone,
		NotifyConsent: r.NotifyConsent}
}

func (r bankAccountRequest) input() domain.BankAccountInput {
	return domain.BankAccountInput{BankCode: r.BankCode, AccountNumber: r.AccountNumber, AccountName: r.AccountName}
}

func (s *Server) createClaim(c *gin.Context) {
	var req createClaimRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	user := httpkit.MustUser(c)
	claim, err := s.Engine.Submit(c.Request.Context(), user.Actor(), domain.ClaimInput{
		Deceased: req.Deceased.input(), Heir: req.Heir.input(), BankAccount: req.BankAccount.input(),
	})
	if err != nil {
		writeError(c, err)
		return
	}
	cal, ok := s.calendar(c)
	if !ok {
		return
	}
	c.Header("Location", "/api/v1/claims/"+strconv.FormatInt(claim.ID, 10))
	c.JSON(http.StatusCreated, s.claimView(claim, user.Role, cal))
}

type claimPage struct {
	Items      []claimJSON `json:"items"`
	NextCursor string      `json:"next_cursor"`
}

func (s *Server) listClaims(c *gin.Context) {
	limit, ok := queryInt(c, "limit")
	if !ok {
		return
	}
	cal, ok := s.calendar(c)
	if !ok {
		return
	}
	role := httpkit.MustUser(c).Role
	var page workflow.Page
	var err error
	switch q, ok := s.dueQuery(c, role, cal, limit); {
	case !ok:
		return
	case q != nil:
		page, err = s.Engine.ListByDue(c.Request.Context(), *q)
	default:
		page, err = s.Engine.List(c.Request.Context(), workflow.ListQuery{
			Status: domain.Status(c.Query("status")), Q: c.Query("q"), Limit: limit, Cursor: c.Query("cursor"),
		})
	}
	if err != nil {
		writeError(c, err)
		return
	}
	out := claimPage{Items: make([]claimJSON, 0, len(page.Items)), NextCursor: page.NextCursor}
	for _, cl := range page.Items {
		out.Items = append(out.Items, s.claimView(cl, role, cal))
	}
	c.JSON(http.StatusOK, out)
}

// dueQuery reads sort=due and overdue=true: the claims of the status asked
// for, or else of the caller's queue (every status with a stage for a role
// that works none), soonest due first; overdue=true keeps those past their
// due day. nil means the plain list (sort=id, the default).
func (s *Server) dueQuery(c *gin.Context, role domain.Role, cal domain.Calendar, limit int) (*workflow.DueQuery, bool) {
	sortBy, overdue := c.Query("sort"), c.Query("overdue")
	errs := domain.FieldErrors{}
	switch sortBy {
	case "", "id", "due":
	default:
		errs.Add("sort", domain.ViolationInvalidValue)
	}
	switch overdue {
	case "", "false", "true":
	default:
		errs.Add("overdue", domain.ViolationInvalidValue)
	}
	if err := errs.Err(); err != nil {
		writeError(c, err)
		return nil, false
	}
	if sortBy != "due" && overdue != "true" {
		return nil, true
	}
	if sortBy == "id" {
		writeError(c, domain.FieldError("sort", domain.ViolationInvalidValue)) // overdue lists are by due day
		return nil, false
	}
	if c.Query("q") != "" {
		writeError(c, domain.FieldError("q", domain.ViolationInvalidValue)) // a search is by id
		return nil, false
	}
	q := &workflow.DueQuery{Limit: limit, Cursor: c.Query("cursor")}
	switch st := domain.Status(c.Query("status")); {
	case st != "":
		if _, staged := domain.StageOf(st); !staged {
			writeError(c, domain.FieldError("status", domain.ViolationInvalidValue))
			return nil, false
		}
		q.Statuses = []domain.Status{st}
	case len(role.Queue()) > 0:
		q.Statuses = role.Queue()
	default:
		for _, st := range domain.AllStatuses {
			if _, staged := domain.StageOf(st); staged {
				q.Statuses = append(q.Statuses, st)
			}
		}
	}
	if overdue == "true" {
		cutoff := cal.OverdueCutoff(domain.DateOf(s.opts.Now().In(domain.Jakarta())))
		q.Before = &cutoff
	}
	return q, true
}

func (s *Server) getClaim(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	claim, err := s.Engine.Get(c.Request.Context(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	cal, ok := s.calendar(c)
	if !ok {
		return
	}
	c.JSON(http.StatusOK, s.claimView(claim, httpkit.MustUser(c).Role, cal))
}

func (s *Server) claimEvents(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	events, err := s.Engine.Events(c.Request.Context(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	if events == nil {
		events = []domain.Event{}
	}
	c.JSON(http.StatusOK, gin.H{"events": events})
}

type actionRequest struct {
	Version            *int                `json:"version"`
	Reason             string              `json:"reason" binding:"max=4000"`
	DeathCertificateNo string              `json:"death_certificate_no" binding:"max=128"`
	DateOfDeath        string              `json:"date_of_death" binding:"max=32"`
	BankReference      string              `json:"bank_reference" binding:"max=256"`
	Deceased           *deceasedRequest    `json:"deceased"`
	Heir               *heirRequest        `json:"heir"`
	BankAccount        *bankAccountRequest `json:"bank_account"`
	// ConfirmRegisterMismatch: verify_death although the claim differs
	// from the death register (recorded in the audit trail).
	ConfirmRegisterMismatch bool `json:"confirm_register_mismatch"`
}

func (r actionRequest) input() workflow.ActionInput {
	in := workflow.ActionInput{Version: r.Version, Reason: r.Reason, DeathCertificateNo: r.DeathCertificateNo,
		DateOfDeath: r.DateOfDeath, BankReference: r.BankReference, ConfirmRegisterMismatch: r.ConfirmRegisterMismatch}
	if r.Deceased != nil {
		d := r.Deceased.input()
		in.Deceased = &d
	}
	if r.Heir != nil {
		h := r.Heir.input()
		in.Heir = &h
	}
	if r.BankAccount != nil {
		b := r.BankAccount.input()
		in.BankAccount = &b
	}
	return in
}

func (s *Server) takeAction(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	var req actionRequest
	if !s.decodeJSON(c, &req, true) {
		return
	}
	user := httpkit.MustUser(c)
	claim, err := s.Engine.Apply(c.Request.Context(), user.Actor(), id, domain.Action(c.Param("action")), req.input())
	if err != nil {
		writeError(c, err)
		return
	}
	cal, ok := s.calendar(c)
	if !ok {
		return
	}
	c.JSON(http.StatusOK, s.claimView(claim, user.Role, cal))
}

// verifyAudit recomputes every claim's hash chain, the security log's chain
// and each year's committed budget from its commitments.
func (s *Server) verifyAudit(c *gin.Context) {
	report, err := s.Engine.VerifyAudit(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return
	}
	security, err := s.Auth.VerifySecurityLog(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return
	}
	drifts, err := s.Payments.VerifyBudgets(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return
	}
	aduan, err := s.Complaints.VerifyAudit(c.Request.Context())
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": report.OK() && security.OK() && len(drifts) == 0 && aduan.OK(),
		"claims_checked": report.ClaimsChecked, "events_checked": report.EventsChecked, "problems": report.Problems,
		"budget_drifts": drifts, "security_log": security, "complaints": aduan})
}
