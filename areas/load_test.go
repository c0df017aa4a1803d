package areas

import (
	"errors"
	"strings"
	"testing"
)

const (
	goodNational = "code,level,name\n33,provinsi,Jawa Tengah\n3324,kabupaten_kota,Kabupaten Kendal\n332401,kecamatan,Plantungan\n"
	goodRegional = "code,level,name\n3324,kabupaten,Kabupaten Kendal\n332401,kecamatan,Plantungan\n3324012001,desa,Blumah\n3324011001,kelurahan,Contoh\n"
)

func TestParseMinimal(t *testing.T) {
	d, err := parse(goodNational, goodRegional)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if !d.KecamatanExists("332401") || !d.VillageInRegency("3324012001", "3324") || !d.VillageInRegency("3324011001", "3324") {
		t.Error("minimal data not loaded")
	}
}

func TestParseMalformed(t *testing.T) {
	tests := []struct {
		name               string
		national, regional string
		wantMalformed      bool // false: a CSV syntax error, reported by encoding/csv
	}{
		{"empty national", "", goodRegional, false},
		{"wrong header", strings.Replace(goodNational, "code,level,name", "kode,tingkat,nama", 1), goodRegional, true},
		{"header only", "code,level,name\n", goodRegional, true},
		{"missing column", goodNational + "332402,kecamatan\n", goodRegional, false},
		{"extra column", goodNational + "332402,kecamatan,Sukorejo,x\n", goodRegional, false},
		{"unknown level", goodNational + "332402,kota,Sukorejo\n", goodRegional, true},
		{"short kecamatan code", goodNational + "33240,kecamatan,Sukorejo\n", goodRegional, true},
		{"letters in code", goodNational + "3324O2,kecamatan,Sukorejo\n", goodRegional, true},
		{"empty name", goodNational + "332402,kecamatan, \n", goodRegional, true},
		{"duplicate kecamatan", goodNational + "332401,kecamatan,Plantungan\n", goodRegional, true},
		{"kecamatan before its regency", goodNational + "332501,kecamatan,Somewhere\n", goodRegional, true},
		{"regency without provinsi", goodNational + "3424,kabupaten_kota,Nowhere\n", goodRegional, true},
		{"regional kecamatan not national", goodNational, goodRegional + "332402,kecamatan,Sukorejo\n", true},
		{"regional name differs", goodNational, strings.Replace(goodRegional, "332401,kecamatan,Plantungan", "332401,kecamatan,Plantungan Baru", 1), true},
		{"village of unknown kecamatan", goodNational, goodRegional + "3324022001,desa,Nowhere\n", true},
		{"desa with kelurahan digit", goodNational, goodRegional + "3324011002,desa,Wrong\n", true},
		{"kelurahan with desa digit", goodNational, goodRegional + "3324012002,kelurahan,Wrong\n", true},
		{"duplicate village", goodNational, goodRegional + "3324012001,desa,Blumah\n", true},
		{"9-digit village", goodNational, goodRegional + "332401200,desa,Short\n", true},
		{"provinsi in regional file", goodNational, goodRegional + "33,provinsi,Jawa Tengah\n", true},
		{"bare quote", goodNational + "332402,kecamatan,Su\"korejo\n", goodRegional, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := parse(tt.national, tt.regional)
			if err == nil {
				t.Fatal("parse accepted malformed data")
			}
			if d != nil {
				t.Error("parse returned a directory along with an error")
			}
			if tt.wantMalformed && !errors.Is(err, errMalformed) {
				t.Errorf("error %v does not wrap errMalformed", err)
			}
		})
	}
}

func TestParseErrorNamesFileAndLine(t *testing.T) {
	_, err := parse(goodNational, goodRegional+"3324022001,desa,Nowhere\n")
	if err == nil || !strings.Contains(err.Error(), villagesFile+" line 6") {
		t.Errorf("error %v should name %s line 6", err, villagesFile)
	}
}
