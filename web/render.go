package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
)

// Everything a browser loads is in the binary: templates, CSS, icon. No CDN,
// no build step at run time.
//
//go:embed templates static
var webFiles embed.FS

// pageSet holds every page template, parsed once at start. Each page is the
// layout and the partials plus one file of templates/pages, which defines
// "title" and "content".
type pageSet struct {
	pages  map[string]*template.Template
	assets map[string]string // static file name -> content hash, for cache busting
}

// loadPages parses the templates with the texts of lang and the offices'
// contacts that public pages show. A second language
// would be a second pageSet, chosen per request.
func loadPages(lang i18n.Lang, offices domain.Offices) (*pageSet, error) {
	ps := &pageSet{pages: map[string]*template.Template{}, assets: map[string]string{}}
	err := fs.WalkDir(webFiles, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := webFiles.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		ps.assets[strings.TrimPrefix(p, "static/")] = hex.EncodeToString(sum[:6])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	base, err := template.New("layout").Funcs(templateFuncs(lang, ps, offices)).
		ParseFS(webFiles, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	files, err := fs.Glob(webFiles, "templates/pages/*.html")
	if err != nil {
		return nil, fmt.Errorf("list pages: %w", err)
	}
	for _, f := range files {
		t, err := base.Clone()
		if err == nil {
			t, err = t.ParseFS(webFiles, f)
		}
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", f, err)
		}
		ps.pages[strings.TrimSuffix(path.Base(f), ".html")] = t
	}
	return ps, nil
}

// asset is the URL of a static file, with its content hash so that a new
// release is fetched at once although browsers cache static files.
func (ps *pageSet) asset(name string) string {
	return "/static/" + name + "?v=" + ps.assets[name]
}

// view is what every page template gets. Data is the page's own.
type view struct {
	User      *domain.User
	CSRF      string // for forms of signed-in users
	Nav       []navLink
	Notice    string // a success message
	Alert     string // a problem with the whole page
	AlertLink *link
	Data      any
}

// with returns the view carrying a page's data.
func (v view) with(data any) view {
	v.Data = data
	return v
}

type link struct {
	Href string
	Text string
}

// render writes a page. It renders into a buffer first, so a template error
// gives a clean 500 rather than half a page.
func (s *Server) render(c *gin.Context, status int, page string, v view) {
	t, ok := s.pages.pages[page]
	if !ok {
		httpkit.Logger(c).Error("no such page template", "page", page)
		c.String(http.StatusInternalServerError, text("error.internal_error"))
		return
	}
	if u, ok := httpkit.CurrentUser(c); ok && v.User == nil {
		v.User = &u
	}
	if v.User != nil && v.CSRF == "" {
		v.CSRF = sessionCSRF(c)
	}
	if v.Nav == nil {
		v.Nav = s.navFor(v.User, c.Request.URL.Path)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		httpkit.Logger(c).Error("render page", "page", page, "error", err.Error())
		c.String(http.StatusInternalServerError, text("error.internal_error"))
		return
	}
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// text is a page text in Indonesian, the language of every page today.
func text(key string) string { return i18n.Text(i18n.Indonesian, key) }

// textf is text with {name} placeholders filled from name, value pairs.
func textf(key string, pairs ...string) string { return i18n.Textf(i18n.Indonesian, key, pairs...) }
