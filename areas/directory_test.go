package areas

import (
	"testing"
)

// loadT loads the embedded data once per test; Load is cheap enough (a few
// milliseconds) that sharing a global is not worth it.
func loadT(t testing.TB) *Directory {
	t.Helper()
	d, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return d
}

func TestLoadCounts(t *testing.T) {
	d := loadT(t)
	if got := len(d.provinces); got != 38 {
		t.Errorf("provinces = %d, want 38", got)
	}
	if got := len(d.regencies); got != 514 {
		t.Errorf("regencies = %d, want 514", got)
	}
	if got := len(d.kecamatans); got != 7285 {
		t.Errorf("kecamatan = %d, want 7285", got)
	}
	kendalKec := 0
	for code := range d.kecamatans {
		if regencyOf(code) == "3324" {
			kendalKec++
		}
	}
	if kendalKec != 20 {
		t.Errorf("kecamatan in 3324 = %d, want 20", kendalKec)
	}
	vs := d.Villages("3324")
	kinds := map[string]int{}
	for _, v := range vs {
		kinds[v.Kind]++
	}
	if len(vs) != 286 || kinds[KindDesa] != 266 || kinds[KindKelurahan] != 20 {
		t.Errorf("villages in 3324 = %d (%v), want 286 = 266 desa + 20 kelurahan", len(vs), kinds)
	}
}

func TestKnownCodes(t *testing.T) {
	d := loadT(t)
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"regency 3324", d.RegencyName("3324"), "Kabupaten Kendal"},
		{"kecamatan 332415", d.KecamatanName("332415"), "Kendal"},
		{"Kaliwungu in Kendal", d.KecamatanName("332408"), "Kaliwungu"},
		{"Kaliwungu in Kudus", d.KecamatanName("331901"), "Kaliwungu"},
		{"regency of Kudus", d.RegencyName("3319"), "Kabupaten Kudus"},
		{"unknown regency", d.RegencyName("9999"), ""},
		{"unknown kecamatan", d.KecamatanName("999999"), ""},
		{"regency code is not a kecamatan", d.KecamatanName("3324"), ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestVillage(t *testing.T) {
	d := loadT(t)
	v, ok := d.Village("3324012001")
	want := Village{Code: "3324012001", Name: "Blumah", Kind: KindDesa, KecamatanCode: "332401", KecamatanName: "Plantungan"}
	if !ok || v != want {
		t.Errorf("Village(3324012001) = %+v, %v; want %+v", v, ok, want)
	}
	v, ok = d.Village("3324151001")
	if !ok || v.Kind != KindKelurahan || v.KecamatanName != "Kendal" {
		t.Errorf("Village(3324151001) = %+v, %v; want a kelurahan in Kendal", v, ok)
	}
	for _, code := range []string{"", "3324012", "3324019999", "332401200l", "33240120011"} {
		if _, ok := d.Village(code); ok {
			t.Errorf("Village(%q) found, want unknown", code)
		}
	}
}

func TestKecamatanExists(t *testing.T) {
	d := loadT(t)
	tests := []struct {
		code string
		want bool
	}{
		{"332415", true},  // Kendal, Kendal
		{"332408", true},  // Kaliwungu, Kendal
		{"331901", true},  // Kaliwungu, Kudus: same name, different code
		{"337401", true},  // Semarang Tengah: outside the regency but real
		{"110101", true},  // first row of the national file
		{"999999", false}, //
		{"332499", false}, // right regency, no such kecamatan
		{"3324", false},   // a regency, not a kecamatan
		{"33", false},     // a province
		{"", false},
		{"3324150", false},
	}
	for _, tt := range tests {
		if got := d.KecamatanExists(tt.code); got != tt.want {
			t.Errorf("KecamatanExists(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

func TestVillageInRegency(t *testing.T) {
	d := loadT(t)
	tests := []struct {
		village, regency string
		want             bool
	}{
		{"3324012001", "3324", true},
		{"3324151001", "3324", true},
		{"3324012001", "3319", false}, // real village, other regency
		{"3324012001", "", false},
		{"3324012001", "33240", false},
		{"3324019999", "3324", false}, // unknown village
		{"332401", "3324", false},     // a kecamatan code
		{"", "3324", false},
		{"3319012001", "3319", false}, // no village data outside Kendal
	}
	for _, tt := range tests {
		if got := d.VillageInRegency(tt.village, tt.regency); got != tt.want {
			t.Errorf("VillageInRegency(%q, %q) = %v, want %v", tt.village, tt.regency, got, tt.want)
		}
	}
}

func TestHasVillages(t *testing.T) {
	d := loadT(t)
	for code, want := range map[string]bool{"3324": true, "3319": false, "3374": false, "": false, "9999": false} {
		if got := d.HasVillages(code); got != want {
			t.Errorf("HasVillages(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestVillagesSortedAndCopied(t *testing.T) {
	d := loadT(t)
	vs := d.Villages("3324")
	for i := 1; i < len(vs); i++ {
		a, b := vs[i-1], vs[i]
		if a.KecamatanName > b.KecamatanName || (a.KecamatanName == b.KecamatanName && a.Name > b.Name) {
			t.Fatalf("not sorted at %d: %s/%s before %s/%s", i, a.KecamatanName, a.Name, b.KecamatanName, b.Name)
		}
	}
	if vs[0].KecamatanName != "Boja" {
		t.Errorf("first village in kecamatan %q, want Boja (alphabetically first)", vs[0].KecamatanName)
	}
	// The directory is shared between requests: a caller changing its copy
	// must not change what the next caller sees.
	vs[0].Name = "changed"
	if again := d.Villages("3324"); again[0].Name == "changed" {
		t.Error("Villages returned the directory's own slice")
	}
	if d.Villages("3319") != nil {
		t.Error("Villages(3319) should be nil: no village data outside Kendal")
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
