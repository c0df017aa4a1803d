package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"santunan/domain"
)

// The transport's guard on text. PostgreSQL refuses NUL and bytes that are
// not UTF-8 (SQLSTATE 22021), so a value with either, wherever it comes
// from, would be a 500 and an ERROR line for anyone to provoke. Every value
// a request carries (path parameters, the query string, form fields, the
// strings of a JSON body) is checked here, before any handler runs, and
// refused per field with 422 validation_failed, invalid_characters.
//
// Path parameters and the query string are ids, codes, cursors and one
// search term, never text to keep, so there the whole of domain's rule
// applies (control and invisible format characters too). In a body, the
// guard refuses only what the database cannot hold: no browser sends it
// from what a person types, so a page may answer with a message naming the
// field. A bidi override or a zero-width space pasted from a chat is valid
// UTF-8 and the validators' to refuse (domain.TextViolation), beside the
// field, with the form kept.

// unstorable reports whether the database cannot hold s.
func unstorable(s string) bool {
	return strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s)
}

// forbidden reports whether s breaks domain's text rule.
func forbidden(s string) bool { return domain.TextViolation(s) != "" }

// Field names for values whose own name is what was wrong.
const (
	fieldQuery = "query"
	fieldForm  = "form"
)

// addValues refuses every key or value of vals that bad reports; a value
// is reported under its key, a bad key under whole.
func addValues(errs domain.FieldErrors, vals url.Values, whole string, bad func(string) bool) {
	for key, list := range vals {
		if bad(key) {
			errs.Add(whole, domain.ViolationInvalidCharacters)
			continue
		}
		for _, v := range list {
			if bad(v) {
				errs.Add(key, domain.ViolationInvalidCharacters)
			}
		}
	}
}

// checkRequestText guards the path parameters and the query string of
// every request.
func (s *Server) checkRequestText(c *gin.Context) {
	errs := domain.FieldErrors{}
	for _, p := range c.Params {
		if forbidden(p.Value) {
			errs.Add(p.Key, domain.ViolationInvalidCharacters)
		}
	}
	// Parsed as c.Query parses it; a pair that does not parse is dropped
	// there too, so it can reach nothing.
	query, _ := url.ParseQuery(c.Request.URL.RawQuery)
	addValues(errs, query, fieldQuery, forbidden)
	if len(errs) > 0 {
		s.refuseText(c, errs)
		return
	}
	c.Next()
}

// checkFormText guards the fields of a posted form, url-encoded or
// multipart (a file's name is cleaned, not refused: documents.CleanFilename).
// It comes after the CSRF check, which has parsed the form already within
// the route's body limit; a route without one is parsed here the way
// c.PostForm would.
func (s *Server) checkFormText(c *gin.Context) {
	if c.Request.Method == http.MethodGet || c.Request.Method == http.MethodHead {
		c.Next()
		return
	}
	if c.Request.PostForm == nil {
		_ = c.Request.ParseMultipartForm(s.opts.MaxBodyBytes)
	}
	// PostForm holds the text fields of a multipart form too.
	errs := domain.FieldErrors{}
	addValues(errs, c.Request.PostForm, fieldForm, unstorable)
	if len(errs) > 0 {
		s.refuseText(c, errs)
		return
	}
	c.Next()
}

// refuseText answers with the fields, as JSON or as a page.
func (s *Server) refuseText(c *gin.Context, errs domain.FieldErrors) {
	if isPage(c) {
		s.renderError(c, errs.Err())
		c.Abort()
		return
	}
	writeError(c, errs.Err())
}

// jsonTextViolations finds the strings of a JSON body the database cannot
// hold, by their path as bindingViolations names them ("items[2].name"). It
// runs after decodeJSON decoded the body, so every key is a known field.
// encoding/json turns bytes that are not UTF-8 into U+FFFD, so when the body
// has such bytes, a string with U+FFFD is where they were; ok is false when
// no string explains them, and the body as a whole is refused.
func jsonTextViolations(raw []byte) (errs domain.FieldErrors, ok bool) {
	valid := utf8.Valid(raw)
	if valid && bytes.IndexByte(raw, '\\') < 0 {
		return nil, true // no escape, so no \u0000, and no bad byte
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, valid
	}
	errs = domain.FieldErrors{}
	walkJSON(doc, "", func(path, s string) {
		if strings.IndexByte(s, 0) >= 0 || (!valid && strings.ContainsRune(s, utf8.RuneError)) {
			errs.Add(path, domain.ViolationInvalidCharacters)
		}
	})
	return errs, valid || len(errs) > 0
}

// walkJSON calls fn with every string value of a decoded JSON value and
// its path.
func walkJSON(v any, path string, fn func(path, s string)) {
	switch t := v.(type) {
	case string:
		fn(path, t)
	case []any:
		for i, e := range t {
			walkJSON(e, path+"["+strconv.Itoa(i)+"]", fn)
		}
	case map[string]any:
		for k, e := range t {
			if path != "" {
				k = path + "." + k
			}
			walkJSON(e, k, fn)
		}
	}
}
