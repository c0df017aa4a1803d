package i18n

// transferPagesIndonesian holds the words of a batch's transfer files and
// of the lines the treasurer resolves without a bank result (withdrawn
// from the batch, or failed). They join pagesIndonesian as the payment
// pages' texts do.
var transferPagesIndonesian = map[string]string{
	"event.transfer_sent": "Dikirim ke bank dalam berkas transfer",

	"batch.step_transfer":      "Ambil berkas transfer untuk bank dan unggah ke portal bank",
	"batch.step_transfer_text": "Berkas berisi baris yang belum pernah dikirim ke bank dan belum punya hasil: {n} transfer senilai {total}. Tombol di bawah mencatat baris-baris itu sebagai terkirim ke bank, lalu mengunduh berkasnya; hanya baris yang terkirim yang dapat dicatat berhasil dibayar. Periksa total kontrol di portal bank.",
	"batch.step_transfer_held": "{n} baris ditahan karena nama rekening tidak cocok: cek ulang namanya, atau keluarkan baris itu dari batch atau catat gagal (tautan pada baris).",
	"batch.step_transfer_none": "Tidak ada baris yang menunggu dikirim: semua sudah dikirim, sudah punya hasil, atau ditahan.",
	"batch.send_transfer":      "Catat terkirim dan unduh berkas transfer (CSV)",
	"batch.files_title":        "Berkas transfer yang sudah dikirim",
	"batch.file_label":         "Berkas #{n}: {lines} baris, {total}",
	"batch.file_meta":          "Diambil {time}. SHA-256 {sha}",
	"batch.file_meta_legacy":   "Diambil {time}, sebelum isi berkas dicatat.",
	"batch.file_download":      "Unduh lagi (isi sama persis)",
	"batch.item.sent":          "Terkirim, berkas #{n}",
	"batch.item.held":          "Ditahan: nama rekening tidak cocok",
	"batch.item.withdrawn":     "Dikeluarkan",
	"batch.check.carried":      "Masih bertanda tidak sesuai dari pengecekan sebelumnya; cek ulang sebelum transfer.",
	"batch.recon.withdrawn":    "Dikeluarkan dari batch",
	"batch.line_resolve":       "Keluarkan atau catat gagal",
	"batch.line_withdrawn":     "Baris klaim {code} dikeluarkan dari batch; klaim kembali berstatus Disetujui.",
	"batch.line_failed":        "Baris klaim {code} dicatat gagal; klaim menunggu perbaikan rekening oleh Dinas Sosial.",

	"line.title":          "Baris klaim {code}",
	"line.back":           "← Kembali ke batch #{id}",
	"line.intro":          "Baris ini belum pernah dikirim ke bank, sehingga bank tidak akan memberi hasil untuknya. Selesaikan dengan salah satu cara di bawah. Alasan wajib diisi; alasan dicatat pada baris dan pada riwayat klaim.",
	"line.withdraw_title": "Keluarkan dari batch",
	"line.withdraw_text":  "Klaim kembali berstatus Disetujui dan dapat dimasukkan ke batch berikutnya. Selama klaim masih bertanda nama rekening tidak cocok, baris barunya ditahan sampai namanya dicek ulang dan sesuai.",
	"line.withdraw":       "Keluarkan dari batch",
	"line.fail_title":     "Catat pembayaran gagal",
	"line.fail_text":      "Klaim menjadi Pembayaran gagal. Petugas Dinas Sosial lalu memperbaiki rekeningnya melalui Ulangi pembayaran, dan klaim masuk batch berikutnya.",
	"line.fail":           "Catat pembayaran gagal",
	"line.reason_hint":    "Misalnya: nama pemilik rekening menurut bank berbeda dengan nama ahli waris.",
	"line.unavailable":    "Baris ini tidak dapat dikeluarkan atau dicatat gagal.",

	"error.batch_closed":      "Semua baris batch ini sudah punya hasil; tidak ada lagi yang dapat dikirim, dikeluarkan atau dicatat gagal.",
	"error.nothing_to_send":   "Tidak ada baris yang menunggu dikirim ke bank: semua sudah dikirim (unduh lagi berkasnya di bawah), sudah punya hasil, atau ditahan karena nama rekening tidak cocok.",
	"error.transfer_not_sent": "Berkas transfer batch ini belum pernah diambil untuk bank.",
	"error.line_sent":         "Baris ini sudah dikirim ke bank dan mungkin sedang dibayar: hanya berkas hasil dari bank yang dapat menyelesaikannya.",
	"error.line_resolved":     "Baris ini sudah punya hasil.",
}

func init() { addPages(transferPagesIndonesian) }
