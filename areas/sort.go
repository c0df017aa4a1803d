package areas

import (
	"cmp"
	"slices"
)

// sortVillages puts each regency's villages in dropdown order: a clerk picks
// the kecamatan first, then looks for the village inside it. The code breaks
// ties so the order never depends on the file.
func (d *Directory) sortVillages() {
	for _, vs := range d.byRegency {
		slices.SortFunc(vs, func(a, b Village) int {
			return cmp.Or(
				cmp.Compare(a.KecamatanName, b.KecamatanName),
				cmp.Compare(a.Name, b.Name),
				cmp.Compare(a.Code, b.Code),
			)
		})
	}
}
