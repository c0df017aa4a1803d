// Package api is the HTTP face of Santunan: gin routes in one place,
// middleware, handlers and the JSON error shape.
package api

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/go-playground/validator/v10"

	"santunan/areas"
	"santunan/auth"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/i18n"
	"santunan/payments"
	"santunan/ratelimit"
	"santunan/workflow"
)

// Options are the API's own settings.
type Options struct {
	// TrustedProxies may set X-Forwarded-For; from anyone else it is ignored.
	TrustedProxies []string
	// TrackPerMinute bounds public tracking requests per client (an IPv4
	// address, an IPv6 /64) per minute, the JSON endpoint and the page
	// together.
	TrackPerMinute int
	// LoginPerMinute bounds login requests per client, likewise, beside
	// the per-username lockout.
	LoginPerMinute int
	MaxBodyBytes   int64
	Now            func() time.Time
	// CookieSecure marks the session cookies Secure (and __Host-): set it
	// whenever the pages are served over HTTPS.
	CookieSecure bool
	// The program as the public pages describe it, and the regency whose
	// desa/kelurahan the new-claim form lists.
	RegencyCode     string
	BenefitAmount   domain.Rupiah
	ClaimWindowDays int
}

// Pinger reports whether the database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps are the services the handlers call. Each capability adds its
// service here.
type Deps struct {
	Engine *workflow.Engine
	Auth   *auth.Service
	Areas  *areas.Directory
	DB     Pinger
	Log    *slog.Logger
	// Payments is the budget, decree and disbursement service; without it
	// those endpoints do not exist.
	Payments *payments.Service
	// Documents and DeathRegister are the supporting documents of claims
	// and Dukcapil's death register; without them those endpoints do not
	// exist.
	Documents     *documents.Service
	DeathRegister *deathregister.Service
	// RateCounter counts the requests of the per-client rate limits; nil
	// counts in this process (enough for one server).
	RateCounter ratelimit.Counter
}

// Server holds what the handlers need.
type Server struct {
	engine   *workflow.Engine
	auth     *auth.Service
	areas    *areas.Directory
	db       Pinger
	log      *slog.Logger
	opts     Options
	validate *validator.Validate
	pages    *pageSet
	payments *payments.Service
	docs     *documents.Service
	register *deathregister.Service
	rates    ratelimit.Counter
}

// New wires a Server and returns its routes.
func New(d Deps, opts Options) (*gin.Engine, error) {
	if opts.TrackPerMinute <= 0 {
		opts.TrackPerMinute = 10
	}
	if opts.LoginPerMinute <= 0 {
		opts.LoginPerMinute = 30
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 1 << 20
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.RegencyCode == "" {
		opts.RegencyCode = "3324"
	}
	if opts.BenefitAmount <= 0 {
		opts.BenefitAmount = domain.DefaultBenefit
	}
	if opts.ClaimWindowDays <= 0 {
		opts.ClaimWindowDays = 90
	}
	pages, err := loadPages(i18n.Indonesian)
	if err != nil {
		return nil, fmt.Errorf("page templates: %w", err)
	}
	s := &Server{engine: d.Engine, auth: d.Auth, areas: d.Areas, db: d.DB, log: d.Log, opts: opts, validate: newValidator(),
		pages: pages, payments: d.Payments, docs: d.Documents, register: d.DeathRegister, rates: d.RateCounter}
	r, err := httpkit.NewEngine(httpkit.Options{Log: d.Log, TrustedProxies: opts.TrustedProxies, HTTPS: opts.CookieSecure,
		MaxBodyBytes: opts.MaxBodyBytes, LargerBodies: s.largeBodies()}, s.answer)
	if err != nil {
		return nil, err
	}
	s.routes(r)
	return r, nil
}
