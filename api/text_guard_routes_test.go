package api_test

import (
	"net/http"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

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
				h.expectError(h.do(http.MethodGet, testserver.RoutePath(r.Path, c.ID)+"?zz=%00", domain.RoleAuditor, nil),
					http.StatusUnprocessableEntity, "validation_failed")
			})
		}
		if gets < 20 {
			t.Fatalf("only %d GET routes checked", gets)
		}
		logs.NoErrorLines(t)
	})
}
