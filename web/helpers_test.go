package web_test

import (
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"santunan/domain"
	"santunan/internal/testserver"
)

// visitor is a browser without JavaScript: a cookie jar, forms posted as
// application/x-www-form-urlencoded, redirects not followed (tests check
// them) unless follow is used. It keeps the CSRF token of the last page.
type visitor struct {
	t      testing.TB
	h      *harness
	client *http.Client
	csrf   string
}

// page is one response, its body read.
type page struct {
	t      testing.TB
	status int
	header http.Header
	body   string
}

func (h *harness) visitor() *visitor {
	h.T.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		h.T.Fatal(err)
	}
	return &visitor{t: h.T, h: h, client: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// staff is a visitor signed in through the login form as the role's user.
func (h *harness) staff(role domain.Role) *visitor {
	h.T.Helper()
	v := h.visitor()
	v.login(string(role), password).wantRedirect("/staf")
	return v
}

func (v *visitor) login(username, pw string) *page {
	v.t.Helper()
	v.get("/masuk").want(http.StatusOK)
	return v.post("/masuk", url.Values{"username": {username}, "password": {pw}})
}

var csrfPattern = regexp.MustCompile(`name="_csrf" value="([^"]*)"`)

func (v *visitor) do(req *http.Request) *page {
	v.t.Helper()
	resp, err := v.client.Do(req)
	if err != nil {
		v.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		v.t.Fatal(err)
	}
	p := &page{t: v.t, status: resp.StatusCode, header: resp.Header, body: string(raw)}
	if m := csrfPattern.FindStringSubmatch(p.body); m != nil && m[1] != "" {
		v.csrf = html.UnescapeString(m[1])
	}
	return p
}

func (v *visitor) get(path string) *page {
	v.t.Helper()
	req, err := http.NewRequest(http.MethodGet, v.h.URL+path, nil)
	if err != nil {
		v.t.Fatal(err)
	}
	return v.do(req)
}

// post sends a form with the CSRF token of the last page, unless the form
// has its own _csrf (an empty one sends none).
func (v *visitor) post(path string, form url.Values) *page {
	v.t.Helper()
	if _, ok := form["_csrf"]; !ok {
		form.Set("_csrf", v.csrf)
	} else if form.Get("_csrf") == "" {
		form.Del("_csrf")
	}
	req, err := http.NewRequest(http.MethodPost, v.h.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		v.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return v.do(req)
}

// follow gets the page a redirect points to.
func (v *visitor) follow(p *page) *page {
	v.t.Helper()
	if p.status != http.StatusSeeOther && p.status != http.StatusFound {
		v.t.Fatalf("status %d, want a redirect; body:\n%s", p.status, p.body)
	}
	return v.get(p.header.Get("Location"))
}

func (p *page) want(status int) *page {
	p.t.Helper()
	if p.status != status {
		p.t.Fatalf("status %d, want %d; body:\n%s", p.status, status, p.body)
	}
	return p
}

func (p *page) wantRedirect(prefix string) *page {
	p.t.Helper()
	if p.status != http.StatusSeeOther || !strings.HasPrefix(p.header.Get("Location"), prefix) {
		p.t.Fatalf("status %d to %q, want 303 to %s…; body:\n%s", p.status, p.header.Get("Location"), prefix, p.body)
	}
	return p
}

// has fails unless the body contains each text (HTML-escaped as a page
// would write it).
func (p *page) has(texts ...string) *page {
	p.t.Helper()
	for _, s := range texts {
		if !strings.Contains(p.body, html.EscapeString(s)) {
			p.t.Fatalf("page lacks %q; body:\n%s", s, p.body)
		}
	}
	return p
}

// hasHTML fails unless the body contains each piece of markup as it is.
func (p *page) hasHTML(markup ...string) *page {
	p.t.Helper()
	for _, s := range markup {
		if !strings.Contains(p.body, s) {
			p.t.Fatalf("page lacks %s; body:\n%s", s, p.body)
		}
	}
	return p
}

func (p *page) hasNot(texts ...string) *page {
	p.t.Helper()
	for _, s := range texts {
		if strings.Contains(p.body, html.EscapeString(s)) {
			p.t.Fatalf("page shows %q; body:\n%s", s, p.body)
		}
	}
	return p
}

// claimForm is fixture claim n as the new-claim form posts it.
func claimForm(n int) url.Values {
	f := url.Values{}
	for part, fields := range testserver.ClaimBody(n) {
		for k, val := range fields.(map[string]string) {
			f.Set(part+"."+k, val)
		}
	}
	return f
}

// actionForm is an action's form: the version seen and the fields.
func actionForm(version int, kv ...string) url.Values {
	f := url.Values{"version": {itoa(int64(version))}}
	for i := 0; i+1 < len(kv); i += 2 {
		f.Set(kv[i], kv[i+1])
	}
	return f
}

func claimPath(id int64) string { return "/staf/klaim/" + itoa(id) }

func actionPagePath(id int64, action string) string {
	return claimPath(id) + "/tindakan/" + action
}

// cookie returns the Set-Cookie of the response named name.
func (p *page) cookie(name string) *http.Cookie {
	for _, c := range (&http.Response{Header: p.header}).Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// regexpFind returns the first group of pattern in s.
func regexpFind(t testing.TB, s, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no %s in:\n%s", pattern, s)
	}
	return html.UnescapeString(m[1])
}
