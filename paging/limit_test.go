package paging

import "testing"

func TestLimitsSize(t *testing.T) {
	l := Limits{Default: 50, Max: 200}
	cases := []struct {
		requested, want int
		ok              bool
	}{
		{0, 50, true}, {1, 1, true}, {200, 200, true}, {201, 201, false}, {-1, -1, false},
	}
	for _, c := range cases {
		got, ok := l.Size(c.requested)
		if got != c.want || ok != c.ok {
			t.Errorf("Size(%d) = %d, %v; want %d, %v", c.requested, got, ok, c.want, c.ok)
		}
	}
}
