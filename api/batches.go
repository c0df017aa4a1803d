package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/payments"
)

type batchRequest struct {
	ClaimIDs    []int64 `json:"claim_ids" binding:"max=10000"`
	AllApproved bool    `json:"all_approved"`
}

func (s *Server) createBatch(c *gin.Context) {
	var req batchRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	b, err := s.Payments.CreateBatch(c.Request.Context(), httpkit.MustUser(c).Actor(),
		payments.BatchRequest{ClaimIDs: req.ClaimIDs, AllApproved: req.AllApproved})
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("Location", "/api/v1/disbursements/"+strconv.FormatInt(b.ID, 10))
	c.JSON(http.StatusCreated, b)
}

func (s *Server) listBatches(c *gin.Context) {
	limit, ok := queryInt(c, "limit")
	if !ok {
		return
	}
	items, next, err := s.Payments.ListBatches(c.Request.Context(), httpkit.MustUser(c).Actor(),
		payments.PageQuery{Limit: limit, Cursor: c.Query("cursor"), Status: c.Query("status")})
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": items, "next_cursor": next})
}

func (s *Server) getBatch(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	b, err := s.Payments.GetBatch(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, b)
}

type resultLineRequest struct {
	Reference     string      `json:"reference" binding:"max=64"`
	Status        string      `json:"status" binding:"max=32"`
	BankReference string      `json:"bank_reference" binding:"max=256"`
	FailureReason string      `json:"failure_reason" binding:"max=2000"`
	Time          string      `json:"time" binding:"max=64"`
	Amount        json.Number `json:"amount"`
}

type resultsRequest struct {
	Lines []resultLineRequest `json:"lines" binding:"max=10000,dive"`
}

// applyResults takes the bank's result file as text/csv, or the same lines
// as JSON ({"lines": [...]}).
func (s *Server) applyResults(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	mediaType, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type"))
	if mediaType != "text/csv" && mediaType != "application/json" {
		abort(c, http.StatusUnsupportedMediaType, httpkit.CodeUnsupportedMedia, "send the result file as text/csv or application/json")
		return
	}
	raw, err := io.ReadAll(c.Request.Body)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			abort(c, http.StatusRequestEntityTooLarge, httpkit.CodePayloadTooLarge,
				fmt.Sprintf("request body is larger than %d bytes", tooLarge.Limit))
			return
		}
		abort(c, http.StatusBadRequest, httpkit.CodeBadRequest, "the body could not be read")
		return
	}
	file := payments.ResultFile{Format: payments.FormatCSV, Raw: raw}
	if mediaType == "application/json" {
		c.Request.Body = io.NopCloser(bytes.NewReader(raw))
		var req resultsRequest
		if !s.decodeJSON(c, &req, false) {
			return
		}
		file.Format = payments.FormatJSON
		for i, l := range req.Lines {
			file.Lines = append(file.Lines, payments.ResultLine{Line: i + 1, Reference: l.Reference, Status: l.Status,
				BankReference: l.BankReference, FailureReason: l.FailureReason, Time: l.Time, Amount: l.Amount.String()})
		}
	}
	rep, err := s.Payments.ApplyResults(c.Request.Context(), httpkit.MustUser(c).Actor(), id, file)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, rep)
}

type accountChecksRequest struct {
	Items []struct {
		ClaimID    int64  `json:"claim_id"`
		NameAtBank string `json:"name_at_bank" binding:"max=400"`
	} `json:"items" binding:"max=10000,dive"`
}

// confirmAccounts records the account names the treasurer read at the bank.
func (s *Server) confirmAccounts(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	var req accountChecksRequest
	if !s.decodeJSON(c, &req, false) {
		return
	}
	checks := make([]payments.NameCheck, 0, len(req.Items))
	for _, it := range req.Items {
		checks = append(checks, payments.NameCheck{ClaimID: it.ClaimID, NameAtBank: it.NameAtBank})
	}
	rep, err := s.Payments.ConfirmAccounts(c.Request.Context(), httpkit.MustUser(c).Actor(), id, checks)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, rep)
}

// inquireAccounts asks the bank's account-name inquiry for every open line.
func (s *Server) inquireAccounts(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	rep, err := s.Payments.InquireAccounts(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	c.JSON(http.StatusOK, rep)
}

func (s *Server) loadReconciliation(c *gin.Context) (payments.Reconciliation, bool) {
	id, ok := pathID(c)
	if !ok {
		return payments.Reconciliation{}, false
	}
	rec, err := s.Payments.Reconcile(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return payments.Reconciliation{}, false
	}
	return rec, true
}

func (s *Server) reconciliation(c *gin.Context) {
	if rec, ok := s.loadReconciliation(c); ok {
		c.JSON(http.StatusOK, rec)
	}
}

func (s *Server) reconciliationXLSX(c *gin.Context) {
	rec, ok := s.loadReconciliation(c)
	if !ok {
		return
	}
	data, err := payments.ReconciliationXLSX(rec, i18n.Indonesian, domain.Jakarta())
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypeXLSX, httpkit.ReconciliationName(rec.Batch.ID), data)
}
