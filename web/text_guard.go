package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
)

// checkFormText guards the fields of a posted form, url-encoded or
// multipart (a file's name is cleaned, not refused: documents.CleanFilename),
// as httpkit guards the path and query: a value the database cannot hold
// is refused per field. It comes after the CSRF check, which has parsed the
// form already within the route's body limit; a route without one is
// parsed here the way c.PostForm would.
func (s *Server) checkFormText(c *gin.Context) {
	if c.Request.Method == http.MethodGet || c.Request.Method == http.MethodHead {
		c.Next()
		return
	}
	if c.Request.PostForm == nil {
		_ = c.Request.ParseMultipartForm(s.opts.MaxBodyBytes)
	}
	// PostForm holds the text fields of a multipart form too.
	errs := domain.FieldErrors{}
	httpkit.AddValues(errs, c.Request.PostForm, httpkit.FieldForm, httpkit.Unstorable)
	if len(errs) > 0 {
		s.renderError(c, errs.Err())
		c.Abort()
		return
	}
	c.Next()
}
