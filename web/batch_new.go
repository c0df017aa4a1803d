package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/payments"
)

// Building a batch: the treasurer takes every approved claim (oldest first,
// up to payments.MaxBatchClaims), or ticks some, a page of the approved
// claims at a time. One payments.CreateBatch call moves them all to
// disbursing or none; a refusal lists each claim that could not be taken.

type batchNewPage struct {
	All     formView // every approved claim
	Form    formView // the ticked ones; posts the picker's boxes
	Picker  claimPicker
	Max     string // the most claims a batch takes
	Refusal *refusalView
}

const batchNewPath = batchesPath + "/baru"

// groupDigits writes a count the Indonesian way: 10.000.
func groupDigits(n int) string {
	return strings.TrimPrefix(i18n.FormatRupiah(domain.Rupiah(n)), "Rp")
}

func (s *Server) batchForms(cursor, csrf string) (all, picked formView) {
	all = formView{Action: batchNewPath, CSRF: csrf, Hidden: []hiddenField{{Name: "semua", Value: "true"}},
		Submit: text("batch.create_all")}
	picked = formView{Action: batchNewPath, CSRF: csrf, Hidden: []hiddenField{{Name: "kursor", Value: cursor}},
		Submit: text("batch.create_picked")}
	return all, picked
}

func (s *Server) pageNewBatch(c *gin.Context) {
	q := pickQueryOf(c)
	all, picked := s.batchForms(q.Cursor, sessionCSRF(c))
	s.showNewBatch(c, http.StatusOK, view{}, all, picked, q, nil)
}

func (s *Server) showNewBatch(c *gin.Context, status int, v view, all, picked formView, q pickQuery, refused error) {
	picker, err := s.claimPicker(c.Request.Context(), domain.StatusApproved, batchNewPath, q)
	if err != nil {
		s.renderError(c, err)
		return
	}
	data := batchNewPage{All: all, Form: picked, Picker: picker, Max: groupDigits(payments.MaxBatchClaims),
		Refusal: s.refusalFor(c, refused)}
	if errs := fieldErrors(refused); errs != nil {
		if code, ok := errs["claim_ids"]; ok {
			data.Picker.Error = pickError(code)
			setProblem(&data.Form, "#pilih-klaim", fieldLabel("claim_ids"), data.Picker.Error)
		}
	}
	s.render(c, status, "batch_new", v.with(data))
}

func (s *Server) pageCreateBatch(c *gin.Context) {
	cursor := c.PostForm("kursor")
	req := payments.BatchRequest{AllApproved: c.PostForm("semua") == "true"}
	var ticked map[int64]bool
	var err error
	if !req.AllApproved {
		req.ClaimIDs, ticked, err = postedClaimIDs(c)
	}
	var b payments.Batch
	if err == nil {
		b, err = s.Payments.CreateBatch(c.Request.Context(), httpkit.MustUser(c).Actor(), req)
	}
	if err == nil {
		c.Redirect(http.StatusSeeOther, batchHref(b.ID)+"?berhasil=1")
		return
	}
	all, picked := s.batchForms(cursor, sessionCSRF(c))
	v := view{}
	status := http.StatusUnprocessableEntity
	switch errs := fieldErrors(err); {
	case errs != nil && errs["all_approved"] == domain.ViolationNoApprovedClaims:
		v.Alert = text("batch.none_approved")
	case errs != nil:
		// claim_ids is shown beside the list by showNewBatch; anything
		// else (a hand-made request) at the top.
		if _, ok := errs["claim_ids"]; !ok {
			_, v.Alert = pageProblem(c, err)
		}
	case errors.Is(err, domain.ErrRefused):
		status, v.Alert = pageProblem(c, err)
	default:
		s.renderError(c, err)
		return
	}
	s.showNewBatch(c, status, v, all, picked, pickQuery{Cursor: cursor, Checked: ticked}, err)
}
