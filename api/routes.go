package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"santunan/domain"
)

// routes is the whole URL space of the API, in one place.
func (s *Server) routes(r *gin.Engine) {
	r.Use(recoverJSON(), requestID(s.log), accessLog(), securityHeaders(), limitBody(s.opts.MaxBodyBytes))
	r.NoRoute(func(c *gin.Context) { abort(c, http.StatusNotFound, codeNotFound, "no such endpoint") })
	r.NoMethod(func(c *gin.Context) {
		abort(c, http.StatusMethodNotAllowed, codeMethodNotAllowed, "method not allowed on this endpoint")
	})

	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)

	v1 := r.Group("/api/v1")
	v1.POST("/auth/login", limitByIP(newRateLimiter(s.opts.LoginPerMinute, s.opts.Now)), s.login)
	v1.POST("/public/track", limitByIP(newRateLimiter(s.opts.TrackPerMinute, s.opts.Now)), s.track)

	authed := v1.Group("", s.authenticate)
	authed.POST("/auth/logout", s.logout)
	authed.GET("/me", s.me)

	users := authed.Group("/users", allow(isAdmin))
	users.POST("", s.createUser)
	users.GET("", s.listUsers)
	users.PATCH("/:id", s.updateUser)

	claims := authed.Group("/claims", allow(domain.Role.ReadsClaims))
	claims.POST("", s.createClaim)
	claims.GET("", s.listClaims)
	claims.GET("/:id", s.getClaim)
	claims.GET("/:id/events", s.claimEvents)
	claims.POST("/:id/actions/:action", s.takeAction)

	authed.GET("/audit/verify", allow(domain.Role.ReadsAudit), s.verifyAudit)
}
