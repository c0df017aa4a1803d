package deathregister_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"santunan/database"
	"santunan/deathregister"
	"santunan/domain"
	"santunan/internal/testdb"
)

func problemsOf(rep deathregister.Report) []string {
	out := []string{}
	for _, p := range rep.Problems {
		out = append(out, fmt.Sprintf("%d:%s=%s", p.Line, p.Field, p.Code))
	}
	return out
}

func TestImportKeepsGoodLinesAndIsIdempotent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		file := header +
			line(1, "2026-11-01") + // 2
			"33241501015000,Ahmad,L,2026-11-01,X-1,3324151001,2026-11-02\n" + // 3 bad NIK
			line(2, "2026-10-20") + // 4
			"3324150101500003,Ahmad,L,2026-13-01,X-3,3324151001,2026-11-02\n" + // 5 bad date
			"3324150101500004,Ahmad,L,2026-11-01,X-4,3324990001,2026-11-02\n" + // 6 unknown desa
			line(1, "2026-11-01") + // 7 the same line again: unchanged
			strings.Replace(line(2, "2026-10-20"), "Ahmad Fauzi", "Ahmad Fauzan", 1) + // 8 same akta, other facts
			line(5, "2026-09-15") // 9
		rep := k.importCSV(t, strings.NewReader(file))
		want := []string{"3:nik=nik_length", "5:date_of_death=date_invalid", "6:village_code=village_unknown", "8:death_certificate_no=register_conflict"}
		if got := problemsOf(rep); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("problems %v, want %v", got, want)
		}
		if rep.Lines != 8 || rep.Inserted != 3 || rep.Unchanged != 1 || rep.Refused != 4 || rep.SHA256 == "" || rep.ImportID == 0 {
			t.Fatalf("first report %+v", rep)
		}
		if n := k.count(t); n != 3 {
			t.Fatalf("%d records stored, want 3", n)
		}

		again := k.importCSV(t, strings.NewReader(file))
		if again.Inserted != 0 || again.Unchanged != 4 || again.Refused != 4 || again.SHA256 != rep.SHA256 ||
			strings.Join(problemsOf(again), " ") != strings.Join(want, " ") {
			t.Fatalf("second report %+v", again)
		}
		if n := k.count(t); n != 3 {
			t.Fatalf("re-import changed the register: %d records", n)
		}
		var imports []struct {
			Inserted, Unchanged, Refused int
			Finished                     bool
			ActorUsername                string
		}
		db.Read.Raw("SELECT inserted, unchanged, refused, finished, actor_username FROM death_register_imports ORDER BY id").Scan(&imports)
		if len(imports) != 2 || imports[1].Unchanged != 4 || !imports[1].Finished || imports[0].ActorUsername != k.clerk.Username {
			t.Fatalf("import log %+v", imports)
		}
	})
}

// Lines spread over several chunks count once each; a conflict with a
// record written by an earlier chunk of the same file is caught.
func TestImportAcrossChunks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		var b strings.Builder
		b.WriteString(header)
		n := deathregister.ChunkSize*2 + 17
		for i := 1; i <= n; i++ {
			b.WriteString(line(i, "2026-11-01"))
		}
		b.WriteString(line(3, "2026-11-01"))                                                 // repeat from chunk 1
		b.WriteString(strings.Replace(line(4, "2026-11-01"), "2026-11-01", "2026-10-31", 1)) // conflicts with chunk 1
		rep := k.importCSV(t, strings.NewReader(b.String()))
		if rep.Inserted != n || rep.Unchanged != 1 || rep.Refused != 1 || rep.Problems[0].Line != n+3 {
			t.Fatalf("report %+v", rep)
		}
		if c := k.count(t); c != int64(n) {
			t.Fatalf("%d records, want %d", c, n)
		}
	})
}

// Two clerks import the same file at once: every record is stored once,
// and each line counts as inserted in exactly one of the two reports.
func TestConcurrentImportsOfOneFile(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		var b strings.Builder
		b.WriteString(header)
		const n = 1500
		for i := 1; i <= n; i++ {
			b.WriteString(line(i, "2026-11-01"))
		}
		reports := make([]deathregister.Report, 2)
		errs := make([]error, 2)
		var wg sync.WaitGroup
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				reports[i], errs[i] = k.reg.Import(context.Background(), k.clerk, "test", strings.NewReader(b.String()))
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if ins := reports[0].Inserted + reports[1].Inserted; ins != n || reports[0].Unchanged+reports[1].Unchanged != n ||
			reports[0].Refused+reports[1].Refused != 0 {
			t.Fatalf("reports %+v / %+v", reports[0], reports[1])
		}
		if c := k.count(t); c != n {
			t.Fatalf("%d records, want %d", c, n)
		}
	})
}

func TestImportRefusals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		ctx := context.Background()
		if _, err := k.reg.Import(ctx, k.officer, "test", csvOf(line(1, "2026-11-01"))); !errors.Is(err, domain.ErrForbidden) {
			t.Fatalf("officer import: %v", err)
		}
		if _, err := k.reg.Import(ctx, k.clerk, "test", strings.NewReader(line(1, "2026-11-01"))); !errors.Is(err, domain.ErrValidation) {
			t.Fatalf("file without header: %v", err)
		}
		var big strings.Builder
		big.WriteString(header)
		for i := 1; big.Len() <= 1<<20; i++ {
			big.WriteString(line(i%9999+1, "2026-11-01"))
		}
		var tooLarge *domain.TooLargeError
		if _, err := k.reg.Import(ctx, k.clerk, "test", strings.NewReader(big.String())); !errors.As(err, &tooLarge) || tooLarge.Limit != 1<<20 {
			t.Fatalf("oversized file: %v", err)
		}
		rep, err := k.reg.Import(ctx, deathregister.Console, "cli", csvOf(line(1, "2026-11-01")))
		if err != nil || rep.Inserted != 1 {
			t.Fatalf("console import: %+v %v", rep, err)
		}
	})
}
