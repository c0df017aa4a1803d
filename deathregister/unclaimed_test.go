package deathregister_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"santunan/database"
	"santunan/deathregister"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
	"santunan/workflow"
)

// lineIn is line(n) in another desa.
func lineIn(n int, died, village string) string {
	return strings.Replace(line(n, died), ",3324151001,", ","+village+",", 1)
}

// Today is 2026-11-28: listed are deaths from 2026-08-30 (the 90-day window)
// to 2026-11-14 (14 days ago) with no claim but a cancelled one.
func TestUnclaimedDeaths(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		ctx := context.Background()
		k.importCSV(t, csvOf(
			lineIn(1, "2026-11-14", "3324151002"), // listed, Sukodono
			line(2, "2026-11-15"),                 // too recent
			line(3, "2026-08-30"),                 // listed: last day of the window
			line(4, "2026-08-29"),                 // window closed
			line(5, "2026-11-01"),                 // live claim
			line(6, "2026-11-01"),                 // cancelled claim: listed
			line(7, "2026-11-01"),                 // rejected claim
			lineIn(8, "2026-10-01", "3324072003"), // listed, Banjarejo (Boja)
			line(9, "2026-09-01"),                 // listed
		))
		for n, action := range map[int]domain.Action{5: "", 6: domain.ActionCancel, 7: domain.ActionReject} {
			in := fixture.ClaimInput(n)
			in.Deceased.DateOfDeath = "2026-11-01"
			c, err := k.engine.Submit(ctx, k.clerk, in)
			if err != nil {
				t.Fatal(err)
			}
			actor := k.officer
			if action == domain.ActionReject {
				actor = k.clerk
			}
			if action != "" {
				if _, err := k.engine.Apply(ctx, actor, c.ID, action, workflow.ActionInput{Reason: "x"}); err != nil {
					t.Fatal(err)
				}
			}
		}

		var got []string
		q := deathregister.UnclaimedQuery{Limit: 2}
		for pages := 0; ; pages++ {
			page, err := k.reg.Unclaimed(ctx, k.officer, q)
			if err != nil {
				t.Fatal(err)
			}
			if pages > 5 || len(page.Items) > 2 || page.AfterDays != 14 {
				t.Fatalf("paging runs away: %+v", page)
			}
			for _, d := range page.Items {
				got = append(got, fmt.Sprintf("%s %s %s", d.VillageCode, d.DeathCertificateNo, d.DateOfDeath))
			}
			if page.NextCursor == "" {
				break
			}
			q.Cursor = page.NextCursor
		}
		want := []string{
			"3324072003 3324-KM-0008 2026-10-01",
			"3324151001 3324-KM-0003 2026-08-30",
			"3324151001 3324-KM-0009 2026-09-01",
			"3324151001 3324-KM-0006 2026-11-01",
			"3324151002 3324-KM-0001 2026-11-14",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("unclaimed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}

		one, err := k.reg.Unclaimed(ctx, k.auditor, deathregister.UnclaimedQuery{VillageCode: "3324151002"})
		if err != nil || len(one.Items) != 1 {
			t.Fatalf("one desa: %+v %v", one, err)
		}
		d := one.Items[0]
		if d.VillageName != "Sukodono" || d.KecamatanName != "Kendal" || d.DaysSinceDeath != 14 || d.ClaimDeadline.String() != "2027-02-12" {
			t.Fatalf("item %+v", d)
		}

		counts, err := k.reg.UnclaimedByVillage(ctx, k.clerk)
		if err != nil {
			t.Fatal(err)
		}
		if len(counts) != 3 || counts[1].VillageCode != "3324151001" || counts[1].Count != 3 || counts[0].VillageName != "Banjarejo" {
			t.Fatalf("counts %+v", counts)
		}

		for _, bad := range []deathregister.UnclaimedQuery{{Limit: 5000}, {Cursor: "bm9wZQ"}, {VillageCode: "3374011001"}} {
			if _, err := k.reg.Unclaimed(ctx, k.clerk, bad); err == nil {
				t.Errorf("query %+v accepted", bad)
			}
		}
		if _, err := k.reg.Unclaimed(ctx, fixture.Actor(t, db, domain.RoleTreasurer), q); err == nil {
			t.Error("treasurer read the unclaimed list")
		}
	})
}

func TestUnclaimedCSVExport(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		k := newKit(t, db, nil)
		var lines []string
		for n := 1; n <= deathregister.MaxPageSize+5; n++ {
			lines = append(lines, line(n, "2026-11-01"))
		}
		lines = append(lines, strings.Replace(line(9999, "2026-11-01"), "Ahmad Fauzi", "-Ahmad", 1))
		k.importCSV(t, csvOf(lines...))
		var buf bytes.Buffer
		n, err := k.reg.WriteUnclaimedCSV(context.Background(), k.officer, "", &buf)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if n != len(lines) || len(rows) != n+1 || strings.Join(rows[0], ",") != strings.Join(deathregister.ExportColumns, ",") {
			t.Fatalf("%d written, %d rows, header %v", n, len(rows), rows[0])
		}
		first := rows[1]
		if first[0] != "3324151001" || first[1] != "Candiroto" || first[3] != "3324150101500001" || first[5] != "male" || first[9] != "27" || first[10] != "2027-01-30" {
			t.Fatalf("first row %v", first)
		}
		if last := rows[len(rows)-1]; last[4] != "'-Ahmad" {
			t.Fatalf("a formula-like name was not defused: %v", last)
		}
	})
}
