package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// refuseMetrics answers a client that may not read /metrics (neither from
// SANTUNAN_METRICS_ALLOW nor with SANTUNAN_METRICS_TOKEN), in the API's
// error shape.
func refuseMetrics(c *gin.Context) {
	abort(c, http.StatusForbidden, codeForbidden, "metrics are served only to the monitoring system")
}
