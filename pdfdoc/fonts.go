package pdfdoc

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// The two faces every PDF is set in: Noto Sans 2.004 from Debian's
// fonts-noto-core (licence and provenance in fonts/). They are embedded in
// the binary, so a PDF looks the same on every reader and on every server,
// and each PDF carries only the glyphs it uses (fpdf subsets them).
var (
	//go:embed fonts/NotoSans-Regular.ttf
	regularTTF []byte
	//go:embed fonts/NotoSans-Bold.ttf
	boldTTF []byte
)

const family = "NotoSans"

// coverage tells which characters both faces have a glyph for.
type coverage struct {
	faces []*sfnt.Font
	buf   sfnt.Buffer
}

func newCoverage() (*coverage, error) {
	c := &coverage{}
	for _, ttf := range [][]byte{regularTTF, boldTTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("parse embedded font: %w", err)
		}
		c.faces = append(c.faces, f)
	}
	return c, nil
}

// has reports whether every face maps r to a glyph. fpdf's font tables stop
// at U+FFFF, so nothing beyond is ever drawn.
func (c *coverage) has(r rune) bool {
	if r > 0xFFFF {
		return false
	}
	for _, f := range c.faces {
		if g, err := f.GlyphIndex(&c.buf, r); err != nil || g == 0 {
			return false
		}
	}
	return true
}

// clean prepares text for the page: composed (NFC), so that "e" followed by
// a combining acute prints as the one glyph "é" (fpdf positions no marks);
// control and format characters (line breaks, bidi overrides, zero-width
// spaces) dropped, runs of spaces made one; and a character the font lacks,
// which only a name accepted before the name rule was narrowed to Latin can
// hold, shown as "?" rather than as an empty box.
func (c *coverage) clean(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		switch {
		case unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.In(r, unicode.Cc, unicode.Cf):
		case c.has(r):
			b.WriteRune(r)
		default:
			b.WriteByte('?')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
