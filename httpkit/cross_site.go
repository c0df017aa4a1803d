package httpkit

import (
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

// A document download is a GET that writes a record: the append-only
// access log says who opened whose papers. A link on another site that a
// signed-in clerk follows would write "clerk opened X's KTP" although the
// clerk never meant to. So the download answers only requests that come
// from this site itself, from the address bar or a bookmark, or from an API
// client, and refuses what a browser marks as coming from elsewhere.

// fromAnotherSite reports whether a browser says the request comes from
// another site: Sec-Fetch-Site is cross-site or same-site (another host of
// the same domain is still not this service), or an Origin names another
// host (or "null", an opaque origin such as a sandboxed frame). An absent
// header says nothing: API clients and old browsers send neither.
func fromAnotherSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "cross-site", "same-site":
		return true
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false
	}
	u, err := url.Parse(origin)
	return err != nil || u.Host == "" || u.Host != r.Host
}

// RefuseCrossSite guards a GET that writes a record: a request from
// another site is answered ErrCrossSite (403 cross_site_refused; a page
// leads back to the claim).
func RefuseCrossSite(answer Answer) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !fromAnotherSite(c.Request) {
			c.Next()
			return
		}
		Logger(c).Warn("refused a request from another site", "route", c.FullPath())
		answer(c, ErrCrossSite)
		c.Abort()
	}
}

// postFromAnotherSite is fromAnotherSite for a page's own form posts. A
// browser that sends Sec-Fetch-Site is believed on it alone: under
// Referrer-Policy no-referrer, Chromium marks its own same-origin form
// posts Origin: null, which fromAnotherSite would refuse. Without it, an
// Origin naming another host (or null) still refuses.
func postFromAnotherSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin", "none":
		origin := r.Header.Get("Origin")
		if origin == "" || origin == "null" {
			return false
		}
		u, err := url.Parse(origin)
		return err != nil || u.Host != r.Host
	case "":
		return fromAnotherSite(r)
	}
	return true
}

// RefuseCrossSitePosts guards a public form whose post changes whose
// session a browser holds (the one-time code's check): another site must
// not post it in a visitor's browser, which would sign that visitor into
// the attacker's verified phone (a login CSRF) or spend the phone's codes.
func RefuseCrossSitePosts(answer Answer) gin.HandlerFunc {
	return func(c *gin.Context) {
		if !postFromAnotherSite(c.Request) {
			c.Next()
			return
		}
		Logger(c).Warn("refused a form post from another site", "route", c.FullPath())
		answer(c, ErrCrossSite)
		c.Abort()
	}
}
