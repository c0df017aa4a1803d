package wiring_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"santunan/config"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/internal/wiring"
)

// A panic is our bug: each front door answers it with a 500 in its
// caller's language, with the shared headers and the request id, logs it,
// and keeps serving. No production route panics on purpose, so each door
// gets one here before it serves.
func TestAPanicIsA500InTheCallersFormat(t *testing.T) {
	gin.SetMode(gin.TestMode)
	db := testdb.SQLite(t)
	cfg, err := config.FromEnv(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	svc := wiring.Build(db, fixture.Areas(t), cfg, wiring.Options{Now: fixture.Clock()})
	site, err := wiring.NewSite(svc, db, slog.New(slog.NewJSONHandler(&logs, nil)), cfg)
	if err != nil {
		t.Fatal(err)
	}
	boom := func(*gin.Context) { panic("boom") }
	site.API.GET("/api/v1/boom", boom)
	site.Pages.GET("/boom", boom)
	for _, tc := range []struct {
		path, ctype, want string
	}{
		{"/api/v1/boom", "application/json", `"code":"internal_error"`},
		{"/boom", "text/html", "Terjadi kesalahan pada sistem."},
	} {
		t.Run(tc.path, func(t *testing.T) {
			logs.Reset()
			rec := httptest.NewRecorder()
			site.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tc.path, nil))
			h := rec.Header()
			if rec.Code != http.StatusInternalServerError || !strings.HasPrefix(h.Get("Content-Type"), tc.ctype) ||
				!strings.Contains(rec.Body.String(), tc.want) {
				t.Fatalf("status %d, Content-Type %q, body %.200s", rec.Code, h.Get("Content-Type"), rec.Body.String())
			}
			if h.Get("X-Request-ID") == "" || h.Get("Cache-Control") != "no-store" || h.Get("Content-Security-Policy") == "" {
				t.Fatalf("headers %v", h)
			}
			if !strings.Contains(logs.String(), `"msg":"panic"`) || !strings.Contains(logs.String(), h.Get("X-Request-ID")) {
				t.Fatalf("log %s", logs.String())
			}
		})
	}
}
