package notify

import (
	"net/url"

	"santunan/i18n"
)

// maxReason bounds the staff's reason in a message (an SMS is short).
const maxReason = 160

// render is the Indonesian text of a claim's message and its template
// parameters (for WhatsApp): the code, the tracking link, then the reason
// and, for a returned claim, the link to fix it online. A long number in
// the reason (a NIK, an account) is masked.
func (s *Service) render(kind Kind, code, reason string) (string, []string) {
	q := "?kode=" + url.QueryEscape(code)
	track := s.opts.PublicURL + "/lacak" + q
	fix := s.opts.PublicURL + "/perbaiki" + q
	reason = trimText(MaskDigits(reason), maxReason)
	text := i18n.Textf(i18n.Indonesian, "notify."+string(kind),
		"code", code, "link", track, "reason", reason, "fix_link", fix)
	params := []string{code, track}
	if withReason(kind) {
		params = append(params, reason)
	}
	if kind == KindReturned {
		params = append(params, fix)
	}
	return text, params
}
