package wiring

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/api"
	"santunan/config"
	"santunan/database"
	"santunan/domain"
	"santunan/httpkit"
	"santunan/web"
)

// Site is Santunan's whole HTTP face, as serve runs it and every HTTP test
// with it: the JSON API (package api) answers /api/ and the health checks,
// the pages (package web) every other path. Each front door is a gin
// engine of its own, with the shared middleware and its own answer to an
// unknown path or a wrong method (JSON, or a page); which one a request
// meets is decided by its path alone (api.Serves).
type Site struct {
	API   *gin.Engine
	Pages *gin.Engine
}

// ServeHTTP hands the request to its front door.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if api.Serves(r.URL.Path) {
		s.API.ServeHTTP(w, r)
		return
	}
	s.Pages.ServeHTTP(w, r)
}

// NewSite mounts both front doors on the services.
func NewSite(s Services, db *database.DB, log *slog.Logger, cfg config.Config) (*Site, error) {
	shared := httpkit.Options{
		Log: log, Now: s.Now, TrustedProxies: cfg.TrustedProxies, HTTPS: cfg.CookieSecure,
		MaxBodyBytes: cfg.MaxBodyBytes, LoginPerMinute: cfg.LoginRatePerMinute, TrackPerMinute: cfg.TrackRatePerMinute,
		PhoneCheckPerMinute: cfg.PhoneCheckRatePerMinute,
		RateCounter:         s.RateCounter, Metrics: s.Metrics,
	}
	jsonAPI, err := api.New(s.Capabilities, db, shared)
	if err != nil {
		return nil, err
	}
	pages, err := web.New(s.Capabilities, web.Options{Options: shared, RegencyCode: cfg.RegencyCode, BenefitAmount: domain.Rupiah(cfg.BenefitAmount),
		ClaimWindowDays: cfg.ClaimWindowDays})
	if err != nil {
		return nil, err
	}
	return &Site{API: jsonAPI, Pages: pages}, nil
}
