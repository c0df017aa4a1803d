package openapi

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// The page for people: every operation by tag, with its parameters, body
// and responses, and every named schema once, linked from where it is used.
// It is made from the parsed document, so it says what the document says.

type pageView struct {
	Title, Version string
	Description    template.HTML
	Tags           []tagView
	Schemas        []schemaView
}

type tagView struct {
	Name        string
	Description template.HTML
	Ops         []opView
}

type opView struct {
	Anchor, Method, Path, Summary string
	Description                   template.HTML
	Public                        bool
	Params                        []fieldView
	Body                          []mediaView
	BodyRequired                  bool
	Responses                     []responseView
}

type responseView struct {
	Status      string
	Description template.HTML
	Codes       []string
	Headers     []fieldView
	Media       []mediaView
}

type mediaView struct {
	Type    string
	Schema  *fieldView // nil for a file
	Example string
}

// fieldView is a parameter, a header, a property or a whole body.
type fieldView struct {
	Name        string
	In          string
	Type        typeView
	Required    bool
	Description template.HTML
	Rules       string
	Fields      []fieldView
}

// typeView names a type, linking a named schema.
type typeView struct {
	Array    bool
	Ref      string
	Text     string
	Nullable bool
}

type schemaView struct {
	Name        string
	Description template.HTML
	Root        fieldView
}

// methodOrder lists an path's operations as people expect to read them.
var methodOrder = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}

func newPageView(doc *openapi3.T) pageView {
	v := pageView{Title: doc.Info.Title, Version: doc.Info.Version, Description: markdown(doc.Info.Description)}
	byTag := map[string][]opView{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			tag := "other"
			if len(op.Tags) > 0 {
				tag = op.Tags[0]
			}
			byTag[tag] = append(byTag[tag], newOpView(doc, method, path, item, op))
		}
	}
	for _, t := range doc.Tags {
		ops := byTag[t.Name]
		slices.SortFunc(ops, func(a, b opView) int {
			return cmp.Or(cmp.Compare(a.Path, b.Path),
				cmp.Compare(slices.Index(methodOrder, a.Method), slices.Index(methodOrder, b.Method)))
		})
		v.Tags = append(v.Tags, tagView{Name: t.Name, Description: markdown(t.Description), Ops: ops})
	}
	names := make([]string, 0, len(doc.Components.Schemas))
	for name := range doc.Components.Schemas {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		s := doc.Components.Schemas[name]
		root := newField("", s, false, true)
		v.Schemas = append(v.Schemas, schemaView{Name: name, Description: markdown(s.Value.Description), Root: root})
	}
	return v
}

func newOpView(doc *openapi3.T, method, path string, item *openapi3.PathItem, op *openapi3.Operation) opView {
	v := opView{Anchor: op.OperationID, Method: method, Path: path, Summary: op.Summary, Description: markdown(op.Description)}
	security := doc.Security
	if op.Security != nil {
		security = *op.Security
	}
	v.Public = len(security) == 0
	for _, p := range append(slices.Clone(item.Parameters), op.Parameters...) {
		f := newField(p.Value.Name, p.Value.Schema, p.Value.Required, false)
		f.In, f.Description = p.Value.In, markdown(p.Value.Description)
		v.Params = append(v.Params, f)
	}
	if rb := op.RequestBody; rb != nil && rb.Value != nil {
		v.BodyRequired = rb.Value.Required
		v.Body = newMedia(rb.Value.Content)
	}
	for status, r := range op.Responses.Map() {
		rv := responseView{Status: status, Media: newMedia(r.Value.Content)}
		if r.Value.Description != nil {
			rv.Description = markdown(*r.Value.Description)
		}
		for _, name := range sortedKeys(r.Value.Headers) {
			h := r.Value.Headers[name].Value
			f := newField(name, h.Schema, h.Required, false)
			f.Description = markdown(h.Description)
			rv.Headers = append(rv.Headers, f)
		}
		if mt := r.Value.Content.Get("application/json"); mt != nil {
			rv.Codes = errorCodes(mt.Schema)
		}
		v.Responses = append(v.Responses, rv)
	}
	slices.SortFunc(v.Responses, func(a, b responseView) int { return cmp.Compare(a.Status, b.Status) })
	return v
}

func newMedia(content openapi3.Content) []mediaView {
	var out []mediaView
	for _, name := range sortedKeys(content) {
		mt := content[name]
		m := mediaView{Type: name}
		if mt.Schema != nil {
			f := newField("", mt.Schema, false, false)
			m.Schema = &f
		}
		if mt.Example != nil {
			m.Example = exampleText(mt.Example)
		}
		out = append(out, m)
	}
	return out
}

func exampleText(ex any) string {
	if s, ok := ex.(string); ok {
		return s
	}
	b, err := json.MarshalIndent(ex, "", "  ")
	if err != nil {
		return fmt.Sprint(ex)
	}
	return string(b)
}

// newField describes a schema. A named schema is a link, unless it is the
// one being described (expand), whose properties are listed; so is an
// inline object's, an array's items'.
func newField(name string, ref *openapi3.SchemaRef, required, expand bool) fieldView {
	f := fieldView{Name: name, Required: required}
	if ref == nil || ref.Value == nil {
		return f
	}
	s := ref.Value
	if !expand && ref.Ref != "" {
		f.Type = typeView{Ref: refName(ref.Ref)}
		f.Description = markdown(s.Description)
		return f
	}
	f.Description = markdown(s.Description)
	f.Rules = rules(s)
	switch {
	case len(s.AllOf) > 0:
		// An error response: the error shape and its codes.
		f.Type = typeView{Ref: refName(s.AllOf[0].Ref)}
	case len(s.OneOf) > 0:
		// A value or null.
		for _, alt := range s.OneOf {
			if alt.Value != nil && alt.Value.Type.Is("null") {
				f.Type.Nullable = true
				continue
			}
			inner := newField("", alt, false, false)
			f.Type.Ref, f.Type.Text, f.Fields = inner.Type.Ref, inner.Type.Text, inner.Fields
		}
	case s.Type.Permits("array") && s.Items != nil:
		inner := newField("", s.Items, false, false)
		f.Type = typeView{Array: true, Ref: inner.Type.Ref, Text: inner.Type.Text}
		f.Fields = inner.Fields
		if f.Rules == "" {
			f.Rules = inner.Rules
		}
	default:
		f.Type = typeView{Text: typeText(s)}
		for _, p := range sortedKeys(s.Properties) {
			f.Fields = append(f.Fields, newField(p, s.Properties[p], slices.Contains(s.Required, p), false))
		}
	}
	f.Type.Nullable = f.Type.Nullable || s.Type.IncludesNull()
	return f
}

func typeText(s *openapi3.Schema) string {
	var types []string
	for _, t := range s.Type.Slice() {
		if t != "null" {
			types = append(types, t)
		}
	}
	text := strings.Join(types, " or ")
	if text == "" && s.Const != nil {
		text = "string"
	}
	if s.Format != "" {
		text += " (" + s.Format + ")"
	}
	if s.ContentMediaType != "" {
		text = "file (" + s.ContentMediaType + ")"
	}
	return text
}

// rules sums up a schema's constraints.
func rules(s *openapi3.Schema) string {
	var out []string
	if len(s.Enum) > 0 {
		vals := make([]string, len(s.Enum))
		for i, e := range s.Enum {
			vals[i] = strconv.Quote(fmt.Sprint(e))
		}
		out = append(out, "one of "+strings.Join(vals, ", "))
	}
	if s.Const != nil {
		out = append(out, "always "+strconv.Quote(fmt.Sprint(s.Const)))
	}
	if s.MinLength > 0 {
		out = append(out, fmt.Sprintf("at least %d characters", s.MinLength))
	}
	if s.MaxLength != nil {
		out = append(out, fmt.Sprintf("at most %d characters", *s.MaxLength))
	}
	if s.Pattern != "" {
		out = append(out, "matches "+s.Pattern)
	}
	if s.Min != nil {
		out = append(out, fmt.Sprintf("≥ %g", *s.Min))
	}
	if s.Max != nil {
		out = append(out, fmt.Sprintf("≤ %g", *s.Max))
	}
	if s.MaxItems != nil {
		out = append(out, fmt.Sprintf("at most %d items", *s.MaxItems))
	}
	if s.MinProps > 0 {
		out = append(out, fmt.Sprintf("at least %d field", s.MinProps))
	}
	return strings.Join(out, "; ")
}

// errorCodes finds the codes an error response lists: the enum of
// error.code in the second part of its allOf.
func errorCodes(ref *openapi3.SchemaRef) []string {
	if ref == nil || ref.Value == nil {
		return nil
	}
	var out []string
	for _, part := range ref.Value.AllOf {
		e := part.Value.Properties["error"]
		if e == nil || e.Value == nil || e.Value.Properties["code"] == nil {
			continue
		}
		for _, c := range e.Value.Properties["code"].Value.Enum {
			out = append(out, fmt.Sprint(c))
		}
	}
	return out
}

func refName(ref string) string { return ref[strings.LastIndex(ref, "/")+1:] }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// markdown renders the little Markdown the document uses: paragraphs,
// `code`, **bold**, and lines starting with "- " as a list. Everything is
// escaped first, so the document cannot put markup on the page.
func markdown(s string) template.HTML {
	var b strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(s), "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		lines := strings.Split(para, "\n")
		if strings.HasPrefix(lines[0], "- ") {
			b.WriteString("<ul>")
			for _, l := range lines {
				b.WriteString("<li>" + inline(strings.TrimPrefix(strings.TrimSpace(l), "- ")) + "</li>")
			}
			b.WriteString("</ul>")
			continue
		}
		b.WriteString("<p>" + inline(strings.Join(lines, " ")) + "</p>")
	}
	return template.HTML(b.String()) // every piece was escaped by inline
}

// inline escapes a line and turns `x` into code and **x** into bold.
func inline(s string) string {
	s = template.HTMLEscapeString(s)
	s = pairs(s, "`", "<code>", "</code>")
	return pairs(s, "**", "<strong>", "</strong>")
}

// pairs replaces each pair of marks around a text with open and close.
func pairs(s, mark, open, close string) string {
	parts := strings.Split(s, mark)
	if len(parts)%2 == 0 { // an unpaired mark: leave the text as it is
		return s
	}
	var b strings.Builder
	for i, p := range parts {
		switch {
		case i == 0:
		case i%2 == 1:
			b.WriteString(open)
		default:
			b.WriteString(close)
		}
		b.WriteString(p)
	}
	return b.String()
}
