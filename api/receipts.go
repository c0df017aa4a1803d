package api

import (
	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/pdfdoc"
	"santunan/receipts"
)

// receiptPDF is a claim's receipt (tanda terima) for the heir, as the
// claim page prints it: ?paper=a5 (the default) or a4.
func (s *Server) receiptPDF(c *gin.Context) {
	id, ok := pathID(c)
	if !ok {
		return
	}
	paper := pdfdoc.A5
	switch c.Query("paper") {
	case "", "a5":
	case "a4":
		paper = pdfdoc.A4
	default:
		writeError(c, domain.FieldError("paper", domain.ViolationInvalidValue))
		return
	}
	r, err := s.Receipts.ForStaff(c.Request.Context(), httpkit.MustUser(c).Actor(), id)
	if err != nil {
		writeError(c, err)
		return
	}
	data, err := receipts.PDF(r, i18n.Indonesian, paper)
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendFile(c, httpkit.ContentTypePDF, receipts.FileName(r.Code), data)
}
