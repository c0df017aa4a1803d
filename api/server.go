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

	"santunan/areas"
	"santunan/auth"
	"santunan/deathregister"
	"santunan/documents"
	"santunan/httpkit"
	"santunan/payments"
	"santunan/workflow"
)

// Pinger reports whether the database answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Deps are the capabilities the handlers call; all of them are always
// wired (internal/wiring).
type Deps struct {
	Engine        *workflow.Engine
	Auth          *auth.Service
	Areas         *areas.Directory
	DB            Pinger
	Payments      *payments.Service
	Documents     *documents.Service
	DeathRegister *deathregister.Service
}

// Server holds what the handlers need.
type Server struct {
	engine   *workflow.Engine
	auth     *auth.Service
	areas    *areas.Directory
	db       Pinger
	payments *payments.Service
	docs     *documents.Service
	register *deathregister.Service
	opts     httpkit.Options
	validate *validator.Validate
}

// New returns the API's routes.
func New(d Deps, opts httpkit.Options) (*gin.Engine, error) {
	s := &Server{engine: d.Engine, auth: d.Auth, areas: d.Areas, db: d.DB, payments: d.Payments, docs: d.Documents,
		register: d.DeathRegister, opts: opts, validate: newValidator()}
	r, err := httpkit.NewEngine(opts, s.largeBodies(), writeError)
	if err != nil {
		return nil, err
	}
	r.NoRoute(func(c *gin.Context) { writeError(c, httpkit.ErrNoRoute) })
	s.routes(r)
	return r, nil
}
