package notify

import (
	"net/url"

	"santunan/i18n"
)

// maxReason bounds the staff's reason in a message (an SMS is short).
const maxReason = 160

// render is the Indonesian text of a claim's message and its template
// parameters (for WhatsApp): the code, the tracking link, then the reason
// and, for a returned claim, the link to fix it online, or for a paid one
// the satisfaction survey's link (survey; "" when there is none, then the
// paid text without it). A long number in the reason (a NIK, an account)
// is masked.
func (s *Service) render(kind Kind, code, reason, survey string) (string, []string) {
	q := "?kode=" + url.QueryEscape(code)
	track := s.opts.PublicURL + "/lacak" + q
	fix := s.opts.PublicURL + "/perbaiki" + q
	reason = trimText(MaskDigits(reason), maxReason)
	key := "notify." + string(kind)
	if kind == KindPaid && survey != "" {
		key = "notify.paid_survey"
	}
	text := i18n.Textf(i18n.Indonesian, key,
		"code", code, "link", track, "reason", reason, "fix_link", fix, "survey_link", survey)
	params := []string{code, track}
	if withReason(kind) {
		params = append(params, reason)
	}
	if kind == KindReturned {
		params = append(params, fix)
	}
	if kind == KindPaid && survey != "" {
		params = append(params, survey)
	}
	return text, params
}
