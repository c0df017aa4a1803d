package i18n

import (
	"sort"
	"strings"
)

// Page texts: every word of the web pages that is not a label of a domain
// code (those are in messages_*.go). Keys are dotted, grouped by page
// ("login.title", "track.submit"), with shared groups ("form.", "field.",
// "error." for the API error codes). pages_id.go holds the Indonesian texts;
// an English version is a pages_en.go with the same keys, registered below.
var pageCatalogs = map[Lang]map[string]string{
	Indonesian: pagesIndonesian,
}

// Text returns the page text for key in lang. A language without the key
// falls back to Indonesian; a key no catalog has is returned as it is, so a
// missing text shows up on the page (and in the tests) instead of breaking it.
func Text(lang Lang, key string) string {
	if texts, ok := pageCatalogs[lang]; ok {
		if v, ok := texts[key]; ok {
			return v
		}
	}
	if v, ok := pagesIndonesian[key]; ok {
		return v
	}
	return key
}

// Textf is Text with "{name}" placeholders replaced: pairs are name, value,
// name, value... Values are inserted as they are; html/template escapes
// them where the text lands in a page.
func Textf(lang Lang, key string, pairs ...string) string {
	s := Text(lang, key)
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// HasText reports whether the Indonesian catalog, which every page uses, has
// key. Tests use it to check that pages ask only for texts that exist.
func HasText(key string) bool {
	_, ok := pagesIndonesian[key]
	return ok
}

// TextKeys lists the keys of the Indonesian page catalog, sorted.
func TextKeys() []string {
	keys := make([]string, 0, len(pagesIndonesian))
	for k := range pagesIndonesian {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
