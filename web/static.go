package web

import (
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"
)

// static serves the embedded CSS and icon. URLs from asset() carry the
// content hash, so a browser may keep a file for a year: a new release has
// new URLs. A request with another (or no) hash is served but not cached
// for long.
func (s *Server) static(c *gin.Context) {
	name := strings.TrimPrefix(path.Clean("/"+c.Param("file")), "/")
	body, err := fs.ReadFile(webFiles, "static/"+name)
	if err != nil || name == "" {
		s.noRoute(c)
		return
	}
	if v := c.Query("v"); v != "" && v == s.pages.assets[name] {
		c.Header("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		c.Header("Cache-Control", "public, max-age=300")
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	c.Data(http.StatusOK, ctype, body)
}
