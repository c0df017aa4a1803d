package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/payments"
)

// What the treasurer does on a batch page: record account checks, upload
// the bank's result file (the transfer file and the lines the bank was
// never sent are in batch_lines.go). Readers download
// the reconciliation. Each calls the payments method of its JSON endpoint.

func (s *Server) pageReconciliationXLSX(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	rec, err := s.Payments.Reconcile(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	var data []byte
	if err == nil {
		data, err = payments.ReconciliationXLSX(rec, i18n.Indonesian, domain.Jakarta())
	}
	if err != nil {
		s.batchRefused(c, id, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypeXLSX, httpkit.ReconciliationName(rec.Batch.ID), data)
}

// batchRefused answers an error about a batch: a missing batch or a role
// that may not act gets a page of its own, anything else the batch page
// with the reason at the top.
func (s *Server) batchRefused(c *gin.Context, id int64, err error) {
	status, msg := pageProblem(c, err)
	if status == http.StatusNotFound || status == http.StatusForbidden || status >= http.StatusInternalServerError {
		s.renderPlain(c, status, msg, &link{Href: batchesPath, Text: text("batch.back")})
		return
	}
	s.showBatch(c, id, status, view{Alert: msg}, batchExtras{offset: c.PostForm("baris")})
}

// pageApplyResults reads the uploaded result file (parsed within its limit
// by pageBodyLimit, before the CSRF check) and applies it as the JSON
// endpoint applies a text/csv body: whole or not at all.
func (s *Server) pageApplyResults(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	raw, err := readUpload(c, "file", payments.MaxResultFileBytes)
	var rep payments.ResultReport
	if err == nil {
		rep, err = s.Payments.ApplyResults(c.Request.Context(), httpkit.MustUser(c).Actor(), id,
			payments.ResultFile{Format: payments.FormatCSV, Raw: raw})
	}
	if err == nil {
		q := url.Values{"hasil": {"diterapkan"}, "dibayar": {strconv.Itoa(rep.Paid)}, "gagal": {strconv.Itoa(rep.Failed)},
			"tetap": {strconv.Itoa(rep.Unchanged)}}
		if rep.AlreadyApplied {
			q = url.Values{"hasil": {"ulang"}, "tetap": {strconv.Itoa(rep.Unchanged)}}
		}
		c.Redirect(http.StatusSeeOther, batchHref(id)+"?"+q.Encode())
		return
	}
	s.resultRefused(c, id, err)
}

// pageResultTooLarge answers a result upload over the limit, unread.
func (s *Server) pageResultTooLarge(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	s.resultRefused(c, id, &domain.TooLargeError{Limit: payments.MaxResultFileBytes})
}

// resultRefused shows the batch page with the upload form, the reason
// beside the file field and, for a refused file, its report line by line.
// Nothing of the file was applied.
func (s *Server) resultRefused(c *gin.Context, id int64, err error) {
	form := resultUploadForm(id)
	status, msg := pageProblem(c, err)
	x := batchExtras{}
	back := &link{Href: "#hasil", Text: text("batch.to_upload")}
	var tooLarge *domain.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		status, msg = http.StatusRequestEntityTooLarge, textf("batch.file_too_large", "size", strconv.Itoa(payments.MaxResultFileBytes>>20))
		setFieldError(&form, "file", msg)
	case fieldErrors(err) != nil:
		form.applyErrors(fieldErrors(err))
		msg = text("batch.file_required")
	case errors.Is(err, domain.ErrRefused):
		x.refusal = s.refusalFor(c, err)
		setFieldError(&form, "file", text("batch.file_refused"))
		back = &link{Href: "#laporan", Text: text("batch.to_report")}
	default:
		s.batchRefused(c, id, err)
		return
	}
	x.upload = &form
	s.showBatch(c, id, status, view{Alert: msg, AlertLink: back}, x)
}

// readUpload reads the form's file field, at most limit bytes.
func readUpload(c *gin.Context, field string, limit int64) ([]byte, error) {
	fh, err := c.FormFile(field)
	if err != nil || fh.Size == 0 {
		return nil, domain.FieldError(field, domain.ViolationRequired)
	}
	if fh.Size > limit {
		return nil, &domain.TooLargeError{Limit: limit}
	}
	f, err := fh.Open()
	if err != nil {
		return nil, fmt.Errorf("open upload: %w", err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read upload: %w", err)
	}
	if int64(len(raw)) > limit {
		return nil, &domain.TooLargeError{Limit: limit}
	}
	return raw, nil
}

// pageConfirmAccounts records the names the treasurer read at the bank:
// every filled field, or only the line whose own button was pressed.
func (s *Server) pageConfirmAccounts(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	names := map[int64]string{}
	for key, vals := range c.Request.PostForm {
		raw, ok := strings.CutPrefix(key, checkFieldPrefix)
		claimID, err := parseID(raw)
		if !ok || err != nil || len(vals) == 0 {
			continue
		}
		names[claimID] = vals[0]
	}
	only, _ := parseID(c.PostForm("hanya"))
	var checks []payments.NameCheck
	for _, claimID := range sortedClaimIDs(names) {
		if name := strings.TrimSpace(names[claimID]); name != "" && (only == 0 || only == claimID) {
			checks = append(checks, payments.NameCheck{ClaimID: claimID, NameAtBank: name})
		}
	}
	x := batchExtras{offset: c.PostForm("baris"), names: names}
	if len(checks) == 0 {
		x.checkErr = text("batch.check_empty")
		if only != 0 {
			x.nameErrs = map[int64]string{only: i18n.Violation(i18n.Indonesian, domain.ViolationRequired)}
		}
		s.showBatch(c, id, http.StatusUnprocessableEntity, view{Alert: x.checkErr, AlertLink: &link{Href: "#baris", Text: text("batch.to_lines")}}, x)
		return
	}
	rep, err := s.Payments.ConfirmAccounts(c.Request.Context(), httpkit.MustUser(c).Actor(), id, checks)
	if err == nil {
		q := url.Values{"dicek": {strconv.Itoa(rep.Checked)}, "beda": {strconv.Itoa(rep.Mismatches)}, "baris": {x.offset}}
		c.Redirect(http.StatusSeeOther, batchHref(id)+"?"+q.Encode()+"#baris")
		return
	}
	var refusal *domain.RefusalError
	if !errors.As(err, &refusal) {
		s.batchRefused(c, id, err)
		return
	}
	// Each refused line gets its reason beside its field; nothing was recorded.
	x.nameErrs = map[int64]string{}
	for _, p := range refusal.Problems {
		x.nameErrs[p.ClaimID] = i18n.Violation(i18n.Indonesian, p.Code)
	}
	status, msg := pageProblem(c, err)
	x.checkErr = text("batch.check_refused")
	s.showBatch(c, id, status, view{Alert: msg + " " + x.checkErr, AlertLink: &link{Href: "#baris", Text: text("batch.to_lines")}}, x)
}

// pageInquireAccounts asks the bank's account-name inquiry for every line
// still waiting; offered only when one is configured.
func (s *Server) pageInquireAccounts(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	rep, err := s.Payments.InquireAccounts(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		s.batchRefused(c, id, err)
		return
	}
	q := url.Values{"dicek": {strconv.Itoa(rep.Checked)}, "beda": {strconv.Itoa(rep.Mismatches)}}
	if rep.Unanswered > 0 {
		q.Set("tanpa", strconv.Itoa(rep.Unanswered))
	}
	c.Redirect(http.StatusSeeOther, batchHref(id)+"?"+q.Encode()+"#baris")
}
