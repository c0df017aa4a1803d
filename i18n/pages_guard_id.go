package i18n

// guardPagesIndonesian holds the words of the request guards: a download
// refused because the link came from another site, and the names of the
// query parameters a refused page address may name. They join
// pagesIndonesian when the package loads.
var guardPagesIndonesian = map[string]string{
	"error.cross_site_refused": "Permintaan dari situs lain ditolak. Buka halaman ini dari Santunan sendiri.",
	"docs.cross_site":          "Dokumen hanya dapat dibuka dari halaman klaim di Santunan, bukan dari tautan di situs, surel atau aplikasi lain. Dengan begitu log akses hanya mencatat dokumen yang benar-benar Anda buka. Buka halaman klaimnya, lalu pilih dokumen di sana.",
	"field.query":              "Alamat halaman",
	"field.kursor":             "Halaman daftar",
	"field.kode":               "Kode klaim",
	"field.desa":               "Desa/kelurahan",
	"field.lanjut":             "Halaman tujuan",
	"field.id":                 "Nomor data di alamat halaman",
	"field.doc":                "Nomor dokumen di alamat halaman",
	"field.action":             "Tindakan di alamat halaman",
	"field.village_code":       "Desa/kelurahan",
	"field.name_at_bank":       "Nama pemilik rekening menurut bank",
}

func init() { addPages(guardPagesIndonesian) }
