package domain

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// constValues returns the values of the string constants in file whose names
// start with prefix. Reading the source catches a constant added without
// being listed in its All* slice, which the i18n tests rely on.
func constValues(t *testing.T, file, prefix string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatalf("parse %s: %v", file, err)
	}
	values := constValuesIn(t, f, prefix)
	if len(values) == 0 {
		t.Fatalf("%s: no constants named %s*", file, prefix)
	}
	return values
}

// packageConstValues is constValues over every non-test file of the
// package, for codes that may be declared next to the code using them.
func packageConstValues(t *testing.T, prefix string) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var values []string
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatalf("parse %s: %v", file, err)
		}
		values = append(values, constValuesIn(t, f, prefix)...)
	}
	return values
}

func constValuesIn(t *testing.T, f *ast.File, prefix string) []string {
	t.Helper()
	var values []string
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if len(name.Name) <= len(prefix) || name.Name[:len(prefix)] != prefix {
					continue
				}
				if i >= len(vs.Values) {
					t.Fatalf("%s has no value of its own", name.Name)
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Fatalf("%s is not a string literal", name.Name)
				}
				v, _ := strconv.Unquote(lit.Value)
				values = append(values, v)
			}
		}
	}
	return values
}

func sameSet[T ~string](t *testing.T, what string, declared []string, listed []T) {
	t.Helper()
	got := make([]string, len(listed))
	for i, v := range listed {
		got[i] = string(v)
	}
	slices.Sort(got)
	want := slices.Clone(declared)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s lists %v, but the declared constants are %v", what, got, want)
	}
}

func TestAllListsMatchDeclarations(t *testing.T) {
	sameSet(t, "AllViolations", packageConstValues(t, "Violation"), AllViolations)
	sameSet(t, "AllActions", constValues(t, "action.go", "Action"), AllActions)
	sameSet(t, "AllStatuses", constValues(t, "status.go", "Status"), AllStatuses)
	sameSet(t, "AllRoles", constValues(t, "role.go", "Role"), AllRoles)
	sameSet(t, "Relationships", constValues(t, "claim.go", "Relationship"), Relationships)
	sameSet(t, "AllWarnings", constValues(t, "claim.go", "Warning"), AllWarnings)
}
