package notify

import (
	"fmt"

	"gorm.io/gorm"
)

// EnqueueCode queues a direct message with no claim (a one-time code for a
// phone check) inside the caller's transaction tx: one per channel, unique
// per ref (the caller's id, e.g. the phone check's) and channel. Its text
// is never logged, and is erased from the table once sent or failed. On
// WhatsApp the text is the template's one parameter. A second code with
// the same ref is refused (domain.ErrConflict): each code needs its own ref.
func (s *Service) EnqueueCode(tx *gorm.DB, phone, text, ref string) error {
	if phone == "" || text == "" || ref == "" {
		return fmt.Errorf("notify: a code needs a phone, a text and a reference")
	}
	for _, ch := range s.opts.Channels {
		r := ref
		n := Notification{Ref: &r, Channel: ch.Name(), Kind: KindCode, Recipient: phone, Body: text}
		if err := s.enqueue(tx, n, []string{text}); err != nil {
			return err
		}
	}
	return nil
}
