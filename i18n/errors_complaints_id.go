package i18n

// complaintErrorsIndonesian are the pages' sentences of the complaints'
// own error codes (httpkit/errors_complaints.go).
var complaintErrorsIndonesian = map[string]string{
	"error.reopen_window_passed":   "Aduan ini sudah terlalu lama selesai untuk dibuka kembali. Silakan ajukan aduan baru.",
	"error.named_unit_unconfirmed": "Aduan pungutan liar ini menyebut unit yang sama. Centang konfirmasi bila memang harus diteruskan ke unit tersebut.",
	"error.lapor_not_configured":   "Integrasi SP4N-LAPOR! belum diatur.",
}

func init() { addPages(complaintErrorsIndonesian) }
