package domain

import (
	"testing"
)

func TestParseNIK(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		today     Date
		wantCode  string
		wantBirth string
		wantSex   Sex
	}{
		{"male", "3324150101900001", testToday, "", "1990-01-01", SexMale},
		{"female has 40 added to the day", "3324154101900001", testToday, "", "1990-01-01", SexFemale},
		{"female on the 31st (DD 71)", "3324157103850002", testToday, "", "1985-03-31", SexFemale},
		{"male on the 31st", "3324153112850002", testToday, "", "1985-12-31", SexMale},
		{"surrounding whitespace trimmed", " \t3324150101900001\n", testToday, "", "1990-01-01", SexMale},
		{"issued outside the regency is still a NIK", "3374010101500001", testToday, "", "1950-01-01", SexMale},
		{"29 Feb of a leap year", "3324152902960001", testToday, "", "1996-02-29", SexMale},
		{"29 Feb 2000 (leap century year)", "3324156902000001", testToday, "", "2000-02-29", SexFemale},
		{"29 Feb of a non-leap year", "3324152902010001", testToday, ViolationNIKBirthDateInvalid, "", ""},
		{"29 Feb 1900 is not a leap day", "3324152902000001", Date{2000, 1, 15}, ViolationNIKBirthDateInvalid, "", ""},

		// The century: the latest one in which the birth date is not after today.
		{"born today", "3324152811260001", testToday, "", "2026-11-28", SexMale},
		{"YY of this year but later date: last century", "3324152911260001", testToday, "", "1926-11-29", SexMale},
		{"YY after this year: last century", "3324150101270001", testToday, "", "1927-01-01", SexMale},
		{"YY before this year: this century", "3324150101250001", testToday, "", "2025-01-01", SexMale},
		{"YY 00", "3324150101000001", testToday, "", "2000-01-01", SexMale},
		{"YY 99", "3324150101990001", testToday, "", "1999-01-01", SexMale},
		{"century follows today", "3324150101270001", Date{2027, 1, 1}, "", "2027-01-01", SexMale},

		{"empty", "", testToday, ViolationRequired, "", ""},
		{"only spaces", "   ", testToday, ViolationRequired, "", ""},
		{"15 digits", "332415010190001", testToday, ViolationNIKLength, "", ""},
		{"17 digits", "33241501019000011", testToday, ViolationNIKLength, "", ""},
		{"spaces inside", "3324 1501 0190 0001", testToday, ViolationNIKNotDigits, "", ""},
		{"a letter", "33241501019O0001", testToday, ViolationNIKNotDigits, "", ""},
		{"Arabic-Indic digits", "٣٣٢٤١٥٠١٠١٩٠٠٠١", testToday, ViolationNIKNotDigits, "", ""},
		{"negative", "-332415010190001", testToday, ViolationNIKNotDigits, "", ""},
		{"unknown kecamatan", "9999990101900001", testToday, ViolationNIKKecamatanUnknown, "", ""},
		{"unknown kecamatan wins over a bad date", "9999993201900000", testToday, ViolationNIKKecamatanUnknown, "", ""},
		{"regency code only is not a kecamatan", "3324000101900001", testToday, ViolationNIKKecamatanUnknown, "", ""},
		{"day 00", "3324150001900001", testToday, ViolationNIKBirthDateInvalid, "", ""},
		{"day 32", "3324153201900001", testToday, ViolationNIKBirthDateInvalid, "", ""},
		{"day 40 (female day 0)", "3324154001900001", testToday, ViolationNIKBirthDateInvalid, "", ""},
		{"day 72 (female day 32)", "3324157201900001", testToday, ViolationNIKBirthDateInvalid, "", ""},
		{"31 April", "3324153104900001", testToday, ViolationNIKBirthDateInvalid, "", ""},
		{"month 00", "3324150100900001", testToday, ViolationNIKBirthDateInvalid, "", ""},
		{"month 13", "3324150113900001", testToday, ViolationNIKBirthDateInvalid, "", ""},
		{"serial 0000", "3324150101900000", testToday, ViolationNIKSerialZero, "", ""},
		{"bad date wins over serial 0000", "3324153201900000", testToday, ViolationNIKBirthDateInvalid, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, code := ParseNIK(tt.in, testAreas, tt.today)
			if code != tt.wantCode {
				t.Fatalf("ParseNIK(%q) code = %q, want %q", tt.in, code, tt.wantCode)
			}
			if code != "" {
				if got != (NIK{}) {
					t.Errorf("invalid NIK returned non-zero %+v", got)
				}
				return
			}
			if got.BirthDate.String() != tt.wantBirth || got.Sex != tt.wantSex {
				t.Errorf("birth, sex = %s, %s; want %s, %s", got.BirthDate, got.Sex, tt.wantBirth, tt.wantSex)
			}
			if got.Value != tt.in && " \t"+got.Value+"\n" != tt.in {
				t.Errorf("Value = %q, want the trimmed input", got.Value)
			}
			if got.KecamatanCode != got.Value[:6] || got.Serial != got.Value[12:] || got.RegencyCode() != got.Value[:4] {
				t.Errorf("parts of %+v do not match the value", got)
			}
		})
	}
}

func TestNIKInfo(t *testing.T) {
	tests := []struct {
		name      string
		nik       string
		filedOn   Date
		wantOK    bool
		wantBirth string
		wantSex   Sex
	}{
		{"female", "3324154101900001", testToday, true, "1990-01-01", SexFemale},
		// NIKInfo does not know the areas: an unknown kecamatan still decodes.
		{"unknown kecamatan decodes", "9999990101900001", testToday, true, "1990-01-01", SexMale},
		// A stored NIK decoded against its filing day keeps its century.
		{"filed in 2026, YY 27 is 1927", "3324150101270001", Date{2026, 11, 28}, true, "1927-01-01", SexMale},
		{"bad date", "3324153201900001", testToday, false, "", ""},
		{"serial zero", "3324150101900000", testToday, false, "", ""},
		{"short", "33241501019", testToday, false, "", ""},
		// Stored NIKs are normalised; whitespace means something is wrong.
		{"untrimmed", " 3324150101900001", testToday, false, "", ""},
	}
	for _, tt := range tests {
		birth, sex, ok := NIKInfo(tt.nik, tt.filedOn)
		if ok != tt.wantOK || birth.String() != tt.wantBirth || sex != tt.wantSex {
			t.Errorf("%s: NIKInfo(%q) = %s, %q, %v; want %s, %q, %v", tt.name, tt.nik, birth, sex, ok, tt.wantBirth, tt.wantSex, tt.wantOK)
		}
	}
}

func FuzzParseNIK(f *testing.F) {
	for _, s := range []string{
		"3324150101900001", "3324154101900001", "3324152902000001", "3324150101900000",
		"9999990101900001", " 3324150101900001 ", "3324 150101900001", "", "٣٣٢٤", "3324153201900001",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		nik, code := ParseNIK(s, testAreas, testToday)
		if code != "" {
			if !isKnownViolation(code) {
				t.Fatalf("unknown violation %q", code)
			}
			if nik != (NIK{}) {
				t.Fatalf("invalid NIK %q returned %+v", s, nik)
			}
			return
		}
		if len(nik.Value) != NIKLength || !isDigits(nik.Value) {
			t.Fatalf("accepted %q as %q: not 16 digits", s, nik.Value)
		}
		if !testAreas.KecamatanExists(nik.KecamatanCode) || nik.KecamatanCode != nik.Value[:6] {
			t.Fatalf("accepted %q with kecamatan %q", s, nik.KecamatanCode)
		}
		if nik.BirthDate.After(testToday) || nik.BirthDate.IsZero() {
			t.Fatalf("accepted %q with birth date %v", s, nik.BirthDate)
		}
		if nik.Serial == "0000" || nik.Serial != nik.Value[12:] {
			t.Fatalf("accepted %q with serial %q", s, nik.Serial)
		}
		// Round trip: the normalised value parses to the same NIK, and
		// NIKInfo agrees with it.
		again, code := ParseNIK(nik.Value, testAreas, testToday)
		if code != "" || again != nik {
			t.Fatalf("re-parsing %q gave %+v, %q; want %+v", nik.Value, again, code, nik)
		}
		birth, sex, ok := NIKInfo(nik.Value, testToday)
		if !ok || birth != nik.BirthDate || sex != nik.Sex {
			t.Fatalf("NIKInfo(%q) = %v, %v, %v; want %v, %v", nik.Value, birth, sex, ok, nik.BirthDate, nik.Sex)
		}
	})
}
