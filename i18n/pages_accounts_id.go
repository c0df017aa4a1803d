package i18n

// accountPagesIndonesian holds the words of the account pages: changing
// one's own password (a one-time password set by the admin must be
// replaced at the first login) and the auditor's security log. They join
// pagesIndonesian when the package loads (see init).
var accountPagesIndonesian = map[string]string{
	"nav.password":     "Kata sandi",
	"nav.security_log": "Log keamanan",

	"field.current_password":   "Kata sandi saat ini",
	"field.new_password":       "Kata sandi baru",
	"field.new_password_again": "Ulangi kata sandi baru",

	"password.title":    "Ganti kata sandi",
	"password.intro":    "Pilih kata sandi yang hanya Anda ketahui. Setelah diganti, sesi Anda di perangkat lain diakhiri.",
	"password.required": "Kata sandi Anda dibuat oleh administrator dan hanya berlaku sekali. Buat kata sandi baru sebelum melanjutkan.",
	"password.hint_new": "Minimal 10 karakter, berbeda dari kata sandi saat ini. Kalimat pendek yang mudah Anda ingat lebih baik daripada kata yang rumit.",
	"password.submit":   "Simpan kata sandi baru",
	"password.done":     "Kata sandi Anda sudah diganti. Sesi Anda di perangkat lain diakhiri.",
	"password.continue": "Lanjutkan",

	"security.title":       "Log keamanan",
	"security.intro":       "Setiap percobaan masuk, setiap keluar dan setiap perubahan akun pengguna tercatat di sini: apa, untuk akun siapa, oleh siapa, kapan dan dari alamat IP mana. Catatan ini tidak dapat diubah atau dihapus, dan setiap catatan terkait dengan hash catatan sebelumnya, sehingga tindakan administrator pun selalu terlihat. Yang terbaru di atas.",
	"security.caption":     "Log keamanan, yang terbaru lebih dulu",
	"security.col_time":    "Waktu",
	"security.col_event":   "Kejadian",
	"security.col_account": "Akun",
	"security.col_actor":   "Oleh",
	"security.col_ip":      "Alamat IP",
	"security.filter":      "Tampilkan",
	"security.for":         "Kejadian untuk akun {user}",
	"security.empty":       "Belum ada kejadian yang tercatat.",
	"security.verify_hint": "Keutuhan rangkaian hash log ini diperiksa bersama jejak audit klaim (santunan audit verify).",

	"security.kind.login_success":           "Berhasil masuk",
	"security.kind.login_failure":           "Gagal masuk",
	"security.kind.login_locked":            "Ditolak: alamat ini dikunci sementara untuk akun ini",
	"security.kind.login_throttled":         "Ditolak: percobaan masuk ke akun ini diperlambat",
	"security.kind.logout":                  "Keluar",
	"security.kind.user_created":            "Pengguna dibuat",
	"security.kind.user_disabled":           "Pengguna dinonaktifkan",
	"security.kind.user_enabled":            "Pengguna diaktifkan kembali",
	"security.kind.password_reset":          "Kata sandi diatur ulang oleh administrator",
	"security.kind.password_changed":        "Kata sandi diganti oleh penggunanya",
	"security.kind.password_change_failure": "Gagal mengganti kata sandi",
	"security.kind.admin_bootstrapped":      "Administrator pertama dibuat",

	"security.reason.unknown_username":     "nama pengguna tidak dikenal",
	"security.reason.inactive_user":        "pengguna nonaktif",
	"security.reason.wrong_password":       "kata sandi salah",
	"security.reason.changed_during_login": "akun diubah saat proses masuk",
	"security.reason.malformed_username":   "nama pengguna tidak sah",
	"security.reason.web":                  "sesi peramban",
	"security.reason.api":                  "token API",
	"security.reason.role":                 "peran {role}",

	"error.login_throttled":          "Terlalu banyak percobaan masuk yang gagal untuk akun ini dari berbagai tempat. Tunggu sebentar, lalu coba lagi.",
	"error.login_throttled_until":    "Terlalu banyak percobaan masuk yang gagal untuk akun ini dari berbagai tempat. Coba lagi setelah {time}.",
	"error.password_change_required": "Ganti dulu kata sandi Anda yang dibuat oleh administrator.",
}

// init adds the account pages' texts to the Indonesian catalog.
func init() { addPages(accountPagesIndonesian) }
