package areas

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The national file stops at kecamatan (enough to check any NIK prefix);
// only the program's own regency needs desa/kelurahan. Embedded as strings
// so the bytes cannot be modified at run time.
var (
	//go:embed data/indonesia-wilayah-kecamatan.csv
	nationalCSV string
	//go:embed data/kendal-wilayah.csv
	villagesCSV string
)

const (
	nationalFile = "indonesia-wilayah-kecamatan.csv"
	villagesFile = "kendal-wilayah.csv"
)

// Load parses the embedded reference data. It fails on malformed data rather
// than serving a partial directory, since a missing kecamatan would make
// valid NIKs look invalid.
func Load() (*Directory, error) {
	return parse(nationalCSV, villagesCSV)
}

// parse builds a Directory from the national kecamatan list and a regional
// list down to desa/kelurahan. Separate from Load so tests can feed it
// broken data.
func parse(national, regional string) (*Directory, error) {
	d := &Directory{
		provinces:  map[string]string{},
		regencies:  map[string]string{},
		kecamatans: map[string]string{},
		villages:   map[string]Village{},
		byRegency:  map[string][]Village{},
	}
	if err := readFile(nationalFile, national, d.addNational); err != nil {
		return nil, err
	}
	if err := readFile(villagesFile, regional, d.addRegional); err != nil {
		return nil, err
	}
	d.sortVillages()
	return d, nil
}

// row is one record of a code,level,name file.
type row struct {
	code, level, name string
}

var errMalformed = errors.New("malformed area data")

// readFile checks the header and hands every row to add, in file order.
// Parents precede their children in the published files, which lets add
// check that each parent exists.
func readFile(file, data string, add func(row) error) error {
	r := csv.NewReader(strings.NewReader(data))
	r.FieldsPerRecord = 3
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: header: %w", file, err)
	}
	if header[0] != "code" || header[1] != "level" || header[2] != "name" {
		return fmt.Errorf("%s: header %q: %w", file, header, errMalformed)
	}
	rows := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		line, _ := r.FieldPos(0)
		rw := row{code: rec[0], level: rec[1], name: strings.TrimSpace(rec[2])}
		if rw.name == "" {
			return fmt.Errorf("%s line %d: code %q has no name: %w", file, line, rw.code, errMalformed)
		}
		if err := add(rw); err != nil {
			return fmt.Errorf("%s line %d: %w", file, line, err)
		}
		rows++
	}
	if rows == 0 {
		return fmt.Errorf("%s: no rows: %w", file, errMalformed)
	}
	return nil
}

// addNational accepts provinsi, kabupaten_kota and kecamatan rows.
func (d *Directory) addNational(r row) error {
	switch r.level {
	case "provinsi":
		if err := checkCode(r, 2); err != nil {
			return err
		}
		return putNew(d.provinces, r)
	case "kabupaten_kota":
		if err := checkCode(r, 4); err != nil {
			return err
		}
		if _, ok := d.provinces[provinceOf(r.code)]; !ok {
			return fmt.Errorf("regency %s: unknown provinsi: %w", r.code, errMalformed)
		}
		return putNew(d.regencies, r)
	case "kecamatan":
		if err := checkCode(r, 6); err != nil {
			return err
		}
		if _, ok := d.regencies[regencyOf(r.code)]; !ok {
			return fmt.Errorf("kecamatan %s: unknown regency: %w", r.code, errMalformed)
		}
		return putNew(d.kecamatans, r)
	}
	return fmt.Errorf("level %q: %w", r.level, errMalformed)
}

// addRegional accepts kabupaten, kecamatan, desa and kelurahan rows. The
// kabupaten and kecamatan rows repeat national ones; they must agree, or the
// two files come from different editions of the Kepmendagri.
func (d *Directory) addRegional(r row) error {
	switch r.level {
	case "kabupaten":
		if err := checkCode(r, 4); err != nil {
			return err
		}
		return sameAs(d.regencies, r)
	case "kecamatan":
		if err := checkCode(r, 6); err != nil {
			return err
		}
		return sameAs(d.kecamatans, r)
	case KindDesa, KindKelurahan:
		return d.addVillage(r)
	}
	return fmt.Errorf("level %q: %w", r.level, errMalformed)
}

func (d *Directory) addVillage(r row) error {
	if err := checkCode(r, 10); err != nil {
		return err
	}
	// The 7th digit encodes the kind: 1 kelurahan, 2 desa.
	want := byte('2')
	if r.level == KindKelurahan {
		want = '1'
	}
	if r.code[6] != want {
		return fmt.Errorf("village %s: 7th digit does not match level %s: %w", r.code, r.level, errMalformed)
	}
	kec := kecamatanOf(r.code)
	kecName, ok := d.kecamatans[kec]
	if !ok {
		return fmt.Errorf("village %s: unknown kecamatan: %w", r.code, errMalformed)
	}
	if _, dup := d.villages[r.code]; dup {
		return fmt.Errorf("village %s: duplicate code: %w", r.code, errMalformed)
	}
	v := Village{Code: r.code, Name: r.name, Kind: r.level, KecamatanCode: kec, KecamatanName: kecName}
	d.villages[r.code] = v
	reg := regencyOf(r.code)
	d.byRegency[reg] = append(d.byRegency[reg], v)
	return nil
}

// checkCode requires exactly n ASCII digits.
func checkCode(r row, n int) error {
	if len(r.code) != n {
		return fmt.Errorf("%s code %q: want %d digits: %w", r.level, r.code, n, errMalformed)
	}
	for i := 0; i < len(r.code); i++ {
		if r.code[i] < '0' || r.code[i] > '9' {
			return fmt.Errorf("%s code %q: not digits: %w", r.level, r.code, errMalformed)
		}
	}
	return nil
}

func putNew(m map[string]string, r row) error {
	if _, dup := m[r.code]; dup {
		return fmt.Errorf("%s %s: duplicate code: %w", r.level, r.code, errMalformed)
	}
	m[r.code] = r.name
	return nil
}

func sameAs(m map[string]string, r row) error {
	name, ok := m[r.code]
	if !ok {
		return fmt.Errorf("%s %s: not in the national list: %w", r.level, r.code, errMalformed)
	}
	if name != r.name {
		return fmt.Errorf("%s %s: name %q differs from national %q: %w", r.level, r.code, r.name, name, errMalformed)
	}
	return nil
}
