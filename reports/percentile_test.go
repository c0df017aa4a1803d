package reports_test

import (
	"testing"

	"santunan/reports"
)

// Nearest-rank: the p-th percentile of n sorted values is the one at rank
// ceil(p*n/100), always a measured value; the median of an even count is
// the lower middle one.
func TestPercentileIsNearestRank(t *testing.T) {
	for _, c := range []struct {
		values  []int
		p, want int
	}{
		{[]int{7}, 50, 7},
		{[]int{7}, 90, 7},
		{[]int{1, 2}, 50, 1},
		{[]int{1, 2}, 90, 2},
		{[]int{1, 2, 3, 4}, 50, 2},
		{[]int{1, 2, 3, 4}, 90, 4},
		{[]int{1, 1, 2, 2, 2, 4}, 50, 2},
		{[]int{1, 1, 2, 2, 2, 4}, 90, 4},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90, 9},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 50, 5},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90, 10},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 50, 6},
		{[]int{0, 0, 0, 30}, 90, 30},
		{[]int{3, 5, 8}, 100, 8},
	} {
		if got := reports.Percentile(c.values, c.p); got != c.want {
			t.Errorf("P%d of %v = %d, want %d", c.p, c.values, got, c.want)
		}
	}
}
