package openapi

import "testing"

// The page shows the document's little Markdown, and escapes everything
// else: a description cannot put markup on the page.
func TestMarkdownEscapesAndFormats(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"One line.", "<p>One line.</p>"},
		{"Two\nlines.\n\nA paragraph.", "<p>Two lines.</p><p>A paragraph.</p>"},
		{"Send `{\"a\": 1}` **now**.", "<p>Send <code>{&#34;a&#34;: 1}</code> <strong>now</strong>.</p>"},
		{"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"},
		{"an `unpaired mark", "<p>an `unpaired mark</p>"},
		{"- one\n- `two`", "<ul><li>one</li><li><code>two</code></li></ul>"},
		{"", ""},
	} {
		if got := string(markdown(tc.in)); got != tc.want {
			t.Errorf("markdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
