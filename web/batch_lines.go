package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/payments"
)

// The treasurer takes a batch's transfer file for the bank (a POST that
// records its lines as sent), downloads a sent file again (a GET that
// changes nothing), and resolves a line the bank was never sent: out of the
// batch, or failed. The same payments calls as api/batch_lines.go.

// pageSendTransfer records the lines still to be paid as sent and returns
// their file; the batch page then lists it for downloading again.
func (s *Server) pageSendTransfer(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	transfer, b, err := s.Payments.SendTransfer(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		s.batchRefused(c, id, err)
		return
	}
	httpkit.SendTransfer(c, http.StatusOK, b.ID, transfer)
}

// pageTransferFile downloads sent file ?berkas=N again (the last without it).
func (s *Server) pageTransferFile(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	seq, err := strconv.Atoi(c.DefaultQuery("berkas", "0"))
	if err != nil || seq < 0 {
		s.renderMessage(c, http.StatusNotFound, "error.not_found", &link{Href: batchHref(id), Text: text("batch.back")})
		return
	}
	transfer, b, err := s.Payments.TransferFile(c.Request.Context(), httpkit.MustUser(c).Actor(), id, seq)
	if err != nil {
		s.batchRefused(c, id, err)
		return
	}
	httpkit.SendTransfer(c, http.StatusOK, b.ID, transfer)
}

func transferHref(batchID int64, seq int) string {
	return batchHref(batchID) + "/berkas-transfer.csv?berkas=" + strconv.Itoa(seq)
}

func lineHref(batchID, claimID int64) string {
	return batchHref(batchID) + "/baris/" + strconv.FormatInt(claimID, 10)
}

// How a line is resolved, by the last part of its form's path.
const (
	lineWithdraw = "keluarkan"
	lineFail     = "gagal"
)

type linePage struct {
	Batch     payments.Batch
	Line      itemView
	BackHref  string
	BackText  string
	Withdraw  *formView
	Fail      *formView
	Available bool
}

// pageLine shows a line with its two forms, when the bank was never sent it.
func (s *Server) pageLine(c *gin.Context) {
	s.showLine(c, http.StatusOK, view{}, "", nil)
}

func (s *Server) pageWithdrawLine(c *gin.Context) { s.resolveLinePage(c, lineWithdraw) }

func (s *Server) pageFailLine(c *gin.Context) { s.resolveLinePage(c, lineFail) }

func (s *Server) resolveLinePage(c *gin.Context, how string) {
	id, claimID, ok := s.lineIDs(c)
	if !ok {
		return
	}
	resolve, notice := s.Payments.WithdrawLine, "baris_keluar"
	if how == lineFail {
		resolve, notice = s.Payments.FailLine, "baris_gagal"
	}
	it, _, err := resolve(c.Request.Context(), httpkit.MustUser(c).Actor(), id, claimID, c.PostForm("reason"))
	if err == nil {
		c.Redirect(http.StatusSeeOther, batchHref(id)+"?"+url.Values{notice: {it.ClaimCode}}.Encode())
		return
	}
	if errs := fieldErrors(err); errs != nil {
		form := s.lineForm(id, claimID, how, c.PostForm("reason"))
		form.applyErrors(errs)
		s.showLine(c, http.StatusUnprocessableEntity, view{}, how, &form)
		return
	}
	status, msg := pageProblem(c, err)
	if status == http.StatusNotFound || status == http.StatusForbidden || status >= http.StatusInternalServerError {
		s.renderPlain(c, status, msg, &link{Href: batchHref(id), Text: text("batch.back")})
		return
	}
	s.showLine(c, status, view{Alert: msg}, "", nil)
}

func (s *Server) lineIDs(c *gin.Context) (int64, int64, bool) {
	id, ok := s.pagePathID(c)
	if !ok {
		return 0, 0, false
	}
	claimID, err := parseID(c.Param("claim_id"))
	if err != nil {
		s.renderMessage(c, http.StatusNotFound, "error.not_found", &link{Href: batchHref(id), Text: text("batch.back")})
		return 0, 0, false
	}
	return id, claimID, true
}

// showLine renders the line page; a refused form (kept as typed) replaces
// the empty form of its kind.
func (s *Server) showLine(c *gin.Context, status int, v view, how string, refused *formView) {
	id, claimID, ok := s.lineIDs(c)
	if !ok {
		return
	}
	it, b, err := s.Payments.Line(c.Request.Context(), httpkit.MustUser(c).Actor(), id, claimID)
	if err != nil {
		status, msg := pageProblem(c, err)
		s.renderPlain(c, status, msg, &link{Href: batchHref(id), Text: text("batch.back")})
		return
	}
	data := linePage{Batch: b, Line: lineView(it), BackHref: batchHref(id),
		BackText:  textf("line.back", "id", strconv.FormatInt(id, 10)),
		Available: b.Status == payments.BatchOpen && it.State == "pending" && it.TransferFile == nil}
	if data.Available {
		withdraw, fail := s.lineForm(id, claimID, lineWithdraw, ""), s.lineForm(id, claimID, lineFail, "")
		switch how {
		case lineWithdraw:
			withdraw = *refused
		case lineFail:
			fail = *refused
		}
		withdraw.CSRF, fail.CSRF = sessionCSRF(c), sessionCSRF(c)
		data.Withdraw, data.Fail = &withdraw, &fail
	} else if v.Alert == "" {
		v.Alert = text("line.unavailable")
	}
	s.render(c, status, "batch_line", v.with(data))
}

// lineForm asks for the reason of one way to resolve a line.
func (s *Server) lineForm(batchID, claimID int64, how, reason string) formView {
	f := textField("reason", reason, true)
	f.Type, f.Hint = "textarea", text("line.reason_hint")
	fv := formView{Action: lineHref(batchID, claimID) + "/" + how, Sections: []formSection{{Fields: []formField{f}}},
		Submit: text("line.withdraw")}
	if how == lineFail {
		fv.Submit, fv.SubmitClass = text("line.fail"), "danger"
	}
	fv.prefixIDs(how + "-")
	return fv
}

// lineView is a line as the batch page's table shows it.
func lineView(it payments.Item) itemView {
	iv := itemView{Item: it, ClaimHref: claimHref(it.ClaimID)}
	iv.StateLabel, iv.StateBadge = lineState(it.State)
	switch {
	case it.TransferFile != nil:
		iv.Sent = textf("batch.item.sent", "n", strconv.Itoa(*it.TransferFile))
	case it.HeldBack:
		iv.Sent = text("batch.item.held")
	}
	return iv
}

// transferFileView is a sent file in the batch page's list.
type transferFileView struct {
	Label, Meta, Href string
}

func transferFileViews(b payments.Batch, canDownload bool) []transferFileView {
	out := make([]transferFileView, 0, len(b.TransferFiles))
	for _, f := range b.TransferFiles {
		v := transferFileView{Label: textf("batch.file_label", "n", strconv.Itoa(f.Seq), "lines", strconv.Itoa(f.Lines),
			"total", i18n.FormatRupiah(f.Total))}
		when := batchTime(&f.SentAt)
		v.Meta = textf("batch.file_meta", "time", when, "sha", f.SHA256)
		if f.SHA256 == "" {
			v.Meta = textf("batch.file_meta_legacy", "time", when)
		}
		if canDownload {
			v.Href = transferHref(b.ID, f.Seq)
		}
		out = append(out, v)
	}
	return out
}

// sendTransferForm is the button that takes the transfer file, offered
// while a line waits to be sent.
func sendTransferForm(c *gin.Context, b payments.Batch, items []payments.Item) (form *formView, waiting string) {
	var n, held int
	var total domain.Rupiah
	for _, it := range items {
		switch {
		case it.State != "pending" || it.TransferFile != nil:
		case it.HeldBack:
			held++
		default:
			n++
			total += it.Amount
		}
	}
	if held > 0 {
		waiting = textf("batch.step_transfer_held", "n", strconv.Itoa(held))
	}
	if n == 0 {
		return nil, text("batch.step_transfer_none") + " " + waiting
	}
	f := &formView{Action: batchHref(b.ID) + "/berkas-transfer", CSRF: sessionCSRF(c), Submit: text("batch.send_transfer")}
	return f, fmt.Sprintf("%s %s", textf("batch.step_transfer_text", "n", strconv.Itoa(n), "total", i18n.FormatRupiah(total)), waiting)
}
