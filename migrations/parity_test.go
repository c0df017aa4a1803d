package migrations

import (
	"io/fs"
	"strings"
	"testing"
)

// The two dialects must move in step: every version exists in both folders,
// with an Up and a Down section, so a deployment can switch databases.
func TestDialectsHaveTheSameVersions(t *testing.T) {
	names := map[Dialect][]string{}
	for _, d := range []Dialect{Postgres, SQLite} {
		fsys, err := FS(d)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := fs.ReadDir(fsys, ".")
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			names[d] = append(names[d], e.Name())
			body, err := fs.ReadFile(fsys, e.Name())
			if err != nil {
				t.Fatal(err)
			}
			for _, marker := range []string{"-- +goose Up", "-- +goose Down"} {
				if !strings.Contains(string(body), marker) {
					t.Errorf("%s/%s has no %q section", d, e.Name(), marker)
				}
			}
		}
	}
	pg, lite := names[Postgres], names[SQLite]
	if len(pg) == 0 {
		t.Fatal("no migrations found")
	}
	if strings.Join(pg, ",") != strings.Join(lite, ",") {
		t.Fatalf("migration files differ:\npostgres: %v\nsqlite:   %v", pg, lite)
	}
}
