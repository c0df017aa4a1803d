package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
)

// Staff sign in with a cookie session. The cookie holds the token that
// auth.LoginWeb issued (the database keeps only its hash); it is HttpOnly,
// SameSite=Lax, Secure when SANTUNAN_COOKIE_SECURE is set, and ends with the
// browser, at the token's absolute expiry, or after SANTUNAN_SESSION_IDLE
// without use (auth enforces both).
const (
	cookieSession    = "santunan_sesi"
	cookiePreSession = "santunan_pra"
	preSessionMaxAge = 2 * time.Hour
)

// cookieName adds the __Host- prefix on HTTPS: the browser then refuses the
// cookie unless it is Secure, for this host only and for the whole site, so
// a sibling subdomain cannot plant a session or a login CSRF value.
func (s *Server) cookieName(base string) string {
	if s.opts.HTTPS {
		return "__Host-" + base
	}
	return base
}

// setCookie writes one of our cookies; maxAge < 0 deletes it, 0 makes it
// last as long as the browser.
func (s *Server) setCookie(c *gin.Context, base, value string, maxAge time.Duration) {
	ck := &http.Cookie{
		Name: s.cookieName(base), Value: value, Path: "/",
		HttpOnly: true, Secure: s.opts.HTTPS, SameSite: http.SameSiteLaxMode,
	}
	switch {
	case maxAge < 0:
		ck.MaxAge = -1
	case maxAge > 0:
		ck.MaxAge = int(maxAge.Seconds())
	}
	http.SetCookie(c.Writer, ck)
}

func (s *Server) cookie(c *gin.Context, base string) string {
	v, err := c.Cookie(s.cookieName(base))
	if err != nil {
		return ""
	}
	return v
}

// requireSession lets through only a signed-in member of staff, whose user
// and token it puts in the context. Anyone else goes to the login page,
// which brings them back here afterwards (for a GET).
func (s *Server) requireSession(c *gin.Context) {
	token := s.cookie(c, cookieSession)
	if token == "" {
		s.toLogin(c, "")
		return
	}
	user, err := s.Auth.AuthenticateWeb(c.Request.Context(), token)
	if errors.Is(err, domain.ErrUnauthenticated) {
		s.setCookie(c, cookieSession, "", -1)
		s.toLogin(c, "expired")
		return
	}
	if err != nil {
		s.renderError(c, err)
		c.Abort()
		return
	}
	httpkit.SetUser(c, user, token)
	if user.PasswordChangeRequired && !pendingPages[c.FullPath()] {
		s.toPasswordChange(c)
		return
	}
	c.Next()
}

// pendingPages are what a user with a one-time password may open: the page
// that changes it, and logging out.
var pendingPages = map[string]bool{passwordPath: true, "/keluar": true}

// toPasswordChange sends a user who must change a one-time password to the
// page that does it, which brings them back here afterwards (for a GET).
func (s *Server) toPasswordChange(c *gin.Context) {
	target := passwordPath
	if c.Request.Method == http.MethodGet && c.Request.URL.Path != "/staf" {
		target += "?" + url.Values{"lanjut": {c.Request.URL.RequestURI()}}.Encode()
	}
	c.Redirect(http.StatusSeeOther, target)
	c.Abort()
}

// toLogin redirects to the login page; why is a query flag the page explains.
func (s *Server) toLogin(c *gin.Context, why string) {
	q := url.Values{}
	if c.Request.Method == http.MethodGet {
		q.Set("lanjut", c.Request.URL.RequestURI())
	}
	if why != "" {
		q.Set("sesi", why)
	}
	target := "/masuk"
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	c.Redirect(http.StatusSeeOther, target)
	c.Abort()
}

// safeNext returns where to go after login: a staff page of this site, never
// another site (an open redirect would lend our name to phishing).
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/staf") || strings.ContainsAny(next, "\\\r\n") || strings.HasPrefix(next, "//") {
		return "/staf"
	}
	return next
}

// pageAllow is allow for pages: a role that may not open the page gets the
// forbidden page.
func (s *Server) pageAllow(check func(domain.Role) bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		if u, ok := httpkit.CurrentUser(c); !ok || !check(u.Role) {
			s.renderMessage(c, http.StatusForbidden, "error.forbidden", &link{Href: "/staf", Text: text("error.back_home")})
			c.Abort()
			return
		}
		c.Next()
	}
}
