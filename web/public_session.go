package web

import (
	"github.com/gin-gonic/gin"

	"santunan/applications"
)

// The heir's online forms keep a verified phone check's token in a cookie
// of their own (HttpOnly, SameSite=Lax, Secure on HTTPS, as the staff
// session's), one per purpose, for as long as the check's session lives.
// Each form carries a value derived from the token (applications.FormToken):
// another site can make a browser send the cookie with a top-level POST,
// never know that value.
const (
	cookieApply = "santunan_pemohon"
	cookieFix   = "santunan_perbaikan"
)

// publicFormToken is the form value of the session in cookie base.
func (s *Server) publicFormToken(c *gin.Context, base string) string {
	token := s.cookie(c, base)
	if token == "" {
		return ""
	}
	return applications.FormToken(token)
}

// publicSession is the cookie's token when the form posted its value.
func (s *Server) publicSession(c *gin.Context, base string) (string, bool) {
	token := s.cookie(c, base)
	return token, applications.SameFormToken(token, c.PostForm("_csrf"))
}

func (s *Server) setPublicSession(c *gin.Context, base, token string) {
	s.setCookie(c, base, token, s.Applications.SessionTTL())
}

func (s *Server) endPublicSession(c *gin.Context, base string) { s.setCookie(c, base, "", -1) }
