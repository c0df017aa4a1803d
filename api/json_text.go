package api

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"santunan/domain"
)

// The text guard's part for JSON bodies (httpkit guards the path and query
// of every request, web the posted forms).

// jsonTextViolations finds the strings of a JSON body the database cannot
// hold, by their path as bindingViolations names them ("items[2].name"). It
// runs after decodeJSON decoded the body, so every key is a known field.
// encoding/json turns bytes that are not UTF-8 into U+FFFD, so when the body
// has such bytes, a string with U+FFFD is where they were; ok is false when
// no string explains them, and the body as a whole is refused.
func jsonTextViolations(raw []byte) (errs domain.FieldErrors, ok bool) {
	valid := utf8.Valid(raw)
	if valid && bytes.IndexByte(raw, '\\') < 0 {
		return nil, true // no escape, so no \u0000, and no bad byte
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, valid
	}
	errs = domain.FieldErrors{}
	walkJSON(doc, "", func(path, s string) {
		if strings.IndexByte(s, 0) >= 0 || (!valid && strings.ContainsRune(s, utf8.RuneError)) {
			errs.Add(path, domain.ViolationInvalidCharacters)
		}
	})
	return errs, valid || len(errs) > 0
}

// walkJSON calls fn with every string value of a decoded JSON value and
// its path.
func walkJSON(v any, path string, fn func(path, s string)) {
	switch t := v.(type) {
	case string:
		fn(path, t)
	case []any:
		for i, e := range t {
			walkJSON(e, path+"["+strconv.Itoa(i)+"]", fn)
		}
	case map[string]any:
		for k, e := range t {
			if path != "" {
				k = path + "." + k
			}
			walkJSON(e, k, fn)
		}
	}
}
