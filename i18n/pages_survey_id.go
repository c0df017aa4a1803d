package i18n

// surveyIndonesian are the words of the satisfaction survey (SKM,
// Permenpan RB 14/2017): the paid message's variant with the survey's
// link, the heir's survey page and the staff's index page.
var surveyIndonesian = map[string]string{
	"notify.paid_survey": "Santunan kematian: klaim {code} sudah dibayar ke rekening ahli waris. Mohon isi survei kepuasan (1 menit): {survey_link} Lacak: {link}",
}

func init() { addPages(surveyIndonesian) }
