package pdftext

import (
	"testing"
	"unicode/utf16"
)

func utf16Literal(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func TestDecode(t *testing.T) {
	cases := []struct {
		name string
		lit  []byte
		want string
	}{
		{"plain", utf16Literal("Siti"), "Siti"},
		{"escaped parenthesis and backslash", []byte("\x00\\(\x00A\x00\\)\x00\\\\"), "(A)\\"},
		{"octal escape", []byte("\x00\\050"), "("},
		{"escaped carriage return", []byte("\x00\\r"), "\r"},
		{"diacritics and a surrogate pair", utf16Literal("Ẓulkarnaen 𝐀"), "Ẓulkarnaen 𝐀"},
	}
	for _, c := range cases {
		got, err := decode(c.lit)
		if err != nil || got != c.want {
			t.Errorf("%s: decode(%q) = %q, %v; want %q", c.name, c.lit, got, err, c.want)
		}
	}
	if _, err := decode([]byte("\x00A\x00")); err == nil {
		t.Error("an odd number of bytes decoded")
	}
}

func TestReadWidths(t *testing.T) {
	f, err := readWidths([]byte("<</Type /Font\n/BaseFont /utf8notosans\n/DW 600\n/W [ 13 13 260 32 [ 260 269 408 ]\n 48 57 572 ]\n/CIDToGIDMap 5 0 R>>"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[rune]float64{13: 260, 32: 260, 33: 269, 34: 408, 48: 572, 57: 572}
	for r, w := range want {
		if f.widths[r] != w {
			t.Errorf("width of %U = %v, want %v", r, f.widths[r], w)
		}
	}
	if _, ok := f.widths[58]; ok || f.dw != 600 || f.name != "utf8notosans" {
		t.Errorf("font %+v", f)
	}
	for _, bad := range []string{"/W [ 1 2 [ 3 ] ]", "/W [ 1 x ]", "/W [ 1 [ 2 "} {
		if _, err := readWidths([]byte(bad)); err == nil {
			t.Errorf("readWidths(%q) accepted", bad)
		}
	}
}

func TestReadRefusesWhatIsNotAPDF(t *testing.T) {
	for _, data := range []string{"", "PK\x03\x04", "%PDF-1.3\n%%EOF\n"} {
		if _, err := Read([]byte(data)); err == nil {
			t.Errorf("Read(%q) accepted", data)
		}
	}
}
