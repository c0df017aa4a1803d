package workflow

import (
	"fmt"

	"santunan/domain"
)

// EventHook runs inside the transaction that appended ev to claim c's trail
// (c as it stands after the event). Whatever it writes through tx.DB()
// commits or rolls back with the event; an error refuses the action. A hook
// must not call anything outside the database: it records the work (a job,
// an outbox row) for a worker to do after the commit.
type EventHook func(tx *Tx, c domain.Claim, ev domain.Event) error

// heard tells the engine's event hooks of an event just appended.
func (t *Tx) heard(c domain.Claim, ev domain.Event) error {
	for _, hook := range t.e.cfg.OnEvent {
		if err := hook(t, c, ev); err != nil {
			return fmt.Errorf("event %s of claim %d: %w", ev.Action, c.ID, err)
		}
	}
	return nil
}
