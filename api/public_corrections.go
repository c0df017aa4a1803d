package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/applications"
)

type correctionCheckRequest struct {
	Code    string `json:"code" binding:"required,max=32"`
	HeirNIK string `json:"heir_nik" binding:"required,max=32"`
}

// startCorrectionCheck proves a returned claim (code and heir NIK) and
// sends a code to the heir's phone on file.
func (s *Server) startCorrectionCheck(c *gin.Context) {
	var req correctionCheckRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	ch, err := s.Applications.StartFix(c.Request.Context(), req.Code, req.HeirNIK)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusCreated, checkResponse(ch))
}

// correctionRequest is the "correction" part: the parts given replace
// the claim's (the heir's phone stays the verified one).
type correctionRequest struct {
	Code        string              `json:"code" binding:"required,max=32"`
	Deceased    *deceasedRequest    `json:"deceased"`
	Heir        *publicHeirRequest  `json:"heir"`
	BankAccount *bankAccountRequest `json:"bank_account"`
}

// createCorrection corrects a returned claim (X-Phone-Token of its fix
// check) and resubmits it with the heir as actor.
func (s *Server) createCorrection(c *gin.Context) {
	var req correctionRequest
	docs, ok := s.readPublicForm(c, "correction", &req)
	if !ok {
		return
	}
	fix := applications.Correction{Code: req.Code, Documents: docs}
	if req.Deceased != nil {
		d := req.Deceased.input()
		fix.Deceased = &d
	}
	if req.Heir != nil {
		h := req.Heir.input()
		fix.Heir = &h
	}
	if req.BankAccount != nil {
		b := req.BankAccount.input()
		fix.BankAccount = &b
	}
	claim, err := s.Applications.Fix(c.Request.Context(), c.GetHeader(PhoneTokenHeader), fix)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, s.publicClaim(claim))
}
