// Package areas answers questions about Kemendagri area codes (provinsi,
// kabupaten/kota, kecamatan, desa/kelurahan) from reference data embedded in
// the binary, so validation never depends on a network service.
package areas

import (
	"slices"

	"santunan/domain"
)

// The domain validates NIKs and village codes through this interface; the
// assertion keeps the two packages from drifting apart silently.
var _ domain.Areas = (*Directory)(nil)

// Village kinds as published by Kemendagri. A kelurahan is an urban village
// run by the regency; a desa is a rural one with its own government. The
// distinction matters on letters, so it is kept.
const (
	KindDesa      = "desa"
	KindKelurahan = "kelurahan"
)

// Village is a desa or kelurahan with the kecamatan it belongs to.
type Village struct {
	Code          string // 10 digits
	Name          string
	Kind          string // KindDesa or KindKelurahan
	KecamatanCode string // 6 digits
	KecamatanName string
}

// Directory is the loaded reference data. It is never modified after Load,
// so one value can be shared by every request without locking.
type Directory struct {
	provinces  map[string]string    // 2-digit code -> name
	regencies  map[string]string    // 4-digit code -> name
	kecamatans map[string]string    // 6-digit code -> name
	villages   map[string]Village   // 10-digit code -> village
	byRegency  map[string][]Village // 4-digit code -> villages in dropdown order
}

// KecamatanExists reports whether a 6-digit kecamatan code exists anywhere
// in Indonesia. NIKs are issued all over the country, so this is national.
func (d *Directory) KecamatanExists(code string) bool {
	_, ok := d.kecamatans[code]
	return ok
}

// VillageInRegency reports whether the 10-digit desa/kelurahan code is known
// and belongs to the 4-digit regency.
func (d *Directory) VillageInRegency(villageCode, regencyCode string) bool {
	v, ok := d.villages[villageCode]
	return ok && regencyOf(v.Code) == regencyCode
}

// Village returns the desa/kelurahan with the given 10-digit code.
func (d *Directory) Village(code string) (Village, bool) {
	v, ok := d.villages[code]
	return v, ok
}

// Villages lists the villages of a regency sorted by kecamatan name, then
// village name, ready for a dropdown. The result is a copy the caller may
// modify. Regencies without village data yield nil.
func (d *Directory) Villages(regencyCode string) []Village {
	return slices.Clone(d.byRegency[regencyCode])
}

// HasVillages reports whether desa/kelurahan data is loaded for the regency.
// Only Kendal's is embedded; configuration refuses any other regency because
// no village code could ever validate.
func (d *Directory) HasVillages(regencyCode string) bool {
	return len(d.byRegency[regencyCode]) > 0
}

// RegencyName returns the name of a 4-digit kabupaten/kota code, or "" when
// unknown.
func (d *Directory) RegencyName(code string) string { return d.regencies[code] }

// KecamatanName returns the name of a 6-digit kecamatan code, or "" when
// unknown. Names repeat across regencies (Kaliwungu is in Kendal, Kudus and
// Semarang), so callers must always keep the code, never the name alone.
func (d *Directory) KecamatanName(code string) string { return d.kecamatans[code] }

// Each level's code extends its parent's code, so a parent is a prefix.
func regencyOf(code string) string   { return code[:4] }
func provinceOf(code string) string  { return code[:2] }
func kecamatanOf(code string) string { return code[:6] }
