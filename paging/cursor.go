// Package paging encodes keyset-paging cursors. A cursor is opaque to
// clients (base64 of a named key) so the paging key can change later
// without breaking their stored links.
package paging

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// Encode makes the cursor for a page that continues after (or before) id;
// name says which, e.g. "id" or "before".
func Encode(name string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(name + ":" + strconv.FormatInt(id, 10)))
}

// Decode reads a cursor made by Encode with the same name. The empty cursor
// is the first page (0, true). Anything else that is not such a cursor with
// an id of at least min is refused.
func Decode(name, s string, min int64) (int64, bool) {
	if s == "" {
		return 0, true
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return 0, false
	}
	rest, ok := strings.CutPrefix(string(raw), name+":")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	if err != nil || id < min {
		return 0, false
	}
	return id, true
}
