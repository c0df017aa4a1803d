package web

import (
	"encoding/base64"
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/httpkit"
	"santunan/i18n"
	"santunan/pdfdoc"
	"santunan/receipts"
)

// The receipt (tanda terima) of a claim: a page to print (A5 or A4, by
// the print stylesheet) and the same as a PDF, for staff who read claims;
// and the PDF for the heir, by code and NIK (POST /lacak/tanda-terima).
// What it holds and never holds is receipts' (no NIK, phone or account).

type receiptPage struct {
	Code      string
	TrackURL  string
	QR        template.URL // a data: URL of the QR code's PNG
	QRAlt     string
	FiledAt   string
	Deceased  string
	Documents []string
	Steps     []receiptStep
	Offices   officesView
	A4        bool
	PrintHref string // the other paper's page
	PDFHref   string
	PDFA4Href string
	Back      string
}

type receiptStep struct{ Text, Time string }

// receiptPaper is the paper a request asks for: ?kertas=a4, else A5.
func receiptPaper(c *gin.Context) pdfdoc.Paper {
	if c.Query("kertas") == "a4" {
		return pdfdoc.A4
	}
	return pdfdoc.A5
}

func receiptHref(id int64) string { return claimHref(id) + "/tanda-terima" }

func (s *Server) pageReceipt(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	r, err := s.Receipts.ForStaff(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		s.renderError(c, err)
		return
	}
	qr, err := receipts.QRPNG(r.TrackURL)
	if err != nil {
		s.renderError(c, err)
		return
	}
	a4 := receiptPaper(c) == pdfdoc.A4
	data := receiptPage{
		Code: r.Code, TrackURL: r.TrackURL, FiledAt: receipts.FiledAt(r, i18n.Indonesian), Deceased: r.Deceased,
		// A data: URL made here from our own PNG, never from input.
		QR:    template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(qr)),
		QRAlt: textf("receipt.qr_alt", "code", r.Code), A4: a4,
		Offices: officesView{Holding: r.Holding(), Offices: r.Offices, Complaints: r.Complaints},
		PDFHref: receiptHref(id) + ".pdf", PDFA4Href: receiptHref(id) + ".pdf?kertas=a4", Back: claimHref(id),
	}
	data.PrintHref = receiptHref(id) + "?kertas=a4"
	if a4 {
		data.PrintHref = receiptHref(id)
	}
	for _, k := range r.Documents {
		data.Documents = append(data.Documents, kindLabel(k))
	}
	for _, st := range i18n.Steps(i18n.Indonesian, r.Standard) {
		data.Steps = append(data.Steps, receiptStep{Text: st.Text, Time: st.Time})
	}
	s.render(c, http.StatusOK, "receipt", view{Data: data})
}

func (s *Server) pageReceiptPDF(c *gin.Context) {
	id, ok := s.pagePathID(c)
	if !ok {
		return
	}
	r, err := s.Receipts.ForStaff(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		s.renderError(c, err)
		return
	}
	s.sendReceipt(c, r)
}

// pageHeirReceipt is the heir's PDF: the same proof as tracking (code and
// NIK, Engine.Identify, counted against the tracking limit), the same
// answer for an unknown code and a wrong NIK. The form it came from is
// shown again on a refusal, without the NIK.
func (s *Server) pageHeirReceipt(c *gin.Context) {
	code, nik := c.PostForm("code"), c.PostForm("heir_nik")
	form := trackForm(code, nik)
	if err := checkLimits(c.PostForm, trackLimits...); err != nil {
		form.applyErrors(fieldErrors(err))
		s.render(c, http.StatusUnprocessableEntity, "track", view{Data: trackPage{Form: form}})
		return
	}
	r, err := s.Receipts.ForHeir(c.Request.Context(), code, nik)
	if errs := fieldErrors(err); errs != nil {
		form.applyErrors(errs)
		s.render(c, http.StatusUnprocessableEntity, "track", view{Data: trackPage{Form: form}})
		return
	}
	if err != nil {
		status, msg := pageProblem(c, err)
		if status == http.StatusNotFound {
			msg = text("track.not_found")
		}
		s.render(c, status, "track", view{Alert: msg, Data: trackPage{Form: form}})
		return
	}
	s.sendReceipt(c, r)
}

// heirReceiptForm posts the code and the NIK, typed again (the result page
// does not echo it), for the heir's receipt PDF.
func heirReceiptForm(code string) *formView {
	nik := textField("heir_nik", "", true)
	nik.Prefix, nik.InputMode, nik.Autocomplete = "r-", "numeric", "off"
	return &formView{Action: heirReceiptPath, Hidden: []hiddenField{{Name: "code", Value: code}},
		Sections: []formSection{{Fields: []formField{nik}}}, Submit: text("receipt.heir_download")}
}

// heirReceiptPath is where the heir's receipt is asked for, from the
// tracking result and from the online application's confirmation.
const heirReceiptPath = "/lacak/tanda-terima"

func (s *Server) sendReceipt(c *gin.Context, r receipts.Receipt) {
	data, err := receipts.PDF(r, i18n.Indonesian, receiptPaper(c))
	if err != nil {
		s.renderError(c, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypePDF, receipts.FileName(r.Code), data)
}
