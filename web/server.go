// Package web is Santunan's pages, in Bahasa Indonesia: the public ones
// (the program, claim tracking for heirs, the staff login) and the staff's
// (claims, documents, the death register, budget, decrees, payment
// batches, accounts). Staff sign in with a cookie session; every form
// carries a CSRF token. Templates and static files are embedded.
//
// A page calls the capabilities (workflow, payments, documents,
// deathregister, auth) as the JSON API does, building their inputs from
// its forms; what both front doors share is in httpkit.
package web

import (
	"fmt"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
)

// Options are the pages' settings: what both front doors share, and how
// the public pages describe the program and which desa/kelurahan the
// new-claim form lists.
type Options struct {
	httpkit.Options
	RegencyCode     string
	BenefitAmount   domain.Rupiah
	ClaimWindowDays int
}

// Server holds what the page handlers need.
type Server struct {
	httpkit.Capabilities
	opts  Options
	pages *pageSet
}

// New parses the templates and returns the pages' routes.
func New(caps httpkit.Capabilities, opts Options) (*gin.Engine, error) {
	pages, err := loadPages(i18n.Indonesian, caps.Offices)
	if err != nil {
		return nil, fmt.Errorf("page templates: %w", err)
	}
	s := &Server{Capabilities: caps, opts: opts, pages: pages}
	r, err := httpkit.NewEngine(opts.Options, s.largeBodies(), s.refuse)
	if err != nil {
		return nil, err
	}
	r.NoRoute(s.noRoute)
	s.routes(r)
	return r, nil
}
