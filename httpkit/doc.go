// Package httpkit is what Santunan's two front doors share: the JSON API
// (package api: bearer tokens, English errors) and the pages (package web:
// sessions, CSRF, Bahasa Indonesia) are each a gin engine built from it.
//
// It holds the middleware every request passes (request id, access log,
// security headers and HSTS, body limits, the guard on text the database
// cannot hold, rate limits, the refusal of cross-site requests), the one
// classification of errors into HTTP statuses and stable codes (Classify),
// the signed-in user of a request, and the sending of files.
//
// It writes no format of its own. Where a middleware refuses a request it
// hands an error that Classify knows to the front door's Answer, which
// writes it as JSON or as a page. Anything that only one front door needs
// (cookies, CSRF, templates, JSON decoding) belongs to that front door.
package httpkit
