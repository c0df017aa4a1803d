package api

import (
	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
)

// errorBody is the JSON shape of every refusal: {"error": {...}}.
type errorBody struct {
	Error httpkit.Detail `json:"error"`
}

// writeError answers err as JSON, with the status and stable code that
// httpkit.Classify gives it. It is the API's httpkit.Answer.
func writeError(c *gin.Context, err error) {
	status, body := httpkit.Respond(c, err)
	c.AbortWithStatusJSON(status, errorBody{Error: body})
}

// abort writes an error that does not come from a lower layer.
func abort(c *gin.Context, status int, code, message string) {
	c.AbortWithStatusJSON(status, errorBody{Error: httpkit.Detail{Code: code, Message: message}})
}

// allow lets through only users whose role passes the check.
func allow(check func(domain.Role) bool) gin.HandlerFunc { return httpkit.Allow(check, writeError) }
