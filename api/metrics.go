package api

import (
	"fmt"

	"github.com/gin-gonic/gin"

	"santunan/domain"
)

// refuseMetrics answers a client that may not read /metrics (neither from
// SANTUNAN_METRICS_ALLOW nor with SANTUNAN_METRICS_TOKEN), in the API's
// error shape: 403 forbidden.
func refuseMetrics(c *gin.Context) {
	writeError(c, fmt.Errorf("metrics are served only to the monitoring system: %w", domain.ErrForbidden))
}
