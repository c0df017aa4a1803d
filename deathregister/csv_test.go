package deathregister_test

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"santunan/deathregister"
	"santunan/domain"
	"santunan/internal/fixture"
)

func validator(t testing.TB) deathregister.Validator {
	return deathregister.Validator{Areas: fixture.Areas(t), RegencyCode: "3324", Today: domain.Date{Year: 2026, Month: 11, Day: 28}}
}

// readAll returns every line's problems (as "field=code") and the records.
func readAll(t *testing.T, input string) ([]domain.DeathRecord, map[int][]string) {
	t.Helper()
	r, err := deathregister.NewReader(strings.NewReader(input), validator(t))
	if err != nil {
		t.Fatalf("header: %v", err)
	}
	var recs []domain.DeathRecord
	problems := map[int][]string{}
	for {
		rec, line, ps, err := r.Next()
		if errors.Is(err, io.EOF) {
			return recs, problems
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) == 0 {
			recs = append(recs, rec)
		}
		for _, p := range ps {
			if p.Line != line {
				t.Fatalf("problem on line %d reported for line %d", p.Line, line)
			}
			problems[line] = append(problems[line], p.Field+"="+p.Code)
		}
	}
}

func TestReaderReportsEachBadLine(t *testing.T) {
	tests := []struct {
		name string
		line string
		want []string // nil: the line is valid
	}{
		{"valid", "3324150101500001,Ahmad Fauzi,L,2026-11-20,3324-km-0001,3324151001,2026-11-22", nil},
		{"dates day first, spelled-out sex", "3324150101500001,Ahmad Fauzi,LAKI-LAKI,20/11/2026,A1,3324151001,22-11-2026", nil},
		{"quoted fields", `"3324150101500001", "Ahmad Fauzi" ,"L",2026-11-20,"A/1",3324151001,2026-11-22`, nil},
		{"NIK too short", "332415010150001,Ahmad,L,2026-11-20,A1,3324151001,2026-11-22", []string{"nik=nik_length"}},
		{"NIK with letters", "33241501015O0001,Ahmad,L,2026-11-20,A1,3324151001,2026-11-22", []string{"nik=nik_not_digits"}},
		{"NIK of no kecamatan", "9999990101500001,Ahmad,L,2026-11-20,A1,3324151001,2026-11-22", []string{"nik=nik_kecamatan_unknown"}},
		{"bad date", "3324150101500001,Ahmad,L,2026-02-30,A1,3324151001,2026-11-22", []string{"date_of_death=date_invalid"}},
		{"US date", "3324150101500001,Ahmad,L,11/20/2026,A1,3324151001,2026-11-22", []string{"date_of_death=date_invalid"}},
		{"death in the future", "3324150101500001,Ahmad,L,2026-12-01,A1,3324151001,2026-11-22", []string{"date_of_death=date_in_future"}},
		{"death before birth", "3324150101500001,Ahmad,L,1949-12-31,A1,3324151001,2026-11-22", []string{"date_of_death=date_before_birth"}},
		{"registered before death", "3324150101500001,Ahmad,L,2026-11-20,A1,3324151001,2026-11-19", []string{"date_of_death=death_after_registration"}},
		{"unknown desa", "3324150101500001,Ahmad,L,2026-11-20,A1,3324159999,2026-11-22", []string{"village_code=village_unknown"}},
		{"desa of another regency", "3324150101500001,Ahmad,L,2026-11-20,A1,3374011001,2026-11-22", []string{"village_code=village_unknown"}},
		{"bad sex", "3324150101500001,Ahmad,X,2026-11-20,A1,3324151001,2026-11-22", []string{"sex=sex_invalid"}},
		{"bad akta", "3324150101500001,Ahmad,L,2026-11-20,A 1,3324151001,2026-11-22", []string{"death_certificate_no=certificate_no_invalid"}},
		{"bad name", "3324150101500001,=cmd|x,L,2026-11-20,A1,3324151001,2026-11-22", []string{"full_name=name_invalid"}},
		{"everything empty", ",,,,,,", []string{"nik=required", "full_name=required", "sex=required", "date_of_death=required",
			"death_certificate_no=required", "village_code=required", "registered_on=required"}},
		{"too few columns", "3324150101500001,Ahmad,L,2026-11-20", []string{"=column_count"}},
		{"too many columns", "3324150101500001,Ahmad,L,2026-11-20,A1,3324151001,2026-11-22,x", []string{"=column_count"}},
		{"stray quote", `3324150101500001,Ah"mad,L,2026-11-20,A1,3324151001,2026-11-22`, []string{"=csv_malformed"}},
		{"unclosed quote", `3324150101500001,"Ahmad,L,2026-11-20,A1,3324151001,2026-11-22`, []string{"=csv_malformed"}},
		{"line too long", strings.Repeat("x", 5000), []string{"=too_long"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A good line follows, so each case also shows reading goes on.
			recs, problems := readAll(t, header+tt.line+"\n"+"3324150101500002,Siti,P,2026-11-20,B2,3324151002,2026-11-22\n")
			if !slices.Equal(problems[2], tt.want) {
				t.Fatalf("problems %v, want %v", problems[2], tt.want)
			}
			if len(problems) > 1 || recs[len(recs)-1].DeathCertificateNo != "B2" {
				t.Fatalf("the next line was affected: %v %v", problems, recs)
			}
		})
	}
}

func TestReaderNormalizesRecords(t *testing.T) {
	recs, _ := readAll(t, "\uFEFFNIK;Full_Name;Sex;Date_Of_Death;Death_Certificate_No;Village_Code;Registered_On\r\n"+
		"\r\n 3324155101500001 ;  Siti   Aminah ;p;20-11-2026;3324-km-0001;3324151001;2026-11-22\r\n\r\n")
	want := domain.DeathRecord{NIK: "3324155101500001", FullName: "Siti Aminah", Sex: domain.SexFemale,
		DateOfDeath: domain.Date{Year: 2026, Month: 11, Day: 20}, DeathCertificateNo: "3324-KM-0001",
		VillageCode: "3324151001", RegisteredOn: domain.Date{Year: 2026, Month: 11, Day: 22}}
	if len(recs) != 1 || recs[0] != want {
		t.Fatalf("records %+v, want %+v", recs, want)
	}
}

func TestReaderRefusesBadHeaders(t *testing.T) {
	for _, h := range []string{
		"",
		"\n",
		"nik,full_name,sex,date_of_death,death_certificate_no,village_code\n",
		"full_name,nik,sex,date_of_death,death_certificate_no,village_code,registered_on\n",
		"3324150101500001,Ahmad,L,2026-11-20,A1,3324151001,2026-11-22\n",
		strings.Repeat("nik,", 5000) + "\n",
	} {
		if _, err := deathregister.NewReader(strings.NewReader(h), validator(t)); !errors.Is(err, domain.ErrValidation) {
			t.Errorf("header %.40q: err = %v", h, err)
		}
	}
}

func FuzzReader(f *testing.F) {
	f.Add(header + "3324150101500001,Ahmad,L,2026-11-20,A1,3324151001,2026-11-22\n")
	f.Add(header + `"a""b",",",,` + "\n\n,,,,,,\n")
	f.Add("nik;full_name;sex;date_of_death;death_certificate_no;village_code;registered_on\n1;2;3;4;5;6;7")
	f.Add(header + `"unclosed,` + "\n" + `x"y,`)
	v := validator(f)
	f.Fuzz(func(t *testing.T, input string) {
		r, err := deathregister.NewReader(strings.NewReader(input), v)
		if err != nil {
			if !errors.Is(err, domain.ErrValidation) {
				t.Fatalf("header error %v is not a validation error", err)
			}
			return
		}
		last := 1
		for range len(input) + 2 {
			rec, line, problems, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				t.Fatalf("reading from memory failed: %v", err)
			}
			if line <= last {
				t.Fatalf("line %d after line %d", line, last)
			}
			last = line
			if len(problems) == 0 {
				if _, code := domain.NormalizeCertificateNo(rec.DeathCertificateNo); code != "" || len(rec.NIK) != 16 || rec.DateOfDeath.IsZero() {
					t.Fatalf("accepted an invalid record %+v", rec)
				}
			}
		}
		t.Fatal("reader did not reach the end")
	})
}
