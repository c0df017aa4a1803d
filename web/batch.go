package web

import (
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/payments"
)

// The batch page (pembayaran; the list is in batch_list.go): one
// batch with its control totals, its lines and their account checks, the
// transfer file, the bank's result file and the reconciliation. The
// treasurer acts on a batch (batch_actions.go); the officer and the
// auditor read it. The same payments calls as /api/v1/disbursements.

type batchPage struct {
	Batch     payments.Batch
	Label     string
	Badge     string
	SentAt    string
	ClosedAt  string
	Recon     []reconRow
	Balanced  bool
	ReconHref string
	Lines     itemsPage
	// The transfer files sent, for everyone; download links for the treasurer.
	Files []transferFileView
	// What the treasurer may do; all empty for readers and closed batches.
	Acts     bool
	Send     *formView
	SendText string
	Upload   *formView
	Inquire  *formView
	Checks   *checksForm
	Refusal  *refusalView
}

type reconRow struct {
	Label  string
	Count  int
	Amount domain.Rupiah
}

// itemsPage is a page of a batch's lines: a batch may have thousands.
type itemsPage struct {
	Items    []itemView
	From, To int
	Total    int
	PrevHref string
	NextHref string
	Offset   int
}

type itemView struct {
	payments.Item
	ClaimHref  string
	StateLabel string
	StateBadge string
	Check      string // the check's text; empty when not checked
	Mismatch   bool
	Sent       string      // which file carried the line, or that it is held back
	LineHref   string      // withdraw or fail it, for a line the bank was never sent
	Input      *checkInput // the name-at-bank field, for a pending line
}

// checkInput is one line's field of the account-check form.
type checkInput struct {
	ID, Name, Label, Value, Error string
}

// checksForm records the names the treasurer read at the bank. It wraps
// the lines' table: each pending line has its field and its own button,
// which sends that line only; the form's main button sends every filled one.
type checksForm struct {
	Action string
	CSRF   string
	Offset int
	Error  string
}

// itemsPerPage is how many lines a batch page lists.
const itemsPerPage = 100

// batchLabel names a batch's state: built, sent to the bank (its transfer
// file downloaded), or closed (every line has its result).
func batchLabel(b payments.Batch) (label, badge string) {
	switch {
	case b.Status == payments.BatchClosed:
		return text("batch.state.closed"), "paid"
	case b.SentAt != nil:
		return text("batch.state.sent"), "disbursing"
	}
	return text("batch.state.new"), "approved"
}

// lineState names a line's state, with the badge of the claim status it
// goes with.
func lineState(state string) (label, badge string) {
	switch state {
	case "paid":
		return text("batch.item.paid"), "paid"
	case "failed":
		return text("batch.item.failed"), "payment_failed"
	case "withdrawn":
		return text("batch.item.withdrawn"), "approved"
	}
	return text("batch.item.pending"), "disbursing"
}

func (s *Server) pageBatch(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	s.showBatch(c, id, http.StatusOK, view{Notice: batchNotice(c)}, batchExtras{offset: c.Query("baris")})
}

// batchNotice says what the action that redirected here did.
func batchNotice(c *gin.Context) string {
	n := func(name string) string { return strconv.Itoa(atoiOr0(c.Query(name))) }
	switch {
	case c.Query("hasil") == "diterapkan":
		return textf("batch.result_applied", "paid", n("dibayar"), "failed", n("gagal"), "unchanged", n("tetap"))
	case c.Query("hasil") == "ulang":
		return textf("batch.result_again", "unchanged", n("tetap"))
	case c.Query("dicek") != "":
		msg := textf("batch.checked", "n", n("dicek"), "mismatch", n("beda"))
		if c.Query("tanpa") != "" {
			msg += " " + textf("batch.unanswered", "n", n("tanpa"))
		}
		return msg
	case c.Query("berhasil") != "":
		return text("batch.created")
	case c.Query("baris_keluar") != "":
		return textf("batch.line_withdrawn", "code", c.Query("baris_keluar"))
	case c.Query("baris_gagal") != "":
		return textf("batch.line_failed", "code", c.Query("baris_gagal"))
	}
	return ""
}

func atoiOr0(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// batchExtras are what a refused form brings back to the batch page.
type batchExtras struct {
	offset   string
	upload   *formView
	refusal  *refusalView
	names    map[int64]string // account-check fields as typed
	nameErrs map[int64]string
	checkErr string
}

// showBatch renders batch id. Reconcile returns the batch and all its
// lines: one call gives the page everything it shows.
func (s *Server) showBatch(c *gin.Context, id int64, status int, v view, x batchExtras) {
	user := httpkit.MustUser(c)
	rec, err := s.Payments.Reconcile(c.Request.Context(), user.Actor(), id)
	if err != nil {
		status, msg := pageProblem(c, err)
		s.renderPlain(c, status, msg, &link{Href: batchesPath, Text: text("batch.back")})
		return
	}
	b := rec.Batch
	data := batchPage{Batch: b, Balanced: rec.Balanced, ReconHref: batchHref(id) + "/rekonsiliasi.xlsx", Refusal: x.refusal}
	data.Label, data.Badge = batchLabel(b)
	data.SentAt, data.ClosedAt = batchTime(b.SentAt), batchTime(b.ClosedAt)
	data.Recon = []reconRow{
		{text("batch.recon.expected"), rec.Expected.Count, rec.Expected.Amount},
		{text("batch.recon.paid"), rec.Paid.Count, rec.Paid.Amount},
		{text("batch.recon.failed"), rec.Failed.Count, rec.Failed.Amount},
		{text("batch.recon.withdrawn"), rec.Withdrawn.Count, rec.Withdrawn.Amount},
		{text("batch.recon.pending"), rec.Pending.Count, rec.Pending.Amount},
	}
	acts := payments.CanPay(user.Role) && b.Status == payments.BatchOpen
	data.Lines = s.itemsPage(id, rec.Items, x, acts)
	data.Files = transferFileViews(b, payments.CanPay(user.Role))
	if acts {
		data.Acts = true
		data.Send, data.SendText = sendTransferForm(c, b, rec.Items)
		up := resultUploadForm(id)
		if x.upload != nil {
			up = *x.upload
		}
		up.CSRF = sessionCSRF(c)
		data.Upload = &up
		if s.Payments.CanInquire() {
			data.Inquire = &formView{Action: batchHref(id) + "/cek-bank", CSRF: sessionCSRF(c), Submit: text("batch.inquire")}
		}
		if pendingOn(data.Lines.Items) {
			data.Checks = &checksForm{Action: batchHref(id) + "/cek-rekening", CSRF: sessionCSRF(c),
				Offset: data.Lines.Offset, Error: x.checkErr}
		}
	}
	s.render(c, status, "batch", v.with(data))
}

func pendingOn(items []itemView) bool {
	for _, it := range items {
		if it.Input != nil {
			return true
		}
	}
	return false
}

// itemsPage cuts the page of lines that starts at x.offset.
func (s *Server) itemsPage(id int64, items []payments.Item, x batchExtras, acts bool) itemsPage {
	offset, err := strconv.Atoi(x.offset)
	if err != nil || offset < 0 || offset >= len(items) {
		offset = 0
	}
	offset -= offset % itemsPerPage
	end := min(offset+itemsPerPage, len(items))
	p := itemsPage{Total: len(items), From: offset + 1, To: end, Offset: offset}
	at := func(o int) string { return batchHref(id) + "?baris=" + strconv.Itoa(o) + "#baris" }
	if offset > 0 {
		p.PrevHref = at(offset - itemsPerPage)
	}
	if end < len(items) {
		p.NextHref = at(end)
	}
	for _, it := range items[offset:end] {
		iv := lineView(it)
		if it.HeldBack && it.AccountCheck == nil {
			iv.Check, iv.Mismatch = text("batch.check.carried"), true
		}
		if ch := it.AccountCheck; ch != nil {
			iv.Mismatch = ch.Result == payments.CheckMismatch
			key := "batch.check.match"
			if iv.Mismatch {
				key = "batch.check.mismatch"
			}
			iv.Check = textf(key, "name", ch.NameAtBank, "time", formatDateTime(i18n.Indonesian, ch.CheckedAt))
		}
		if acts && it.State == "pending" && it.TransferFile == nil {
			iv.LineHref = lineHref(id, it.ClaimID)
		}
		if acts && it.State == "pending" {
			key := strconv.FormatInt(it.ClaimID, 10)
			iv.Input = &checkInput{ID: "f-nama-" + key, Name: checkFieldPrefix + key,
				Label: textf("batch.name_at_bank_for", "code", it.ClaimCode), Value: x.names[it.ClaimID], Error: x.nameErrs[it.ClaimID]}
		}
		p.Items = append(p.Items, iv)
	}
	return p
}

// checkFieldPrefix names a line's account-check field: nama_<claim id>.
const checkFieldPrefix = "nama_"

func resultUploadForm(id int64) formView {
	f := formField{Name: "file", Type: "file", Label: text("batch.result_file"), Hint: text("batch.result_hint"),
		Required: true, Accept: ".csv,text/csv"}
	fv := formView{Action: batchHref(id) + "/hasil", Enctype: "multipart/form-data",
		Sections: []formSection{{Fields: []formField{f}}}, Submit: text("batch.upload")}
	fv.prefixIDs("result-")
	return fv
}

// sortedClaimIDs lists a map's claim ids in order, so that a report or a
// request built from a form is the same each time.
func sortedClaimIDs(m map[int64]string) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// batchTime writes when something happened to a batch, or a dash.
func batchTime(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return formatDateTime(i18n.Indonesian, *t)
}
