package survey

import "time"

// Band is the quality of service (mutu pelayanan) an index falls in.
type Band string

const (
	BandA Band = "A" // 88.31-100.00, sangat baik
	BandB Band = "B" // 76.61-88.30, baik
	BandC Band = "C" // 65.00-76.60, kurang baik
	BandD Band = "D" // 25.00-64.99, tidak baik
)

// Index is the SKM of the answers of a period.
type Index struct {
	// From and To bound the period: the answers of the months that start
	// in [From, To).
	From, To time.Time
	// Count is the number of answers; with none, the means and the value
	// are zero and Band is empty.
	Count int
	// Means are the nine element means (Elements' order), 1-4, unrounded.
	Means [9]float64
	// Value is the index: the mean of the element means times 25, rounded
	// half up to two decimals (25.00-100.00).
	Value float64
	// Band is Value's quality band.
	Band Band
}

// Mean is element e's mean.
func (x Index) Mean(e Element) float64 {
	for i, el := range Elements {
		if el == e {
			return x.Means[i]
		}
	}
	return 0
}

// totals are the sums of each element's scores over n answers.
type totals struct {
	n    int64
	sums [9]int64
}

// index computes the Index of the totals. Every answer scores all nine
// elements, so the mean of the element means is the sum of all scores over
// 9n, and the index in hundredths is 2500·Σ/(9n), rounded half up in
// integers: the band edges are exact.
func (t totals) index(from, to time.Time) Index {
	x := Index{From: from, To: to, Count: int(t.n)}
	if t.n == 0 {
		return x
	}
	var all int64
	for i, s := range t.sums {
		x.Means[i] = float64(s) / float64(t.n)
		all += s
	}
	hundredths := (2*2500*all + 9*t.n) / (2 * 9 * t.n)
	x.Value = float64(hundredths) / 100
	x.Band = BandOf(hundredths)
	return x
}

// BandOf is the band of an index given in hundredths (8831 is 88.31).
func BandOf(hundredths int64) Band {
	switch {
	case hundredths >= 8831:
		return BandA
	case hundredths >= 7661:
		return BandB
	case hundredths >= 6500:
		return BandC
	default:
		return BandD
	}
}
