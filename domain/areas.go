package domain

// Areas answers questions about Kemendagri area codes. The areas package
// implements it from embedded reference data; domain only needs the answers.
type Areas interface {
	// KecamatanExists reports whether a 6-digit kecamatan code exists anywhere in Indonesia.
	KecamatanExists(code string) bool
	// VillageInRegency reports whether a 10-digit desa/kelurahan code belongs to the 4-digit regency.
	VillageInRegency(villageCode, regencyCode string) bool
}
