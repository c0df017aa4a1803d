package testserver

import (
	"context"
	"slices"
	"strings"
	"testing"

	"santunan/api/openapi"
	"santunan/auth"
	"santunan/domain"
	"santunan/internal/testdb"
)

// The document and the server have the same operations: every route of
// the JSON API (and the health checks) is in the document, and every
// operation of the document is a route of the production wiring. The
// route /claims/:id/actions/:action is documented one path per action, and
// those are the transition table's actions.
func TestEveryRouteIsInTheDocumentAndBack(t *testing.T) {
	s := Start(t, testdb.SQLite(t))
	doc, err := openapi.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	type op struct{ method, path string }
	var documented []op
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented = append(documented, op{method, path})
		}
	}
	routes := s.Site.API.Routes()
	for _, r := range routes {
		if !inContract(r.Path) {
			continue
		}
		if !slices.ContainsFunc(documented, func(o op) bool { return o.method == r.Method && pathCovers(r.Path, o.path) }) {
			t.Errorf("%s %s is a route the document lacks", r.Method, r.Path)
		}
	}
	for _, o := range documented {
		if !mounted(routes, o.method, o.path) {
			t.Errorf("%s %s is in the document, not a route of the server", o.method, o.path)
		}
	}

	const actions = "/api/v1/claims/{id}/actions/"
	var actionPaths []string
	for _, o := range documented {
		if a, ok := strings.CutPrefix(o.path, actions); ok {
			actionPaths = append(actionPaths, a)
		}
	}
	var table []string
	for _, a := range s.Services.Engine.Table().Actions() {
		table = append(table, string(a))
	}
	slices.Sort(actionPaths)
	if sorted := slices.Sorted(slices.Values(table)); !slices.Equal(actionPaths, sorted) {
		t.Errorf("the document's action paths %v, the table's actions %v", actionPaths, sorted)
	}

	// The document's lists of values are the code's.
	for name, want := range map[string][]string{
		"Action":       table,
		"Status":       names(domain.AllStatuses),
		"Role":         names(domain.AllRoles),
		"ActorRole":    names(domain.ActorRoles),
		"DocumentKind": names(domain.AllDocumentKinds),
		"Relationship": names(domain.Relationships),
	} {
		if got := enum(doc.Components.Schemas[name].Value.Enum); !slices.Equal(got, want) {
			t.Errorf("schema %s lists %v, the code %v", name, got, want)
		}
	}
	kinds := doc.Components.Schemas["SecurityEvent"].Value.Properties["kind"].Value.Enum
	if got, want := enum(kinds), names(auth.EventKinds); !slices.Equal(got, want) {
		t.Errorf("the security event kinds %v, the code's %v", got, want)
	}
}

func names[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

func enum(values []any) []string {
	out := make([]string, 0, len(values))
	for _, v := range values {
		s, _ := v.(string)
		out = append(out, s)
	}
	return out
}
