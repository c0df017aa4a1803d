package payments

import "santunan/paging"

// Payment lists page newest first: the cursor names the id to go below.
func encodeCursor(id int64) string { return paging.Encode("before", id) }

func decodeCursor(s string) (int64, bool) { return paging.Decode("before", s, 1) }

// trimPage cuts rows fetched with limit+1 to the page, converts them, and
// returns the cursor of the next page ("" on the last one).
func trimPage[R, T any](rows []R, limit int, id func(R) int64, conv func(R) T) ([]T, string) {
	next := ""
	if len(rows) > limit {
		rows = rows[:limit]
		next = encodeCursor(id(rows[len(rows)-1]))
	}
	out := make([]T, 0, len(rows))
	for _, r := range rows {
		out = append(out, conv(r))
	}
	return out, next
}
