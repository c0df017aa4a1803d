package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Route patterns of the heir's online forms that carry files.
const (
	routeApply     = "/ajukan"
	routeFixSubmit = "/perbaiki/formulir"
)

// publicFormBytes is what one online form may carry in files: one per
// kind, each within the documents' limit.
func (s *Server) publicFormBytes() int64 {
	return int64(len(documentKindsOnline())) * s.Documents.MaxBytes()
}

// pagePublicTooLarge answers an online form too large to read: nothing is
// kept (the form was not read), so the heir is told to send smaller photos.
func (s *Server) pagePublicTooLarge(c *gin.Context) {
	s.render(c, http.StatusRequestEntityTooLarge, "message", view{
		Alert: text("apply.too_large"), AlertLink: &link{Href: c.Request.URL.Path, Text: text("apply.back")},
		Data: messagePage{Title: text("apply.title")},
	})
}
