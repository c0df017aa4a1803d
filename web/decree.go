package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/httpkit"
	"santunan/i18n"
	"santunan/payments"
)

// Decree pages (SK penetapan): the list, newest first, and one decree with
// its recipients and the downloads of its list (XLSX and PDF). The officer
// creates decrees (decree_new.go); the treasurer and the auditor read
// them. The same payments calls as /api/v1/decrees.

type decreesPage struct {
	Decrees []payments.Decree
	Pager   pager
	MayAdd  bool
}

type decreePage struct {
	Decree   payments.Decree
	XLSXHref string
	PDFHref  string
	Rows     []recipientRow
}

type recipientRow struct {
	payments.Recipient
	Relationship string
	ClaimHref    string
}

func (s *Server) pageDecrees(c *gin.Context) {
	user := httpkit.MustUser(c)
	items, next, err := s.Payments.ListDecrees(c.Request.Context(), user.Actor(), listPageQuery(c, ""))
	if err != nil {
		s.renderError(c, err)
		return
	}
	data := decreesPage{Decrees: items, MayAdd: payments.CanDecree(user.Role)}
	if next != "" {
		data.Pager.NextHref = decreesPath + "?" + url.Values{"kursor": {next}}.Encode()
	}
	if c.Query("kursor") != "" {
		data.Pager.FirstHref = decreesPath
	}
	s.render(c, http.StatusOK, "decrees", view{Data: data})
}

// loadDecreePage reads :id's decree, or answers with the error page.
func (s *Server) loadDecreePage(c *gin.Context) (payments.Decree, bool) {
	id, ok := s.pagePathID(c)
	if !ok {
		return payments.Decree{}, false
	}
	d, err := s.Payments.GetDecree(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		status, msg := pageProblem(c, err)
		s.renderPlain(c, status, msg, &link{Href: decreesPath, Text: text("decree.back")})
		return payments.Decree{}, false
	}
	return d, true
}

func (s *Server) pageDecree(c *gin.Context) {
	d, ok := s.loadDecreePage(c)
	if !ok {
		return
	}
	v := view{}
	if c.Query("berhasil") != "" {
		v.Notice = textf("decree.created", "number", d.Number, "n", strconv.Itoa(d.ClaimCount),
			"total", i18n.FormatRupiah(d.TotalAmount))
	}
	data := decreePage{Decree: d, XLSXHref: decreeHref(d.ID) + "/penerima.xlsx", PDFHref: decreeHref(d.ID) + "/penerima.pdf"}
	for _, r := range d.Recipients {
		data.Rows = append(data.Rows, recipientRow{Recipient: r, ClaimHref: claimHref(r.ClaimID),
			Relationship: i18n.RelationshipLabel(i18n.Indonesian, r.HeirRelationship)})
	}
	s.render(c, http.StatusOK, "decree", v.with(data))
}

func (s *Server) pageDecreeXLSX(c *gin.Context) {
	d, ok := s.loadDecreePage(c)
	if !ok {
		return
	}
	data, err := payments.DecreeXLSX(d, i18n.Indonesian)
	if err != nil {
		s.renderError(c, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypeXLSX, "sk-"+httpkit.FileSafe(d.Number)+"-penerima.xlsx", data)
}

func (s *Server) pageDecreePDF(c *gin.Context) {
	d, ok := s.loadDecreePage(c)
	if !ok {
		return
	}
	data, err := payments.DecreePDF(d, i18n.Indonesian)
	if err != nil {
		s.renderError(c, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypePDF, "sk-"+httpkit.FileSafe(d.Number)+"-penerima.pdf", data)
}
