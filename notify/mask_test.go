package notify

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMaskDigits(t *testing.T) {
	cases := []struct{ in, want string }{
		{"NIK 3324155505800001 salah", "NIK *** salah"},
		{"NIK 3324 1555 0580 0001 salah", "NIK *** salah"},
		{"rekening 1234567890 ditutup", "rekening *** ditutup"},
		{"hubungi +6281234567890", "hubungi ***"},
		{"HP 0812-3456-7890", "HP ***"},
		{"KK no. 3324.1512.0310.0007", "KK no. ***"},
		{"tanggal 20-11-2026, Rp1.000.000", "tanggal 20-11-2026, Rp1.000.000"},
		{"kode 123456789 (9 angka)", "kode 123456789 (9 angka)"},
		{"", ""},
	}
	for _, tc := range cases {
		if got := MaskDigits(tc.in); got != tc.want {
			t.Errorf("MaskDigits(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRender(t *testing.T) {
	s := &Service{opts: Options{PublicURL: "https://santunan.kendalkab.go.id"}}
	text, params := s.render(KindReturned, "SKM-7K2M-Q9PX", "Foto KK buram; NIK 3324155505800001 tidak terbaca", "")
	for _, want := range []string{"SKM-7K2M-Q9PX", "https://santunan.kendalkab.go.id/lacak?kode=SKM-7K2M-Q9PX",
		"https://santunan.kendalkab.go.id/perbaiki?kode=SKM-7K2M-Q9PX", "Foto KK buram; NIK *** tidak terbaca"} {
		if !strings.Contains(text, want) {
			t.Errorf("text %q lacks %q", text, want)
		}
	}
	if len(params) != 4 || params[2] != "Foto KK buram; NIK *** tidak terbaca" {
		t.Errorf("params %q", params)
	}
	for _, k := range Kinds {
		if k == KindCode {
			continue
		}
		if text, _ := s.render(k, "SKM-7K2M-Q9PX", "alasan", ""); !strings.HasPrefix(text, "Santunan kematian: ") {
			t.Errorf("kind %s has no text: %q", k, text)
		}
	}
	long, _ := s.render(KindRejected, "SKM-7K2M-Q9PX", strings.Repeat("alasan panjang ", 100), "")
	if n := utf8.RuneCountInString(long); n > 320 {
		t.Errorf("a long reason makes a %d-character message", n)
	}
}

func TestBackoff(t *testing.T) {
	s := &Service{opts: Options{RetryBase: 30e9, RetryMax: 3600e9}}
	want := []float64{30, 60, 120, 240, 480, 960, 1920, 3600, 3600}
	for i, w := range want {
		if got := s.backoff(i + 1).Seconds(); got != w {
			t.Errorf("backoff(%d) = %vs, want %vs", i+1, got, w)
		}
	}
}

var tenDigits = regexp.MustCompile(`\d{10}`)

// A gateway's answer, whatever it is, becomes a last_error with no run of
// ten digits, at most maxAnswer runes of valid UTF-8.
func FuzzGatewayAnswer(f *testing.F) {
	for _, seed := range []string{"quota exceeded for +6281234567890", `{"error":"invalid","to":"081234567890"}`,
		"<html>\n<body>502 Bad Gateway</body></html>", "3324 1555 0580 0001", "0812 3456\n7890", "\xff\xfe", ""} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got := gatewayAnswer(body)
		if tenDigits.MatchString(got) || longNumber.MatchString(got) {
			t.Fatalf("answer keeps a long number: %q", got)
		}
		if utf8.RuneCountInString(got) > maxAnswer {
			t.Fatalf("answer of %d runes", utf8.RuneCountInString(got))
		}
	})
}
