package workflow_test

import (
	"context"
	"errors"
	"testing"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

func TestListPagesOldestFirstWithoutGapsOrRepeats(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		var want []int64
		for n := 1; n <= 7; n++ {
			want = append(want, b.claimIn(t, n, domain.StatusSubmitted).ID)
		}
		var got []int64
		cursor := ""
		pages := 0
		for {
			page, err := b.engine.List(ctx, workflow.ListQuery{Limit: 3, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, c := range page.Items {
				got = append(got, c.ID)
			}
			if page.NextCursor == "" {
				break
			}
			cursor = page.NextCursor
		}
		if pages != 3 || len(got) != len(want) {
			t.Fatalf("%d pages, ids %v, want 3 pages of %v", pages, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("ids %v, want %v", got, want)
			}
		}
	})
}

func TestListFiltersAndSearch(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		ctx := context.Background()
		submitted := b.claimIn(t, 1, domain.StatusSubmitted)
		verified := b.claimIn(t, 2, domain.StatusDeathVerified)
		in := fixture.ClaimInput(3)
		in.Deceased.FullName = "Bambang Susilo"
		named, err := b.engine.Submit(ctx, b.clerk, in)
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			q    workflow.ListQuery
			want []int64
		}{
			{"status queue", workflow.ListQuery{Status: domain.StatusDeathVerified}, []int64{verified.ID}},
			{"code", workflow.ListQuery{Q: submitted.Code}, []int64{submitted.ID}},
			{"code typed in lower case", workflow.ListQuery{Q: " " + lower(submitted.Code) + " "}, []int64{submitted.ID}},
			{"deceased NIK", workflow.ListQuery{Q: verified.Deceased.NIK}, []int64{verified.ID}},
			{"heir NIK", workflow.ListQuery{Q: named.Heir.NIK}, []int64{named.ID}},
			{"name part, any case", workflow.ListQuery{Q: "susilo"}, []int64{named.ID}},
			{"percent is literal, not a wildcard", workflow.ListQuery{Q: "a%i"}, nil},
			{"underscore is literal, not a wildcard", workflow.ListQuery{Q: "a_m"}, nil},
			{"status and search", workflow.ListQuery{Status: domain.StatusSubmitted, Q: verified.Deceased.NIK}, nil},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				page, err := b.engine.List(ctx, tc.q)
				if err != nil {
					t.Fatal(err)
				}
				var got []int64
				for _, c := range page.Items {
					got = append(got, c.ID)
				}
				if len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			})
		}
	})
}

func TestListRefusesBadQueries(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		b := setup(t, db)
		for _, q := range []workflow.ListQuery{
			{Status: "lost"}, {Limit: -1}, {Limit: workflow.MaxPageSize + 1}, {Cursor: "not a cursor"}, {Cursor: "aWQ6LTE"},
		} {
			if _, err := b.engine.List(context.Background(), q); !errors.Is(err, domain.ErrValidation) {
				t.Errorf("List(%+v) = %v, want validation error", q, err)
			}
		}
	})
}

func lower(s string) string {
	out := []byte(s)
	for i, c := range out {
		if c >= 'A' && c <= 'Z' {
			out[i] = c + 32
		}
	}
	return string(out)
}
