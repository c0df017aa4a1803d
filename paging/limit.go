package paging

// Limits are the page sizes a list allows.
type Limits struct {
	Default int // when the caller asks for none (0)
	Max     int
}

// Size returns the page size for a requested limit: the default for 0, the
// request itself from 1 to Max, and false for anything else.
func (l Limits) Size(requested int) (int, bool) {
	if requested == 0 {
		return l.Default, true
	}
	return requested, requested >= 1 && requested <= l.Max
}
