package api_test

import (
	"net/http"
	"strings"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// routePath fills a route pattern's parameters with ids that exist.
func routePath(pattern string, id int64) string {
	parts := strings.Split(pattern, "/")
	for i, p := range parts {
		switch {
		case p == ":action":
			parts[i] = "return"
		case p == ":year":
			parts[i] = "2026"
		case strings.HasPrefix(p, ":"), strings.HasPrefix(p, "*"):
			parts[i] = itoa(id)
		}
	}
	return strings.Join(parts, "/")
}

// The guard sits on every route, whatever its handler reads: the query of
// every GET refuses a parameter the handler does not even know when it
// holds bytes the database cannot hold. A route added without the guard
// fails here. (JSON bodies: TestBadTextRefusedInEveryAPIField, field by
// field; the pages: web/text_guard_form_test.go.)
func TestEveryRouteGuardsItsText(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		var logs testserver.LogBuffer
		h := start(t, db, testserver.Log(&logs))
		c := h.file(1)
		gets := 0
		for _, r := range h.s.Site.API.Routes() {
			if r.Method != http.MethodGet {
				continue
			}
			gets++
			t.Run(r.Method+" "+r.Path, func(t *testing.T) {
				h := h.sub(t)
				h.expectError(h.do(http.MethodGet, routePath(r.Path, c.ID)+"?zz=%00", domain.RoleAuditor, nil),
					http.StatusUnprocessableEntity, "validation_failed")
			})
		}
		if gets < 20 {
			t.Fatalf("only %d GET routes checked", gets)
		}
		logs.NoErrorLines(t)
	})
}
