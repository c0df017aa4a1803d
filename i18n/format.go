package i18n

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"santunan/domain"
)

// FormatRupiah writes an amount the Indonesian way: "Rp1.000.000", with dots
// grouping thousands and no decimals (rupiah has no minor unit in use).
// Negative amounts get a leading minus: "-Rp1.000".
func FormatRupiah(amount domain.Rupiah) string {
	// Formatting the int64 first avoids negating math.MinInt64.
	digits := strconv.FormatInt(int64(amount), 10)
	sign := ""
	if digits[0] == '-' {
		sign, digits = "-", digits[1:]
	}
	var b strings.Builder
	b.WriteString(sign + "Rp")
	for i := 0; i < len(digits); i++ {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// FormatDate writes a date as "28 November 2026" with the month in lang.
// The date is taken in t's own location; pass a time in Asia/Jakarta (or a
// domain.Date's Time()).
func FormatDate(lang Lang, t time.Time) string {
	y, m, d := t.Date()
	return strconv.Itoa(d) + " " + catalogFor(lang).months[m-1] + " " + strconv.Itoa(y)
}

// MaskName hides a name on the public tracking page while letting a family
// recognise its own claim: "Ahmad Fauzi" becomes "A*** F***". Every word
// gets exactly three stars, so the mask does not reveal the word's length.
func MaskName(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		words[i] = string(r) + "***"
	}
	return strings.Join(words, " ")
}
