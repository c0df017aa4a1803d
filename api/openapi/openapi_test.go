package openapi_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"santunan/api/openapi"
	"santunan/internal/testdb"
	"santunan/internal/testserver"
)

// The document is OpenAPI 3.1, valid (its examples fit their schemas), and
// complete in the ways a client relies on: every operation is named,
// tagged and summed up, says what a failure of the server looks like, and
// says 401 when it needs a token.
func TestTheDocumentIsCompleteOpenAPI31(t *testing.T) {
	doc, err := openapi.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !doc.IsOpenAPI31OrLater() || doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi %q", doc.OpenAPI)
	}
	tags := map[string]bool{}
	for _, tag := range doc.Tags {
		tags[tag.Name] = true
	}
	ids := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			name := method + " " + path
			if op.OperationID == "" || ids[op.OperationID] {
				t.Errorf("%s: operationId %q missing or repeated", name, op.OperationID)
			}
			ids[op.OperationID] = true
			if op.Summary == "" || len(op.Tags) != 1 || !tags[op.Tags[0]] {
				t.Errorf("%s: a summary and one declared tag, got %q %v", name, op.Summary, op.Tags)
			}
			for _, status := range []int{500, 503} {
				if op.Responses.Status(status) == nil {
					t.Errorf("%s: no %d", name, status)
				}
			}
			public := op.Security != nil && len(*op.Security) == 0
			if !public && op.Responses.Status(http.StatusUnauthorized) == nil {
				t.Errorf("%s needs a token and does not say 401", name)
			}
		}
	}
	// The writing aid stays out of the served document.
	raw, err := openapi.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("x-response-sets")) {
		t.Error("the served document holds the YAML's response sets")
	}
}

// The server serves the document as it is in the repository, and the page
// made from it with a policy that lets its one inline style in and nothing
// else.
func TestTheServerServesTheDocumentAndItsPage(t *testing.T) {
	s := testserver.Start(t, testdb.SQLite(t))
	want, err := openapi.JSON()
	if err != nil {
		t.Fatal(err)
	}
	resp := s.Do(http.MethodGet, "/api/v1/openapi.json", "", nil)
	got := s.Expect(resp, http.StatusOK, nil)
	if !bytes.Equal(got, want) || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("served %d bytes (%s), want the document's %d", len(got), resp.Header.Get("Content-Type"), len(want))
	}
	if _, err := openapi3.NewLoader().LoadFromData(got); err != nil {
		t.Fatalf("a client cannot load it: %v", err)
	}

	resp = s.Do(http.MethodGet, "/api/v1/docs", "", nil)
	page := string(s.Expect(resp, http.StatusOK, nil))
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || strings.Contains(page, "<script") {
		t.Fatalf("content type %q, or a script on the page", resp.Header.Get("Content-Type"))
	}
	style, ok := between(page, "<style>", "</style>")
	if !ok {
		t.Fatal("no style on the page")
	}
	sum := sha256.Sum256([]byte(style))
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "style-src 'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") ||
		!strings.Contains(csp, "default-src 'none'") {
		t.Fatalf("policy %q does not let exactly the page's style in", csp)
	}
	doc, err := openapi.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if !strings.Contains(page, `id="`+op.OperationID+`"`) {
				t.Errorf("the page lacks %s %s", method, path)
			}
		}
	}
	for _, code := range []string{"invalid_transition", "version_conflict", "result_file_refused", "cross_site_refused"} {
		if !strings.Contains(page, "<code>"+code+"</code>") {
			t.Errorf("the page does not list the error code %s", code)
		}
	}
}

func between(s, open, close string) (string, bool) {
	_, rest, ok := strings.Cut(s, open)
	if !ok {
		return "", false
	}
	inner, _, ok := strings.Cut(rest, close)
	return inner, ok
}
