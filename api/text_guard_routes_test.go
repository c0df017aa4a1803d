package api_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"santunan/database"
	"santunan/domain"
	"santunan/i18n"
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

// The guard sits on every route, whatever its handler reads: every form a
// page posts (url-encoded or multipart), and the query of every GET, refuse a field the handler does
// not even know when it holds bytes the database cannot hold. A route
// added without the guard fails here.
func TestEveryRouteGuardsItsText(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		var logs lockedBuffer
		h := start(t, db, testserver.Log(&logs))
		c := h.file(1)
		router := h.srv.Config.Handler.(*gin.Engine)
		msg := i18n.Violation(i18n.Indonesian, domain.ViolationInvalidCharacters)
		// The role that passes each route's checks before the form is read.
		roleFor := func(path string) domain.Role {
			if strings.HasPrefix(path, "/staf/pembayaran") {
				return domain.RoleTreasurer
			}
			return domain.RoleDukcapilClerk
		}
		posts, gets := 0, 0
		for _, r := range router.Routes() {
			path := routePath(r.Path, c.ID)
			json := strings.HasPrefix(r.Path, "/api/") || r.Path == "/healthz" || r.Path == "/readyz"
			t.Run(r.Method+" "+r.Path, func(t *testing.T) {
				h := h.sub(t)
				switch {
				case r.Method == http.MethodGet && json:
					gets++
					h.expectError(h.do(http.MethodGet, path+"?zz=%00", domain.RoleAuditor, nil), http.StatusUnprocessableEntity, "validation_failed")
				case r.Method == http.MethodGet:
					gets++
					v := h.staff(roleFor(r.Path))
					v.get(path+"?zz=%E2%80%AE").want(http.StatusUnprocessableEntity).has("zz", msg)
				case json:
					// JSON bodies: TestBadTextRefusedInEveryAPIField, field by field.
				default:
					posts++
					v := h.staff(roleFor(r.Path))
					v.get("/staf").want(http.StatusOK)
					v.post(path, url.Values{"zz": {"a\x00b"}}).want(http.StatusUnprocessableEntity).has("zz", msg)
					v.postFile(path, url.Values{"zz": {"a\xffb"}}, "file", "x.pdf", pdfBytes).want(http.StatusUnprocessableEntity).has("zz", msg)
					v = h.visitor()
					v.get("/masuk")
					if p := v.post(path, url.Values{"zz": {"a\xffb"}}); p.status >= 500 {
						t.Fatalf("without a session: %d", p.status)
					}
				}
			})
		}
		if posts < 15 || gets < 40 {
			t.Fatalf("only %d form routes and %d GET routes checked", posts, gets)
		}
		noErrorLines(t, &logs)
	})
}
