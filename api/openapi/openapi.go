// Package openapi is the contract of the JSON API: an OpenAPI 3.1 document
// kept beside the code (openapi.yaml), served as JSON at
// GET /api/v1/openapi.json and as a page for people at GET /api/v1/docs.
// The test harness (internal/testserver) validates every API request and
// response of the tests against it, so the document cannot drift from what
// the handlers do.
package openapi

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// source is the document as written: YAML, for its comments and anchors.
//
//go:embed openapi.yaml
var source []byte

// writingAid is the top-level key of openapi.yaml that holds the response
// sets its operations merge in; it is no part of the contract.
const writingAid = "x-response-sets"

// JSON returns the document as JSON: what the API serves and what Load
// parses, so that clients and the tests read the same bytes.
func JSON() ([]byte, error) {
	var doc map[string]any
	if err := yaml.Unmarshal(source, &doc); err != nil {
		return nil, fmt.Errorf("openapi.yaml: %w", err)
	}
	// JSON has no anchors or comments: the served document is the YAML with
	// its anchors spelled out, without the sets they were written in.
	delete(doc, writingAid)
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("openapi.yaml as JSON: %w", err)
	}
	return out, nil
}

// Load parses the document and checks it against the OpenAPI 3.1 rules
// (every $ref resolves, every example fits its schema). Each call returns a
// fresh copy.
func Load(ctx context.Context) (*openapi3.T, error) {
	raw, err := JSON()
	if err != nil {
		return nil, err
	}
	loader := openapi3.NewLoader()
	loader.Context = ctx
	doc, err := loader.LoadFromData(raw)
	if err != nil {
		return nil, fmt.Errorf("load openapi.yaml: %w", err)
	}
	if err := doc.Validate(ctx); err != nil {
		return nil, fmt.Errorf("openapi.yaml is not a valid document: %w", err)
	}
	return doc, nil
}
