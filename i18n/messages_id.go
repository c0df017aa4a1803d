package i18n

import "santunan/domain"

// indonesian is the catalog for pages. Wording addresses a grieving family:
// plain, polite ("Silakan", "Mohon maaf"), no legal jargon, no promises of
// deadlines the regency has not set.
var indonesian = catalog{
	invalidValue: "Nilai tidak valid.",

	violations: map[string]string{
		domain.ViolationRequired:          "Wajib diisi.",
		domain.ViolationTooLong:           "Isian terlalu panjang.",
		domain.ViolationInvalidCharacters: "Isian mengandung karakter yang tidak diperbolehkan.",
		domain.ViolationInvalidValue:      "Nilai tidak valid.",

		domain.ViolationUsernameInvalid:   "Nama pengguna terdiri dari 3 sampai 32 karakter: huruf kecil a-z, angka, titik, garis bawah atau tanda hubung.",
		domain.ViolationPasswordTooShort:  "Kata sandi minimal 10 karakter.",
		domain.ViolationPasswordTooLong:   "Kata sandi terlalu panjang (maksimal 72 byte).",
		domain.ViolationRoleInvalid:       "Peran tidak dikenal.",
		domain.ViolationCannotDisableSelf: "Anda tidak dapat menonaktifkan akun Anda sendiri.",
		domain.ViolationPasswordWrong:     "Kata sandi saat ini tidak sesuai.",
		domain.ViolationPasswordUnchanged: "Kata sandi baru harus berbeda dari kata sandi saat ini.",
		domain.ViolationPasswordMismatch:  "Kedua isian kata sandi baru tidak sama.",

		domain.ViolationNIKLength:           "NIK harus terdiri dari 16 digit.",
		domain.ViolationNIKNotDigits:        "NIK hanya boleh berisi angka, tanpa spasi atau tanda baca.",
		domain.ViolationNIKKecamatanUnknown: "6 digit pertama NIK bukan kode kecamatan yang terdaftar. Periksa kembali NIK pada KTP atau KK.",
		domain.ViolationNIKBirthDateInvalid: "Digit ke-7 sampai ke-12 NIK bukan tanggal lahir yang valid (untuk perempuan, tanggal ditambah 40). Periksa kembali NIK pada KTP atau KK.",
		domain.ViolationNIKSerialZero:       "4 digit terakhir NIK tidak boleh 0000.",

		domain.ViolationKKLength:           "Nomor KK harus terdiri dari 16 digit.",
		domain.ViolationKKNotDigits:        "Nomor KK hanya boleh berisi angka, tanpa spasi atau tanda baca.",
		domain.ViolationKKKecamatanUnknown: "6 digit pertama nomor KK bukan kode kecamatan yang terdaftar.",

		domain.ViolationPhoneInvalid: "Nomor HP tidak valid. Gunakan nomor seluler Indonesia, misalnya 0812 3456 7890.",

		domain.ViolationNameInvalid: "Tulis nama seperti di KTP: hanya huruf Latin (boleh dengan tanda aksen, misalnya é), spasi, titik, apostrof (') dan tanda hubung (-).",
		domain.ViolationNameTooLong: "Nama paling banyak 100 karakter.",

		domain.ViolationDateInvalid:       "Tanggal tidak valid. Gunakan format TTTT-BB-HH, misalnya 2026-11-28.",
		domain.ViolationDateInFuture:      "Tanggal tidak boleh setelah hari ini.",
		domain.ViolationDateBeforeBirth:   "Tanggal kematian tidak boleh sebelum tanggal lahir pada NIK.",
		domain.ViolationDateOutsideWindow: "Tanggal kematian sudah melewati batas waktu pengajuan santunan.",

		domain.ViolationVillageUnknown: "Desa/kelurahan tidak ditemukan di wilayah kabupaten ini.",

		domain.ViolationRelationshipInvalid: "Pilih hubungan dengan almarhum/almarhumah dari daftar.",
		domain.ViolationHeirTooYoung:        "Ahli waris harus berusia minimal 17 tahun pada tanggal pengajuan.",
		domain.ViolationHeirSameAsDeceased:  "NIK ahli waris tidak boleh sama dengan NIK almarhum/almarhumah.",

		domain.ViolationBankUnknown:          "Pilih bank dari daftar.",
		domain.ViolationAccountNumberInvalid: "Nomor rekening harus berisi 6 sampai 20 angka.",

		domain.ViolationCertificateNoInvalid: "Nomor akta kematian hanya boleh berisi huruf, angka, titik, garis miring (/) dan tanda hubung (-).",

		domain.ViolationDocumentsMissing:            "Dokumen wajib belum lengkap. Unggah dokumen yang belum ada terlebih dahulu.",
		domain.ViolationRegisterMismatchUnconfirmed: "Data klaim berbeda dengan data kematian Dukcapil. Periksa kembali, lalu centang konfirmasi jika data klaim sudah benar.",
		domain.ViolationCSVHeaderInvalid:            "Baris pertama berkas harus berisi judul kolom: nik,full_name,sex,date_of_death,death_certificate_no,village_code,registered_on.",
		domain.ViolationCSVMalformed:                "Baris ini tidak dapat dibaca sebagai CSV (periksa tanda kutip).",
		domain.ViolationColumnCount:                 "Jumlah kolom pada baris ini tidak sesuai dengan judul kolom.",
		domain.ViolationSexInvalid:                  "Jenis kelamin harus L (laki-laki) atau P (perempuan).",
		domain.ViolationDeathAfterRegistration:      "Tanggal kematian tidak boleh setelah tanggal pencatatan.",
		domain.ViolationRegisterConflict:            "Nomor akta kematian ini sudah tercatat dengan data yang berbeda.",
		domain.ViolationBudgetExhausted:             "Pagu anggaran tahun ini tidak mencukupi untuk nilai klaim ini.",
		domain.ViolationBudgetNotSet:                "Pagu anggaran untuk tahun ini belum ditetapkan.",
		domain.ViolationCeilingBelowCommitted:       "Pagu tidak boleh lebih kecil dari jumlah yang sudah terikat tahun ini.",
		domain.ViolationAmountInvalid:               "Nilai harus berupa bilangan bulat rupiah, paling sedikit 0.",
		domain.ViolationDecreeNumberInvalid:         "Nomor SK hanya boleh berisi huruf, angka, spasi, titik, garis miring (/) dan tanda hubung (-).",
		domain.ViolationDateBeforeProgramme:         "Tanggal SK tidak boleh sebelum 1 Januari 2021: program santunan kematian berlaku sejak Perbup Kendal Nomor 20 Tahun 2021.",
		domain.ViolationTooManyItems:                "Terlalu banyak klaim atau baris dalam satu permintaan.",
		domain.ViolationDuplicateItem:               "Klaim atau referensi ini muncul lebih dari sekali.",
		domain.ViolationClaimNotFound:               "Tidak ada klaim dengan id atau kode ini.",
		domain.ViolationClaimWrongStatus:            "Status klaim tidak sesuai untuk langkah ini.",
		domain.ViolationNoApprovedClaims:            "Tidak ada klaim disetujui yang menunggu pembayaran.",
		domain.ViolationNotInBatch:                  "Klaim ini tidak termasuk dalam batch pembayaran ini.",
		domain.ViolationAmountMismatch:              "Nilai berbeda dengan nilai yang dikirim untuk klaim ini.",
		domain.ViolationResultStatusInvalid:         "Status harus SUCCESS atau FAILED.",
		domain.ViolationResultConflict:              "Klaim ini sudah memiliki hasil yang berbeda dalam batch ini.",
		domain.ViolationTimeInvalid:                 "Waktu tidak valid. Gunakan misalnya 2026-11-28T10:00:00+07:00 atau 2026-11-28 10:00:00.",
		domain.ViolationFileEmpty:                   "Berkas tidak berisi baris data setelah judul kolom.",
		domain.ViolationColumnMissing:               "Judul kolom tidak memuat kolom ini.",
		domain.ViolationNotSent:                     "Baris ini tidak termasuk dalam berkas transfer mana pun yang diambil untuk bank, sehingga bank tidak mungkin telah membayarnya. Ambil berkas transfer terlebih dahulu; hasil FAILED tetap diterima.",
		domain.ViolationDayAlreadyListed:            "Tanggal ini sudah tercatat sebagai hari libur di kalender.",
		domain.ViolationYearOutOfRange:              "Kalender hanya memuat tahun 2021 sampai 2100.",
		domain.ViolationHeldBack:                    "Baris ini ditahan karena nama rekening tidak cocok dan tidak pernah dikirim ke bank, sehingga tidak mungkin telah dibayar. Keluarkan baris ini dari batch atau catat gagal.",
		domain.ViolationLineWithdrawn:               "Baris ini sudah dikeluarkan dari batch sebelum dikirim ke bank: bank tidak punya hasil untuknya.",

		domain.ViolationOTPWrong:        "Kode tidak sesuai. Periksa kembali kode 6 angka pada pesan yang kami kirim.",
		domain.ViolationOTPExpired:      "Kode sudah kedaluwarsa. Silakan minta kode baru.",
		domain.ViolationOTPUsed:         "Kode ini sudah dipakai. Silakan minta kode baru bila perlu.",
		domain.ViolationOTPAttempts:     "Kode salah terlalu sering. Silakan minta kode baru.",
		domain.ViolationConsentRequired: "Mohon baca dan centang pernyataan ini untuk melanjutkan.",
		domain.ViolationFileType:        "Berkas harus berupa foto (JPEG atau PNG) atau PDF.",
		domain.ViolationFileTooLarge:    "Berkas terlalu besar. Kirim foto dengan ukuran lebih kecil.",
		domain.ViolationBankBookOnly:    "Untuk klaim yang transfernya gagal, cukup kirim foto buku tabungan dan rekening yang baru; bagian ini tidak dapat diubah secara daring.",
	},

	documentKinds: map[domain.DocumentKind]string{
		domain.DocumentAktaKematian:   "Akta kematian",
		domain.DocumentKTPAhliWaris:   "KTP ahli waris",
		domain.DocumentKartuKeluarga:  "Kartu Keluarga",
		domain.DocumentSuratAhliWaris: "Surat keterangan ahli waris",
		domain.DocumentBukuTabungan:   "Buku tabungan",
		domain.DocumentLainnya:        "Dokumen lainnya",
	},

	matchOutcomes: map[domain.MatchOutcome]string{
		domain.MatchAgrees:   "Cocok dengan data kematian Dukcapil",
		domain.MatchDiffers:  "Berbeda dengan data kematian Dukcapil",
		domain.MatchNotFound: "Belum tercatat di data kematian Dukcapil",
	},

	warnings: map[string]string{
		domain.WarningNIKOutsideRegency:   "NIK almarhum/almarhumah diterbitkan di luar kabupaten ini. Pastikan domisili terakhir sesuai data Dukcapil.",
		domain.WarningAccountNameMismatch: "Nama pemilik rekening menurut bank berbeda dengan nama rekening ahli waris. Periksa sebelum transfer.",
	},

	statuses: map[domain.Status]string{
		domain.StatusApplied:       "Diajukan daring, menunggu pemeriksaan",
		domain.StatusSubmitted:     "Diajukan",
		domain.StatusReturned:      "Dikembalikan untuk perbaikan",
		domain.StatusDeathVerified: "Kematian terverifikasi",
		domain.StatusApproved:      "Disetujui",
		domain.StatusDisbursing:    "Dalam proses pembayaran",
		domain.StatusPaid:          "Dibayar",
		domain.StatusPaymentFailed: "Pembayaran gagal",
		domain.StatusRejected:      "Ditolak",
		domain.StatusCancelled:     "Dibatalkan",
	},

	actions: map[domain.Action]string{
		domain.ActionSubmit:          "Ajukan",
		domain.ActionApply:           "Ajukan daring",
		domain.ActionAccept:          "Terima pengajuan",
		domain.ActionDecline:         "Tolak pengajuan",
		domain.ActionVerifyDeath:     "Verifikasi kematian",
		domain.ActionReturn:          "Kembalikan",
		domain.ActionResubmit:        "Ajukan ulang",
		domain.ActionReject:          "Tolak",
		domain.ActionApprove:         "Setujui",
		domain.ActionStartPayment:    "Mulai pembayaran",
		domain.ActionConfirmPayment:  "Konfirmasi pembayaran",
		domain.ActionFailPayment:     "Catat pembayaran gagal",
		domain.ActionWithdrawPayment: "Keluarkan dari batch",
		domain.ActionRetryPayment:    "Ulangi pembayaran",
		domain.ActionCancel:          "Batalkan",
	},

	roles: map[domain.Role]string{
		domain.RoleAdmin:            "Administrator",
		domain.RoleDukcapilClerk:    "Petugas Dukcapil",
		domain.RoleDinsosOfficer:    "Petugas Dinas Sosial",
		domain.RoleTreasurer:        "Bendahara",
		domain.RoleAuditor:          "Auditor",
		domain.RoleApplicant:        "Ahli waris (daring)",
		domain.RoleComplaintOfficer: "Pengelola Pengaduan",
		domain.RoleOfficeHead:       "Kepala Dinas",
	},

	relationships: map[domain.Relationship]string{
		domain.RelationshipSpouse:  "Suami/istri",
		domain.RelationshipChild:   "Anak",
		domain.RelationshipParent:  "Orang tua",
		domain.RelationshipSibling: "Saudara kandung",
		domain.RelationshipOther:   "Lainnya",
	},

	nextSteps: map[domain.Status]string{
		domain.StatusApplied:       "Pengajuan daring Anda sudah kami terima. Petugas Dukcapil akan memeriksa data dan dokumen paling lambat {days} hari kerja. Saat ini Anda tidak perlu melakukan apa pun.",
		domain.StatusSubmitted:     "Pengajuan santunan sudah kami terima. Petugas Dukcapil akan memeriksa data kematian paling lambat {days} hari kerja. Saat ini Anda tidak perlu melakukan apa pun.",
		domain.StatusReturned:      "Klaim dikembalikan untuk perbaikan. Perbaiki data atau dokumen secara daring melalui halaman Perbaiki klaim, atau datang ke Dinas Kependudukan dan Pencatatan Sipil (Dukcapil) dengan membawa KTP, KK dan akta kematian. Alamat, telepon dan jam layanannya ada di Kontak kantor layanan.",
		domain.StatusDeathVerified: "Data kematian sudah diverifikasi oleh Dukcapil. Selanjutnya Dinas Sosial akan memeriksa pengajuan paling lambat {days} hari kerja. Saat ini Anda tidak perlu melakukan apa pun.",
		domain.StatusApproved:      "Santunan sudah disetujui. Bendahara akan memproses pembayaran ke rekening ahli waris paling lambat {days} hari kerja sejak disetujui.",
		domain.StatusDisbursing:    "Pembayaran sedang diproses oleh bank. Dana masuk ke rekening ahli waris paling lambat {days} hari kerja sejak disetujui.",
		domain.StatusPaid:          "Santunan sudah ditransfer ke rekening ahli waris. Silakan periksa mutasi rekening Anda. Semoga keluarga yang ditinggalkan diberi ketabahan.",
		domain.StatusPaymentFailed: "Transfer ke rekening ahli waris belum berhasil. Unggah foto buku tabungan yang masih aktif atas nama ahli waris melalui halaman Perbaiki klaim, atau bawa buku tabungan tersebut ke Dinas Sosial; alamat, telepon dan jam layanannya ada di Kontak kantor layanan.",
		domain.StatusRejected:      "Mohon maaf, pengajuan santunan tidak dapat disetujui. Jika ada pertanyaan, silakan hubungi Dinas Sosial; alamat, telepon dan jam layanannya ada di Kontak kantor layanan.",
		domain.StatusCancelled:     "Pengajuan santunan ini telah dibatalkan oleh Dinas Sosial. Jika menurut Anda ini keliru, silakan hubungi Dinas Sosial; alamat, telepon dan jam layanannya ada di Kontak kantor layanan.",
	},
	nextStepsWithReason: map[domain.Status]string{
		domain.StatusReturned:      "Klaim dikembalikan: {reason}. Perbaiki data atau dokumen secara daring melalui halaman Perbaiki klaim, atau datang ke Dinas Kependudukan dan Pencatatan Sipil (Dukcapil) dengan membawa dokumen yang diperlukan. Alamat, telepon dan jam layanannya ada di Kontak kantor layanan.",
		domain.StatusPaymentFailed: "Transfer ke rekening ahli waris belum berhasil: {reason}. Unggah foto buku tabungan yang masih aktif atas nama ahli waris melalui halaman Perbaiki klaim, atau bawa buku tabungan tersebut ke Dinas Sosial; alamat, telepon dan jam layanannya ada di Kontak kantor layanan.",
		domain.StatusRejected:      "Mohon maaf, pengajuan santunan tidak dapat disetujui: {reason}. Jika ada pertanyaan, silakan hubungi Dinas Sosial; alamat, telepon dan jam layanannya ada di Kontak kantor layanan.",
		domain.StatusCancelled:     "Pengajuan santunan ini telah dibatalkan oleh Dinas Sosial: {reason}. Jika menurut Anda ini keliru, silakan hubungi Dinas Sosial; alamat, telepon dan jam layanannya ada di Kontak kantor layanan.",
	},
	nextStepUnknown: "Untuk informasi lebih lanjut, silakan hubungi Dinas Kependudukan dan Pencatatan Sipil (Dukcapil); alamat, telepon dan jam layanannya ada di Kontak kantor layanan.",

	months: [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
}
