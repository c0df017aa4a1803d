package i18n

// receiptPagesIndonesian holds the words of the receipt (tanda terima) that
// an heir takes home from filing, as a page to print and as a PDF. The
// steps and their times are the landing page's ("landing.step_N"), so the
// two never disagree.
var receiptPagesIndonesian = map[string]string{
	"receipt.title":         "Tanda terima pengajuan santunan kematian",
	"receipt.subtitle":      "Simpan tanda terima ini. Kode klaim diperlukan untuk melacak pengajuan.",
	"receipt.code":          "Kode klaim",
	"receipt.filed_at":      "Tanggal pengajuan",
	"receipt.deceased":      "Almarhum/almarhumah",
	"receipt.documents":     "Dokumen yang diterima",
	"receipt.no_documents":  "Belum ada dokumen yang diterima.",
	"receipt.track":         "Lacak pengajuan di {url} dengan kode klaim dan NIK ahli waris, atau pindai kode QR.",
	"receipt.qr_alt":        "Kode QR menuju halaman lacak klaim {code}",
	"receipt.steps":         "Langkah dan perkiraan waktu",
	"receipt.contacts":      "Kontak kantor layanan",
	"receipt.holding":       "Klaim Anda sedang di {office}.",
	"receipt.phone":         "Telepon {phone}",
	"receipt.whatsapp":      "WhatsApp {phone}",
	"receipt.hours":         "Jam layanan: {hours}",
	"receipt.privacy":       "Untuk melindungi data pribadi, tanda terima ini tidak memuat NIK, nomor telepon atau nomor rekening, dan nama almarhum/almarhumah disamarkan.",
	"receipt.page":          "Halaman {page} dari {pages}",
	"receipt.print":         "Cetak tanda terima",
	"receipt.download":      "Unduh PDF",
	"receipt.paper_a4":      "Tampilan untuk kertas A4",
	"receipt.paper_a5":      "Tampilan untuk kertas A5",
	"receipt.print_hint":    "Cetak halaman ini dengan menu Cetak pada peramban (Ctrl+P). Yang tercetak hanya tanda terima.",
	"receipt.back":          "Kembali ke klaim",
	"receipt.after_filing":  "Cetak tanda terima untuk ahli waris setelah dokumen diunggah, agar daftar dokumen yang diterima lengkap.",
	"receipt.heir_download": "Unduh tanda terima (PDF)",
	"receipt.heir_hint":     "Tanda terima memuat kode klaim, kode QR ke halaman ini, dokumen yang diterima dan kontak kantor. NIK ahli waris diminta sekali lagi untuk mengunduhnya.",
}

func init() { addPages(receiptPagesIndonesian) }
