package web

import (
	"errors"
	"net/http"

	"santunan/httpkit"

	"github.com/gin-gonic/gin"
)

// Uploads from pages. The CSRF check reads the form, so the body of an
// upload is read before its handler runs: pageBodyLimit, placed before the
// CSRF check, reads it within the upload's own limit and answers a body
// that is too large with a page (the claim page with the upload form, the
// import page), not the JSON error the global limit writes. The form is
// parsed in memory up to the limit, so that no uploaded document or
// register (personal data) is written to a temporary file.

// pageBodyCeiling is what the global limit (limitBody) allows an upload
// page: far above the upload's own limit, which pageBodyLimit enforces, so
// that a file somewhat too large is answered with a page.
func pageBodyCeiling(limit int64) int64 {
	return max(limit+httpkit.MultipartSlack, 1<<30)
}

// pageBodyLimit reads a multipart form of at most limit bytes of file
// (plus the slack for the other fields); tooLarge answers a larger one.
func (s *Server) pageBodyLimit(limit int64, tooLarge gin.HandlerFunc) gin.HandlerFunc {
	total := limit + httpkit.MultipartSlack
	return func(c *gin.Context) {
		if c.Request.ContentLength > total {
			tooLarge(c)
			c.Abort()
			return
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, total)
		var bodyLimit *http.MaxBytesError
		if err := c.Request.ParseMultipartForm(total); errors.As(err, &bodyLimit) {
			tooLarge(c)
			c.Abort()
			return
		}
		// Any other problem (not multipart, malformed) leaves the form
		// empty: the CSRF check or the handler refuses it.
		c.Next()
	}
}
