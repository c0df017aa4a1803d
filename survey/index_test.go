package survey

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"santunan/database"
	"santunan/domain"
	"santunan/internal/fixture"
	"santunan/internal/testdb"
)

func TestBandEdges(t *testing.T) {
	for _, tc := range []struct {
		hundredths int64
		want       Band
	}{
		{10000, BandA}, {8831, BandA}, {8830, BandB}, {7661, BandB}, {7660, BandC},
		{6500, BandC}, {6499, BandD}, {2500, BandD},
	} {
		if got := BandOf(tc.hundredths); got != tc.want {
			t.Errorf("BandOf(%d) = %s, want %s", tc.hundredths, got, tc.want)
		}
	}
}

// answersWithTotal are n answers whose scores add up to total (9n-36n):
// every score starts at 1 and the rest is handed out one point at a time.
func answersWithTotal(t *testing.T, n, total int) []Answer {
	t.Helper()
	if total < 9*n || total > 36*n {
		t.Fatalf("total %d impossible for %d answers", total, n)
	}
	out := make([]Answer, n)
	for i := range out {
		for j := range out[i].Scores {
			out[i].Scores[j] = 1
		}
	}
	for left, k := total-9*n, 0; left > 0; k++ {
		a, e := k%n, (k/n)%9
		if out[a].Scores[e] < 4 {
			out[a].Scores[e]++
			left--
		}
	}
	return out
}

// store writes answers as given months' rows, as Answer would.
func store(t *testing.T, db *database.DB, period string, answers ...Answer) {
	t.Helper()
	for _, a := range answers {
		if err := a.Validate(); err != nil {
			t.Fatal(err)
		}
		row := rowOf(a, period)
		if err := db.Write.Create(&row).Error; err != nil {
			t.Fatal(err)
		}
	}
}

func jakartaMonth(year int, m time.Month) time.Time {
	return time.Date(year, m, 1, 0, 0, 0, 0, domain.Jakarta())
}

// same compares two indexes (their bounds as instants).
func same(a, b Index) bool {
	return a.From.Equal(b.From) && a.To.Equal(b.To) && a.Count == b.Count && a.Means == b.Means &&
		a.Value == b.Value && a.Band == b.Band
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The index of a known set of answers: the element means, the mean of the
// means ×25 rounded half up to hundredths, and the band at each of its
// edges (one month per edge), on both databases.
func TestIndexOfKnownAnswers(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		s := New(db, Options{Now: fixture.Clock()})
		// March: four answers with known element means.
		known := []Answer{
			{Scores: [9]int{4, 4, 4, 4, 4, 4, 4, 4, 4}, Comment: "Cepat, terima kasih"},
			{Scores: [9]int{3, 3, 3, 4, 3, 3, 4, 2, 3}},
			{Scores: [9]int{4, 3, 2, 4, 3, 4, 4, 1, 2}, Comment: "Antre lama"},
			{Scores: [9]int{3, 2, 2, 4, 4, 3, 4, 1, 3}},
		}
		store(t, db, "2026-03", known...)
		wantMeans := [9]float64{3.5, 3, 2.75, 4, 3.5, 3.5, 4, 2, 3}
		// Σ means = 29.25; /9 = 3.25; ×25 = 81.25 → B.
		x, err := s.Index(ctx, jakartaMonth(2026, 3), jakartaMonth(2026, 4))
		if err != nil {
			t.Fatal(err)
		}
		if x.Count != 4 || x.Means != wantMeans || x.Value != 81.25 || x.Band != BandB {
			t.Fatalf("March: %+v", x)
		}
		if x.Mean(Cost) != 4 || x.Mean(ComplaintHandling) != 2 {
			t.Fatalf("Mean: cost %v, complaints %v", x.Mean(Cost), x.Mean(ComplaintHandling))
		}

		// Each band's edges, from answers whose index rounds exactly to it.
		edges := []struct {
			month    time.Month
			n, total int
			value    float64
			band     Band
		}{
			{5, 24, 763, 88.31, BandA},  // 88.3101…
			{6, 19, 604, 88.30, BandB},  // 88.3040…
			{7, 19, 524, 76.61, BandB},  // 76.6081…
			{8, 26, 717, 76.60, BandC},  // 76.6025…
			{9, 5, 117, 65.00, BandC},   // 65 exactly
			{10, 38, 889, 64.99, BandD}, // 64.9853…
			{11, 3, 108, 100, BandA},    // all 4
			{12, 2, 18, 25, BandD},      // all 1
		}
		for _, e := range edges {
			store(t, db, fmt.Sprintf("2026-%02d", e.month), answersWithTotal(t, e.n, e.total)...)
		}
		// Outside 2026: never in its figures.
		store(t, db, "2025-12", answersWithTotal(t, 1, 9)...)
		store(t, db, "2027-01", answersWithTotal(t, 1, 9)...)

		monthly, err := s.Monthly(ctx, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if len(monthly) != 12 {
			t.Fatalf("%d months", len(monthly))
		}
		if m := monthly[2]; m.Count != 4 || m.Value != 81.25 || m.Means != wantMeans || !m.From.Equal(jakartaMonth(2026, 3)) ||
			!m.To.Equal(jakartaMonth(2026, 4)) {
			t.Fatalf("Monthly March: %+v", m)
		}
		for _, m := range []int{0, 1, 3} {
			if monthly[m].Count != 0 || monthly[m].Band != "" || monthly[m].Value != 0 {
				t.Fatalf("month %d without answers: %+v", m+1, monthly[m])
			}
		}
		for _, e := range edges {
			m := monthly[e.month-1]
			if m.Count != e.n || m.Value != e.value || m.Band != e.band {
				t.Errorf("%s: count %d value %.2f band %s, want %d %.2f %s", e.month, m.Count, m.Value, m.Band, e.n, e.value, e.band)
			}
			x, err := s.Index(ctx, jakartaMonth(2026, e.month), jakartaMonth(2026, e.month).AddDate(0, 1, 0))
			if err != nil || !same(x, m) {
				t.Errorf("Index of %s = %+v, %v; Monthly has %+v", e.month, x, err, m)
			}
		}

		// The year: every answer of 2026 counted once, none of 2025 or 2027.
		year, err := s.Index(ctx, jakartaMonth(2026, 1), jakartaMonth(2027, 1))
		if err != nil {
			t.Fatal(err)
		}
		n, total := 4, 36+28+27+26 // March's scores
		for _, e := range edges {
			n += e.n
			total += e.total
		}
		if year.Count != n {
			t.Fatalf("year count %d, want %d", year.Count, n)
		}
		hundredths := int64(math.Floor(2500*float64(total)/float64(9*n) + 0.5))
		if year.Value != float64(hundredths)/100 || year.Band != BandOf(hundredths) {
			t.Fatalf("year %+v, want %d hundredths", year, hundredths)
		}
		var sumMeans float64
		for _, m := range year.Means {
			sumMeans += m
		}
		if !near(sumMeans*25/9, 2500*float64(total)/float64(9*n)/100) {
			t.Fatalf("means %v do not give the index", year.Means)
		}

		// A period starting mid-month counts from the next month on; one
		// ending mid-month counts that month (its first day is inside).
		mid, err := s.Index(ctx, jakartaMonth(2026, 2).AddDate(0, 0, 14), jakartaMonth(2026, 3).AddDate(0, 0, 1))
		if err != nil || mid.Count != 4 {
			t.Fatalf("15 Feb-2 Mar: %+v, %v", mid, err)
		}
		none, err := s.Index(ctx, jakartaMonth(2026, 3).Add(time.Second), jakartaMonth(2026, 4))
		if err != nil || none.Count != 0 || none.Band != "" {
			t.Fatalf("March from its second second: %+v, %v", none, err)
		}
	})
}
