package reports

import "sort"

// Durations are the working days a set of claims (or complaints) took for
// one stretch of the service, summarised: how many, the median, the 90th
// percentile, and how many kept to a limit.
//
// Percentiles are nearest-rank: of n values sorted ascending, the p-th
// percentile is the value at rank ceil(p*n/100) (1-based), so it is always
// one of the measured values and never interpolated. The median is the
// 50th percentile, which for an even count is the lower of the two middle
// values (of 1, 2, 3, 4 days: 2). With no values there is no median.
type Durations struct {
	Count int `json:"count"`
	// MedianDays and P90Days are nil when Count is 0.
	MedianDays *int `json:"median_days"`
	P90Days    *int `json:"p90_days"`
	// LimitDays is the limit measured against (the service standard); 0
	// when none applies. Within counts the values at or under it, Share is
	// Within/Count (0 when Count is 0).
	LimitDays int     `json:"limit_days"`
	Within    int     `json:"within"`
	Share     float64 `json:"share"`
}

// Percentile returns the nearest-rank p-th percentile (0 < p <= 100) of
// sorted, which must be in ascending order and not empty.
func Percentile(sorted []int, p int) int {
	n := len(sorted)
	rank := (p*n + 99) / 100 // ceil(p*n/100)
	if rank < 1 {
		rank = 1
	}
	if rank > n {
		rank = n
	}
	return sorted[rank-1]
}

// summarise sorts days (in place) and summarises them against limit
// (0: none).
func summarise(days []int, limit int) Durations {
	d := Durations{Count: len(days), LimitDays: limit}
	if len(days) == 0 {
		return d
	}
	sort.Ints(days)
	med, p90 := Percentile(days, 50), Percentile(days, 90)
	d.MedianDays, d.P90Days = &med, &p90
	if limit > 0 {
		for _, v := range days {
			if v <= limit {
				d.Within++
			}
		}
		d.Share = float64(d.Within) / float64(d.Count)
	}
	return d
}

// within counts the values of days at or under limit.
func within(days []int, limit int) int {
	n := 0
	for _, v := range days {
		if v <= limit {
			n++
		}
	}
	return n
}
