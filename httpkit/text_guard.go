package httpkit

import (
	"net/url"
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

// Unstorable reports whether the database cannot hold s.
func Unstorable(s string) bool {
	return strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(s)
}

// forbidden reports whether s breaks domain's text rule.
func forbidden(s string) bool { return domain.TextViolation(s) != "" }

// Field names for values whose own name is what was wrong.
const (
	fieldQuery = "query"
	FieldForm  = "form"
)

// AddValues refuses every key or value of vals that bad reports; a value
// is reported under its key, a bad key under whole.
func AddValues(errs domain.FieldErrors, vals url.Values, whole string, bad func(string) bool) {
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
func checkRequestText(answer Answer) gin.HandlerFunc {
	return func(c *gin.Context) {
		errs := domain.FieldErrors{}
		for _, p := range c.Params {
			if forbidden(p.Value) {
				errs.Add(p.Key, domain.ViolationInvalidCharacters)
			}
		}
		// Parsed as c.Query parses it; a pair that does not parse is dropped
		// there too, so it can reach nothing.
		query, _ := url.ParseQuery(c.Request.URL.RawQuery)
		AddValues(errs, query, fieldQuery, forbidden)
		if len(errs) > 0 {
			answer(c, errs.Err())
			c.Abort()
			return
		}
		c.Next()
	}
}
