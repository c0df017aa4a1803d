package domain

import (
	"strings"
	"time"
)

// NIKLength is the number of digits in a NIK and a KK number.
const NIKLength = 16

// NIK is a decoded Nomor Induk Kependudukan: kecamatan code (6 digits) +
// birth date DDMMYY with 40 added to DD for women + serial (4 digits).
type NIK struct {
	Value         string // the 16 digits
	KecamatanCode string // where the NIK was first issued, not the domicile
	BirthDate     Date
	Sex           Sex
	Serial        string // never "0000"
}

// RegencyCode returns the 4-digit kabupaten/kota code of the issuing area.
func (n NIK) RegencyCode() string { return n.KecamatanCode[:4] }

// ParseNIK checks s as a NIK and decodes it. Surrounding whitespace is
// trimmed (copy-paste from spreadsheets adds it); whitespace inside is not,
// since a NIK printed in groups is easy to mistype. The second result is a
// violation code, "" when the NIK is valid.
//
// today decides the century of the two-digit birth year: the latest century
// in which the birth date is not after today. Pass the day the NIK is being
// checked, in Asia/Jakarta.
func ParseNIK(s string, areas Areas, today Date) (NIK, string) {
	s = strings.TrimSpace(s)
	if code := checkNIKShape(s); code != "" {
		return NIK{}, code
	}
	// Checked before the birth date so a NIK from an unknown area reports
	// the first wrong part, reading left to right as the clerk does.
	if !areas.KecamatanExists(s[:6]) {
		return NIK{}, ViolationNIKKecamatanUnknown
	}
	return decodeNIK(s, today)
}

// NIKInfo decodes the birth date and sex of a stored NIK, without asking
// whether its kecamatan exists, for showing a claim. Pass the day the NIK
// was accepted (the claim's filing day) as today, so the century does not
// move as years pass: a YY that meant 1927 in 2026 would mean 2027 in 2027.
func NIKInfo(nik string, today Date) (birth Date, sex Sex, ok bool) {
	if checkNIKShape(nik) != "" {
		return Date{}, "", false
	}
	n, code := decodeNIK(nik, today)
	if code != "" {
		return Date{}, "", false
	}
	return n.BirthDate, n.Sex, true
}

// checkNIKShape requires exactly 16 ASCII digits. Non-digits are reported
// before a wrong length because "3324 1501 0190 0001" is more helpfully
// told "digits only" than "wrong length".
func checkNIKShape(s string) string {
	switch {
	case s == "":
		return ViolationRequired
	case !isDigits(s):
		return ViolationNIKNotDigits
	case len(s) != NIKLength:
		return ViolationNIKLength
	}
	return ""
}

// decodeNIK decodes a NIK already known to be 16 digits.
func decodeNIK(s string, today Date) (NIK, string) {
	birth, sex, ok := decodeNIKBirth(s[6:12], today)
	if !ok {
		return NIK{}, ViolationNIKBirthDateInvalid
	}
	if s[12:] == "0000" {
		return NIK{}, ViolationNIKSerialZero
	}
	return NIK{Value: s, KecamatanCode: s[:6], BirthDate: birth, Sex: sex, Serial: s[12:]}, ""
}

// decodeNIKBirth reads DDMMYY (six digits). Women have 40 added to DD.
func decodeNIKBirth(ddmmyy string, today Date) (Date, Sex, bool) {
	day, month, yy := twoDigits(ddmmyy[0:2]), twoDigits(ddmmyy[2:4]), twoDigits(ddmmyy[4:6])
	sex := SexMale
	if day > 40 {
		day -= 40
		sex = SexFemale
	}
	// The century is chosen before checking the date exists, so 29 Feb of
	// a non-leap year is invalid rather than silently moved a century back.
	year := today.Year - today.Year%100 + yy
	if laterThan(year, month, day, today) {
		year -= 100
	}
	d, ok := NewDate(year, time.Month(month), day)
	return d, sex, ok
}

// laterThan compares a possibly nonexistent date with t, field by field.
func laterThan(year, month, day int, t Date) bool {
	if year != t.Year {
		return year > t.Year
	}
	if month != int(t.Month) {
		return month > int(t.Month)
	}
	return day > t.Day
}

// twoDigits converts two ASCII digits, already checked, to an int.
func twoDigits(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }
