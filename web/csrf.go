package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"

	"santunan/httpkit"

	"github.com/gin-gonic/gin"
)

// CSRF protection keeps no state on the server, so any number of servers
// behave as one. A form's token is an HMAC of a purpose keyed by a secret
// the browser holds in an HttpOnly cookie: the session token for signed-in
// staff, a random pre-session value for the login form. Another site can
// make the browser send the cookie but cannot read it, so it cannot compute
// the token. The key differs from the hash stored in api_tokens, so the
// database holds nothing that yields a CSRF token.
const (
	csrfField      = "_csrf"
	csrfForSession = "session"
	csrfForLogin   = "login"
)

func csrfToken(secret, purpose string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("santunan/csrf/" + purpose))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// csrfValid compares in constant time.
func csrfValid(secret, purpose, got string) bool {
	if secret == "" || got == "" {
		return false
	}
	return hmac.Equal([]byte(csrfToken(secret, purpose)), []byte(got))
}

// sessionCSRF is the token for the forms of the signed-in user of c.
func sessionCSRF(c *gin.Context) string {
	token := httpkit.SessionToken(c)
	if token == "" {
		return ""
	}
	return csrfToken(token, csrfForSession)
}

// checkCSRF refuses any state-changing request of a session whose form does
// not carry the session's token. It reads the field with PostForm, which
// parses url-encoded and multipart bodies alike (gin keeps the parsed form
// for the handler).
func (s *Server) checkCSRF(c *gin.Context) {
	switch c.Request.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		c.Next()
		return
	}
	if !csrfValid(httpkit.SessionToken(c), csrfForSession, c.PostForm(csrfField)) {
		httpkit.Logger(c).Warn("form refused: missing or wrong CSRF token")
		s.renderMessage(c, http.StatusForbidden, "error.csrf", &link{Href: "/staf", Text: text("error.csrf_link")})
		c.Abort()
		return
	}
	c.Next()
}

// newPreSession returns a random value for the login form's cookie.
func newPreSession() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
