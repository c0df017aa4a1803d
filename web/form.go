package web

import (
	"sort"
	"strings"

	"santunan/domain"
	"santunan/i18n"
)

// Forms are described in Go and drawn by one partial (templates/partials/
// form.html), so every form looks and behaves the same: a label per field,
// the error beside the field, a summary of problems at the top with links
// to the fields, and the values entered kept after an error.

// formView is one <form>. Action is where it posts.
type formView struct {
	Method      string // GET for a search; empty means POST, with the CSRF token
	Action      string
	CSRF        string
	Enctype     string // "multipart/form-data" for uploads; empty otherwise
	Hidden      []hiddenField
	Sections    []formSection
	Problems    []problem // errors of the whole form, and of each field, as links
	Submit      string
	SubmitClass string // "danger" for actions that end or undo something
	Cancel      *link
}

type hiddenField struct {
	Name, Value string
}

type formSection struct {
	Title  string // a <legend>; empty for no fieldset title
	Fields []formField
}

// formField is one input. Name is the request field (the JSON path of the
// API, e.g. "deceased.nik"), so a violation from the domain finds its field.
type formField struct {
	Prefix       string // keeps ids unique when a page has several forms
	Name         string
	Label        string
	Hint         string
	Type         string // text, date, tel, password, search, select, radio (Options), textarea, file, checkbox (posts "true" when ticked)
	Value        string
	Error        string
	Required     bool
	Autocomplete string
	InputMode    string // numeric for digit-only fields: a phone shows a keypad
	MaxLength    int
	Placeholder  string // a <select>'s empty first option, e.g. "Pilih..."
	Accept       string // the file types a file input offers to pick
	Capture      string // a file input's camera on a phone ("environment": the back one)
	Options      []option
	Groups       []optGroup // a <select> with <optgroup>s
}

type option struct {
	Value, Label string
	Selected     bool
}

type optGroup struct {
	Label   string
	Options []option
}

type problem struct {
	Href string // "#f-<id>" of the field, or empty
	Text string
}

// ID is the element id of the field's input.
func (f formField) ID() string { return f.Prefix + fieldID(f.Name) }

func fieldID(name string) string { return strings.NewReplacer(".", "-", "_", "-").Replace(name) }

// DescribedBy lists the ids of the hint and error for aria-describedby.
func (f formField) DescribedBy() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, "h-"+f.ID())
	}
	if f.Error != "" {
		ids = append(ids, "e-"+f.ID())
	}
	return strings.Join(ids, " ")
}

// prefixIDs gives every field's id the prefix.
func (fv *formView) prefixIDs(prefix string) {
	for i := range fv.Sections {
		for j := range fv.Sections[i].Fields {
			fv.Sections[i].Fields[j].Prefix = prefix
		}
	}
}

// applyErrors puts each violation beside its field and lists all of them
// (and any that has no field on this form) as the form's problems.
func (fv *formView) applyErrors(errs domain.FieldErrors) {
	shown := map[string]bool{}
	for i := range fv.Sections {
		for j := range fv.Sections[i].Fields {
			f := &fv.Sections[i].Fields[j]
			if code, ok := errs[f.Name]; ok {
				f.Error = i18n.Violation(i18n.Indonesian, code)
				fv.Problems = append(fv.Problems, problem{Href: "#f-" + f.ID(), Text: f.Label + ": " + f.Error})
				shown[f.Name] = true
			}
		}
	}
	var rest []string
	for name := range errs {
		if !shown[name] {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	for _, name := range rest {
		fv.Problems = append(fv.Problems, problem{Text: fieldLabel(name) + ": " + i18n.Violation(i18n.Indonesian, errs[name])})
	}
}

// fieldLabel names a request field ("field.<name>" in the catalog), or
// returns the name itself when it has no text.
func fieldLabel(name string) string {
	if i18n.HasText("field." + name) {
		return text("field." + name)
	}
	return name
}

// textField is a plain field labelled from the catalog.
func textField(name, value string, required bool) formField {
	f := formField{Name: name, Label: fieldLabel(name), Type: "text", Value: value, Required: required}
	if i18n.HasText("hint." + name) {
		f.Hint = text("hint." + name)
	}
	return f
}

// formValues is what a submitted form holds, read one field at a time.
type formValues func(name string) string
