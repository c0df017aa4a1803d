package openapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin"
)

var (
	//go:embed page.html
	pageTemplate string
	//go:embed page.css
	pageCSS string
)

// Mount serves the document on the API's group: GET /openapi.json and the
// page GET /docs, both public (the contract is no secret) and made once
// here. The document is embedded and checked by the tests, so one that
// does not load is a broken build: Mount panics then, before the server
// takes a request.
func Mount(g gin.IRoutes) {
	raw, err := JSON()
	if err != nil {
		panic(err)
	}
	page, err := Page(context.Background())
	if err != nil {
		panic(err)
	}
	g.GET("/openapi.json", func(c *gin.Context) {
		// The contract may be cached, unlike the API's answers.
		c.Header("Cache-Control", "public, max-age=300")
		c.Data(http.StatusOK, "application/json; charset=utf-8", raw)
	})
	// The page's only style is inline; the site's policy allows none, so
	// this page's policy allows exactly that one, by its hash, and nothing
	// else (no script at all).
	csp := "default-src 'none'; style-src '" + styleHash() + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
	g.GET("/docs", func(c *gin.Context) {
		c.Header("Content-Security-Policy", csp)
		c.Header("Cache-Control", "public, max-age=300")
		c.Data(http.StatusOK, "text/html; charset=utf-8", page)
	})
}

// Page renders the document as HTML for people.
func Page(ctx context.Context) ([]byte, error) {
	doc, err := Load(ctx)
	if err != nil {
		return nil, err
	}
	tmpl, err := template.New("page").Parse(pageTemplate)
	if err != nil {
		return nil, fmt.Errorf("openapi page template: %w", err)
	}
	data := struct {
		pageView
		CSS template.CSS
	}{newPageView(doc), template.CSS(pageCSS)} // our own embedded file
	var b bytes.Buffer
	if err := tmpl.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("openapi page: %w", err)
	}
	return b.Bytes(), nil
}

// styleHash is the CSP source of the page's inline style.
func styleHash() string {
	sum := sha256.Sum256([]byte(pageCSS))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}
