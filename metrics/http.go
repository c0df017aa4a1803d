package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Unmatched is the route label of a request that matched no route (a 404
// or 405): its path is whatever the client sent, so it never is a label.
const Unmatched = "unmatched"

// Middleware counts and times every request by gin's route pattern (never
// the URL, which holds ids and codes), method and status class. Mount it
// first, so the time and status include every other middleware's.
func (m *Metrics) Middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = Unmatched
		}
		labels := []string{route, methodLabel(c.Request.Method), statusClass(c.Writer.Status())}
		m.requests.WithLabelValues(labels...).Inc()
		m.latency.WithLabelValues(labels...).Observe(time.Since(start).Seconds())
	}
}

// Endpoint serves the registry to the clients Access permits; refuse
// answers the others (with the API's error shape: the caller's).
func (m *Metrics) Endpoint(refuse gin.HandlerFunc) gin.HandlerFunc {
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorLog: errorLog{m.opts.Log}, ErrorHandling: promhttp.ContinueOnError,
		// A scrape is cheap, but not free: a handful at once is plenty.
		MaxRequestsInFlight: 4, Timeout: 10 * time.Second,
	})
	return func(c *gin.Context) {
		if !m.access.permits(c) {
			refuse(c)
			return
		}
		h.ServeHTTP(c.Writer, c.Request)
	}
}

// methodLabel keeps the method label to the methods HTTP defines: any
// other string a client sends is "other".
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace:
		return method
	}
	return "other"
}

// statusClass is "2xx" for 200..299 and so on.
func statusClass(status int) string {
	if status < 100 || status > 599 {
		return "other"
	}
	return strconv.Itoa(status/100) + "xx"
}
