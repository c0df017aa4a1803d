package i18n

// notifyIndonesian are the messages to the heir ("notify.<kind>", one per
// kind of notify/kind.go) and the words of the messages' section on the
// staff claim page and of stopping messages on the tracking page. A
// message names the claim's code and the tracking link, never a NIK or an
// account number.
var notifyIndonesian = map[string]string{
	"notify.received":       "Santunan kematian: klaim {code} sudah diterima dan sedang diperiksa petugas. Lacak: {link}",
	"notify.death_verified": "Santunan kematian: data kematian klaim {code} sudah diverifikasi Dukcapil dan diteruskan ke Dinas Sosial. Lacak: {link}",
	"notify.approved":       "Santunan kematian: klaim {code} disetujui Dinas Sosial dan menunggu pembayaran. Lacak: {link}",
	"notify.paid":           "Santunan kematian: klaim {code} sudah dibayar ke rekening ahli waris. Lacak: {link}",
	"notify.returned":       "Santunan kematian: klaim {code} dikembalikan untuk diperbaiki: {reason}. Perbaiki secara daring di {fix_link} atau datang ke kantor Dukcapil. Lacak: {link}",
	"notify.payment_failed": "Santunan kematian: transfer klaim {code} gagal: {reason}. Bawa buku tabungan yang baru ke kantor Dinas Sosial atau unggah fotonya secara daring. Lacak: {link}",
	"notify.rejected":       "Santunan kematian: klaim {code} ditolak. Alasan: {reason}. Lacak: {link}",
	"notify.declined":       "Santunan kematian: pengajuan {code} tidak dapat diterima. Alasan: {reason}. Lacak: {link}",
	"notify.cancelled":      "Santunan kematian: klaim {code} dibatalkan. Alasan: {reason}. Lacak: {link}",

	"hint.heir.notify_consent": "Centang hanya jika ahli waris menyetujuinya pada formulir. Pesan berisi kode klaim dan tautan lacak, tanpa NIK atau nomor rekening.",

	"event.messages_stopped": "Ahli waris menghentikan pesan tentang klaim ini",

	"stop_messages.title":  "Pesan ke ahli waris",
	"stop_messages.intro":  "Anda menerima pesan tentang setiap tahap klaim ini. Untuk menghentikannya, ketik lagi NIK ahli waris.",
	"stop_messages.submit": "Hentikan pesan",
	"stop_messages.done":   "Pesan tentang klaim ini dihentikan. Status klaim tetap dapat dilacak di halaman ini.",

	"notifications.title":               "Pesan ke ahli waris",
	"notifications.none":                "Belum ada pesan.",
	"notifications.no_consent":          "Ahli waris tidak menyetujui pesan: tidak ada yang dikirim.",
	"notifications.kind":                "Pesan",
	"notifications.channel":             "Saluran",
	"notifications.status":              "Status",
	"notifications.attempts":            "Percobaan",
	"notifications.answer":              "Jawaban gateway",
	"notifications.at":                  "Waktu",
	"notifications.status.queued":       "Dalam antrean",
	"notifications.status.sent":         "Terkirim",
	"notifications.status.failed":       "Gagal",
	"notifications.status.cancelled":    "Dibatalkan",
	"notifications.kind.received":       "Diterima",
	"notifications.kind.death_verified": "Kematian diverifikasi",
	"notifications.kind.approved":       "Disetujui",
	"notifications.kind.paid":           "Dibayar",
	"notifications.kind.returned":       "Dikembalikan",
	"notifications.kind.payment_failed": "Transfer gagal",
	"notifications.kind.rejected":       "Ditolak",
	"notifications.kind.declined":       "Pengajuan tidak diterima",
	"notifications.kind.cancelled":      "Dibatalkan",
	"notifications.kind.code":           "Kode sekali pakai",
}

func init() { addPages(notifyIndonesian) }
