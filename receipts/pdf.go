package receipts

import (
	"strconv"

	"santunan/domain"
	"santunan/i18n"
	"santunan/pdfdoc"
)

// qrMM is the QR code's printed side: about 3.5 cm, which a phone camera
// reads from arm's length.
const qrMM = 36.0

// FiledAt writes the moment of filing as "28 November 2026 pukul 10.00 WIB".
func FiledAt(r Receipt, lang i18n.Lang) string {
	local := r.FiledAt.In(domain.Jakarta())
	return i18n.Textf(lang, "format.datetime", "date", i18n.FormatDate(lang, local), "time", local.Format("15.04"))
}

// PDF writes the receipt on paper (pdfdoc.A5 or pdfdoc.A4).
func PDF(r Receipt, lang i18n.Lang, paper pdfdoc.Paper) ([]byte, error) {
	qr, err := QRPNG(r.TrackURL)
	if err != nil {
		return nil, err
	}
	t := func(key string) string { return i18n.Text(lang, key) }
	b := []pdfdoc.Block{
		{Text: t("receipt.title"), Size: 12.5, Bold: true},
		{Text: t("receipt.subtitle"), Size: 8, Space: 1},
		{Text: t("receipt.code"), Size: 8, Space: 3},
		{Text: r.Code, Size: 22, Bold: true},
		{Text: t("receipt.filed_at") + ": " + FiledAt(r, lang), Space: 2},
		{Text: t("receipt.deceased") + ": " + r.Deceased},
		{Text: i18n.Textf(lang, "receipt.track", "url", r.TrackURL), Size: 8, Space: 1.5},
		{Text: t("receipt.documents"), Bold: true, Space: 3},
	}
	if len(r.Documents) == 0 {
		b = append(b, pdfdoc.Block{Text: t("receipt.no_documents")})
	}
	for _, k := range r.Documents {
		b = append(b, pdfdoc.Block{Text: i18n.DocumentKindLabel(lang, k), Bullet: "•"})
	}
	b = append(b, pdfdoc.Block{Text: t("receipt.steps"), Bold: true, Space: 2.5})
	for i, s := range i18n.Steps(lang, r.Standard) {
		b = append(b, pdfdoc.Block{Text: s.Text + " (" + s.Time + ")", Bullet: strconv.Itoa(i+1) + ".", Size: 8})
	}
	b = append(b, pdfdoc.Block{Text: t("receipt.contacts"), Bold: true, Space: 3})
	if h := r.Holding(); h != "" {
		b = append(b, pdfdoc.Block{Text: i18n.Textf(lang, "receipt.holding", "office", h)})
	}
	for _, o := range r.Offices {
		b = append(b, pdfdoc.Block{Text: o.Name, Bold: true, Space: 1.5, Size: 8},
			pdfdoc.Block{Text: o.Address, Size: 8},
			pdfdoc.Block{Text: contactLine(o, lang), Size: 8},
			pdfdoc.Block{Text: i18n.Textf(lang, "receipt.hours", "hours", o.Hours), Size: 8})
	}
	b = append(b, pdfdoc.Block{Text: t("offices.free"), Bold: true, Space: 3},
		pdfdoc.Block{Text: t("offices.report"), Size: 8})
	for _, c := range r.Complaints {
		b = append(b, pdfdoc.Block{Text: c, Bullet: "•", Size: 8})
	}
	b = append(b, pdfdoc.Block{Text: t("receipt.privacy"), Size: 7, Space: 2})
	return pdfdoc.RenderSheet(pdfdoc.Sheet{
		Title: t("receipt.title") + " " + r.Code, Paper: paper, Blocks: b, Image: qr, ImageMM: qrMM,
		Footer: t("receipt.code") + " " + r.Code,
		PageLabel: func(page, pages int) string {
			return i18n.Textf(lang, "receipt.page", "page", strconv.Itoa(page), "pages", strconv.Itoa(pages))
		},
		Created: r.FiledAt, Lang: "id-ID",
	})
}

// contactLine is "Telepon (0294) 000000 · WhatsApp +62812...".
func contactLine(o domain.Office, lang i18n.Lang) string {
	s := i18n.Textf(lang, "receipt.phone", "phone", o.Phone)
	if o.WhatsApp != "" {
		s += " · " + i18n.Textf(lang, "receipt.whatsapp", "phone", o.WhatsApp)
	}
	return s
}
