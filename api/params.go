package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"santunan/domain"
	"santunan/httpkit"
)

// Reading the path and the query. A path parameter that cannot name a
// resource is a 404, since no such resource can exist.

// pathID reads the :id parameter.
func pathID(c *gin.Context) (int64, bool) { return pathParam(c, "id") }

// pathParam reads the id parameter name (:claim_id, :doc).
func pathParam(c *gin.Context, name string) (int64, bool) {
	id, ok := httpkit.ParamID(c, name)
	if !ok {
		abort(c, http.StatusNotFound, httpkit.CodeNotFound, "not found")
	}
	return id, ok
}

// pathYear reads the :year of a budget path; anything but a number is 404.
func pathYear(c *gin.Context) (int, bool) {
	year, err := strconv.Atoi(c.Param("year"))
	if err != nil || year <= 0 {
		abort(c, http.StatusNotFound, httpkit.CodeNotFound, "not found")
		return 0, false
	}
	return year, true
}

// queryInt reads an optional integer query parameter; 0 when absent.
func queryInt(c *gin.Context, name string) (int, bool) {
	raw := c.Query(name)
	if raw == "" {
		return 0, true
	}
	n := 0
	for _, r := range raw {
		if r < '0' || r > '9' || n > 1_000_000 {
			writeError(c, domain.FieldError(name, domain.ViolationInvalidValue))
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}
