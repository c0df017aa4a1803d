package config

import (
	"net/url"
	"strings"
)

// readPublicURL reads SANTUNAN_PUBLIC_URL: an http(s) origin with no path,
// query or fragment, returned without a trailing slash.
func readPublicURL(r *reader) string {
	const name = "SANTUNAN_PUBLIC_URL"
	raw := strings.TrimRight(r.str(name, "http://localhost:8080"), "/")
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		r.fail(name, "must be an origin such as https://santunan.kendalkab.go.id (no path)")
		return ""
	}
	return raw
}
