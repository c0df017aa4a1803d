package notify

import (
	"fmt"

	"gorm.io/gorm"
)

// Direct is a message with no claim: a one-time code for a phone check, or
// a complaint's step to its complainant. Ref is the caller's id of the
// message (e.g. "phone_check:<id>", "complaint:<id>:<seq>"), unique per
// channel. Params are the WhatsApp template's parameters (the text alone
// when empty). A direct message holds no personal data beyond the phone,
// which is erased once it is done.
type Direct struct {
	Phone  string
	Kind   Kind
	Text   string
	Params []string
	Ref    string
}

// EnqueueDirect queues a direct message inside the caller's transaction
// tx: one per channel. A second message with the same ref is refused
// (domain.ErrConflict): each needs its own ref. A code's text is never
// logged, and is erased from the table once sent or failed.
func (s *Service) EnqueueDirect(tx *gorm.DB, m Direct) error {
	if m.Phone == "" || m.Text == "" || m.Ref == "" || m.Kind == "" {
		return fmt.Errorf("notify: a direct message needs a phone, a kind, a text and a reference")
	}
	params := m.Params
	if len(params) == 0 {
		params = []string{m.Text}
	}
	for _, ch := range s.opts.Channels {
		r := m.Ref
		n := Notification{Ref: &r, Channel: ch.Name(), Kind: m.Kind, Recipient: m.Phone, Body: m.Text}
		if err := s.enqueue(tx, n, params); err != nil {
			return err
		}
	}
	return nil
}

// EnqueueCode queues a one-time code for a phone check (a Direct message
// of KindCode, whose text is the template's one parameter).
func (s *Service) EnqueueCode(tx *gorm.DB, phone, text, ref string) error {
	if phone == "" || text == "" || ref == "" {
		return fmt.Errorf("notify: a code needs a phone, a text and a reference")
	}
	return s.EnqueueDirect(tx, Direct{Phone: phone, Kind: KindCode, Text: text, Ref: ref})
}
