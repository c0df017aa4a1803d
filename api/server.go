// Package api is Santunan's JSON API under /api/v1 (and the health checks):
// bearer tokens, English errors with stable codes, its routes in one
// function (routes.go). The pages are package web; what both front doors
// share (middleware, the classification of errors, the current user,
// sending files) is httpkit.
package api

import (
	"context"

	"github.com/gin-gonic/gin"
	"github.com/go-playground/validator/v10"

	"santunan/httpkit"
)

// Pinger reports whether the database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Server holds what the handlers need.
type Server struct {
	httpkit.Capabilities
	db       Pinger
	opts     httpkit.Options
	validate *validator.Validate
}

// New returns the API's routes on the capabilities; db answers /readyz.
func New(caps httpkit.Capabilities, db Pinger, opts httpkit.Options) (*gin.Engine, error) {
	s := &Server{Capabilities: caps, db: db, opts: opts, validate: newValidator()}
	r, err := httpkit.NewEngine(opts, s.largeBodies(), writeError)
	if err != nil {
		return nil, err
	}
	r.NoRoute(func(c *gin.Context) { writeError(c, httpkit.ErrNoRoute) })
	s.routes(r)
	return r, nil
}
