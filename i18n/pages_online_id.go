package i18n

// onlinePagesIndonesian holds the words of the heir's online forms
// (/ajukan, /perbaiki), their one-time code and the clerk's intake queue.
// They address a grieving family: plain, polite, no jargon. They join
// pagesIndonesian when the package loads (see init).
var onlinePagesIndonesian = map[string]string{
	"nav.apply":  "Ajukan santunan",
	"nav.intake": "Pengajuan daring",

	// The one-time code's message (never a NIK or an account number).
	"otp.message": "Kode Santunan Kendal Anda: {code}. Berlaku {minutes} menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.",

	"phone_check.send":        "Kirim kode",
	"phone_check.verify":      "Lanjutkan",
	"phone_check.code_label":  "Kode 6 angka dari pesan",
	"phone_check.sent":        "Kami sudah mengirim kode 6 angka ke nomor {phone}. Masukkan kode itu di bawah ini dalam {minutes} menit.",
	"phone_check.retry":       "Masukkan lagi kode 6 angka dari pesan yang kami kirim.",
	"phone_check.start_again": "Kode ini tidak dapat dipakai lagi. Muat ulang halaman ini untuk meminta kode baru.",

	"field.phone":               "Nomor HP",
	"field.consent":             "Persetujuan penggunaan data",
	"field.heir.notify_consent": "Persetujuan pesan",
	"field.check_id":            "Pemeriksaan nomor HP",

	"apply.title":          "Ajukan santunan kematian",
	"apply.step_phone":     "Langkah 1 dari 3: nomor HP",
	"apply.step_form":      "Langkah 2 dari 3: data dan dokumen",
	"apply.step_done":      "Langkah 3 dari 3: selesai",
	"apply.intro":          "Anda dapat mengajukan santunan dari HP, tanpa datang ke kantor. Pertama, kami kirim kode ke nomor HP ahli waris untuk memastikan nomor itu milik Anda. Layanan ini tidak dipungut biaya.",
	"apply.phone":          "Nomor HP ahli waris",
	"apply.phone_hint":     "Nomor seluler yang aktif, misalnya 0812 3456 7890. Kabar tentang pengajuan dikirim ke nomor ini.",
	"apply.form_intro":     "Isi data almarhum/almarhumah, data Anda sebagai ahli waris, dan rekening penerima. Lampirkan foto dokumen yang sudah ada; dokumen yang belum ada dapat dikirim atau dibawa kemudian.",
	"apply.documents":      "Dokumen",
	"apply.document_hint":  "Foto dengan kamera HP atau pilih berkas PDF, paling besar 5 MB. Jika ada kesalahan di formulir, pilih berkas lagi.",
	"apply.notify_consent": "Saya setuju menerima pesan tentang pengajuan ini di nomor {phone}.",
	"apply.privacy_title":  "Penggunaan data pribadi",
	"apply.privacy": "Data ini (NIK, nama, alamat, nomor HP, rekening, dan dokumen) hanya dipakai untuk memeriksa dan membayar santunan kematian ini. " +
		"Yang melihatnya hanya petugas Dinas Dukcapil, Dinas Sosial, dan bendahara Kabupaten Kendal yang menangani santunan, serta bank untuk transfer. " +
		"Data tidak dibagikan kepada pihak lain dan disimpan sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. " +
		"Anda dapat menanyakan atau meminta perbaikan data Anda di kantor yang tercantum di bawah.",
	"apply.consent":       "Saya sudah membaca keterangan di atas dan setuju data saya dipakai untuk santunan ini.",
	"apply.submit":        "Kirim pengajuan",
	"apply.done_title":    "Pengajuan Anda sudah kami terima",
	"apply.your_code":     "Kode klaim Anda",
	"apply.done_intro":    "Simpan kode ini. Kode yang sama juga kami kirim lewat pesan. Petugas Dukcapil akan memeriksa pengajuan Anda; pantau perkembangannya di halaman Lacak klaim dengan kode ini dan NIK ahli waris.",
	"apply.track":         "Lacak klaim ini",
	"apply.receipt_title": "Tanda terima",
	"apply.receipt_intro": "Unduh tanda terima (PDF) dengan memasukkan NIK ahli waris.",
	"apply.receipt":       "Unduh tanda terima",
	"apply.too_large":     "Berkas yang dikirim terlalu besar, sehingga tidak ada yang disimpan. Kirim foto dengan ukuran lebih kecil (paling besar 5 MB per dokumen), lalu coba lagi.",
	"apply.back":          "Kembali ke formulir",

	"fix.title":        "Perbaiki klaim",
	"fix.step_phone":   "Langkah 1 dari 2: kode klaim dan nomor HP",
	"fix.step_form":    "Langkah 2 dari 2: perbaikan",
	"fix.intro":        "Untuk klaim yang dikembalikan atau yang transfernya gagal. Masukkan kode klaim dan NIK ahli waris. Kami kirim kode ke nomor HP ahli waris yang tercatat pada klaim.",
	"fix.not_returned": "Klaim ini tidak sedang menunggu perbaikan, jadi tidak dapat diperbaiki secara daring. Lihat keadaannya di halaman Lacak klaim.",
	"fix.form_intro":   "Klaim {code}. Perbaiki data yang salah dan lampirkan dokumen yang diminta, lalu kirim kembali ke petugas.",
	"fix.reason_title": "Alasan klaim dikembalikan",
	"fix.submit":       "Kirim perbaikan",
	"fix.done_title":   "Perbaikan Anda sudah kami terima",
	"fix.done_intro":   "Klaim Anda kembali diperiksa petugas Dukcapil. Pantau perkembangannya di halaman Lacak klaim.",

	// A claim whose transfer failed: a new bank book and account.
	"fix.bank_title":          "Ganti rekening bank",
	"fix.bank_intro":          "Klaim {code}. Transfer santunan ke rekening yang lama gagal. Foto buku tabungan yang masih aktif atas nama ahli waris, lalu isi rekening yang baru sesuai buku tabungan itu.",
	"fix.failed_reason_title": "Alasan transfer gagal",
	"fix.bank_book":           "Buku tabungan yang baru",
	"fix.bank_book_hint":      "Foto halaman depan buku tabungan (nama pemilik dan nomor rekening terbaca jelas) dengan kamera HP, atau pilih berkas JPEG, PNG atau PDF. Jika ada kesalahan di formulir, pilih berkas lagi.",
	"fix.bank_submit":         "Kirim rekening baru",
	"fix.bank_done_title":     "Rekening baru Anda sudah kami terima",
	"field.deceased":          "Data almarhum/almarhumah",
	"field.heir":              "Data ahli waris",
	"fix.bank_done_intro":     "Petugas Dinas Sosial akan mencocokkan foto buku tabungan dengan rekening yang Anda isi, lalu mengirim ulang transfer santunan. Pantau perkembangannya di halaman Lacak klaim.",

	// The officer's side of it: the claim page and retry_payment's form.
	"event.bank_account_proposed":                "Ahli waris mengusulkan rekening baru secara daring",
	"field.proposed.bank_account.bank_code":      "Bank usulan",
	"field.proposed.bank_account.account_number": "Nomor rekening usulan",
	"field.proposed.bank_account.account_name":   "Nama pemilik rekening usulan",
	"claim.proposed_account":                     "Rekening baru usulan ahli waris",
	"claim.proposed_at":                          "Diusulkan",
	"claim.proposed_prefilled":                   "Rekening di bawah diisi dari usulan ahli waris ({at}). Cocokkan dengan foto buku tabungan di bagian Dokumen sebelum mengirim ulang.",

	"intake.title":        "Pengajuan daring",
	"intake.intro":        "Pengajuan dari ahli waris lewat HP, yang terlama di atas. Buka klaim untuk memeriksa data dan dokumen, lalu terima (dengan perbaikan bila perlu) atau tolak dengan alasan.",
	"intake.col_died":     "Tanggal meninggal",
	"intake.col_filed":    "Diajukan",
	"intake.col_register": "Register kematian",
	"intake.empty":        "Tidak ada pengajuan daring yang menunggu.",
}

func init() { addPages(onlinePagesIndonesian) }
