package i18n

// complaintNotifyIndonesian are the messages to a complainant at each step
// of a complaint ("notify.complaint_*", one per complaint kind of
// notify/kind.go): the tracking code and the /aduan/lacak link, never a
// name, a phone or the complaint's content.
var complaintNotifyIndonesian = map[string]string{
	"notify.complaint_received": "Santunan kematian: aduan {code} sudah kami terima dan akan diperiksa petugas pengaduan. Simpan kode ini. Lacak: {link}",
	"notify.complaint_verified": "Santunan kematian: aduan {code} sudah diverifikasi dan akan diteruskan ke unit yang berwenang. Lacak: {link}",
	"notify.complaint_declined": "Santunan kematian: aduan {code} tidak dapat kami tangani karena di luar kewenangan kami. Keterangan dan tujuan yang tepat ada di halaman lacak: {link}",
	"notify.complaint_assigned": "Santunan kematian: aduan {code} sudah diteruskan ke unit yang berwenang untuk ditindaklanjuti. Lacak: {link}",
	"notify.complaint_answered": "Santunan kematian: aduan {code} sudah dijawab. Baca jawabannya, lalu konfirmasi selesai atau sanggah di: {link}",
	"notify.complaint_closed":   "Santunan kematian: aduan {code} sudah selesai. Bila masalahnya belum tuntas, Anda masih dapat membukanya kembali di: {link}",
	"notify.complaint_reopened": "Santunan kematian: aduan {code} dibuka kembali dan diteruskan lagi ke unit yang berwenang. Lacak: {link}",

	"notifications.kind.complaint_received": "Aduan diterima",
	"notifications.kind.complaint_verified": "Aduan diverifikasi",
	"notifications.kind.complaint_declined": "Aduan di luar kewenangan",
	"notifications.kind.complaint_assigned": "Aduan diteruskan",
	"notifications.kind.complaint_answered": "Aduan dijawab",
	"notifications.kind.complaint_closed":   "Aduan selesai",
	"notifications.kind.complaint_reopened": "Aduan dibuka kembali",
}

func init() { addPages(complaintNotifyIndonesian) }
